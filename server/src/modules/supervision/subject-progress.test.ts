import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB, ResourceStatus } from '../../db/schema';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser } from '../../test/factories';
import { buildStandard } from '../../test/standard-factory';
import { chinaDate } from '../../platform/china-time';
import { SupervisionRepository } from './supervision.repository';

const DAY = 86_400_000;
const today = chinaDate();
const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);
const ago = (days: number) => new Date(Date.now() - days * DAY);

let t: TestApp;
let db: Kysely<DB>;
let ministry: TestClient;
let world: { platformId: string; standardId: string; s1: string; s2: string };

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  const platform = await buildOrg(db, { kind: 'domain_platform', nameZh: '进度平台' });
  const { version } = await buildStandard(db, platform.id, { status: 'approved' });
  const unit = await buildOrg(db, { nameZh: '进度大学' });
  const s1 = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: unit.id, regionCode: '330000', acceptanceDate: day(400) })).subject;
  const s2 = (await buildSubject(db, { platformOrgId: platform.id, leadUnitId: unit.id, regionCode: '510000', acceptanceDate: day(400) })).subject;
  const admin = await buildUser(db, { grants: [{ role: 'ministry_admin', scopeId: (await buildOrg(db, { kind: 'ministry' })).id }] });
  ministry = await t.login(admin.username);
  world = { platformId: platform.id, standardId: version.id, s1: s1.id, s2: s2.id };
});
afterAll(async () => {
  await t.close();
});

interface Figures {
  overview: Record<string, unknown>;
  rows: Array<Record<string, unknown>>;
}

/** What the ministry sees: the overview and every subject row (progress refreshed by the read itself). */
async function figures(): Promise<Figures> {
  const overview = (await ministry.get('/api/supervision/overview')).json<Record<string, unknown>>();
  const list = (await ministry.get('/api/supervision/subjects?pageSize=100')).json<{ items: Array<Record<string, unknown>> }>();
  return { overview, rows: list.items.map(({ lastReminderAt: _, ...row }) => row) };
}

/** The same figures with every progress row thrown away and recomputed from scratch. */
async function recomputed(): Promise<Figures> {
  await sql`TRUNCATE subject_progress, subject_type_progress, subject_open_lines`.execute(db);
  await sql`INSERT INTO subject_progress_stale (subject_id) SELECT id FROM subjects ON CONFLICT (subject_id) DO UPDATE SET mark = excluded.mark`.execute(db);
  return figures();
}

async function staleSubjects(): Promise<string[]> {
  return (await db.selectFrom('subjectProgressStale').select('subjectId').execute()).map((r) => r.subjectId);
}

const addResource = async (subjectId: string, resourceType: string, status: ResourceStatus, stepDueAt: Date | null = null) =>
  (await db.insertInto('resources').values({
    subjectId, resourceType, status, standardVersionId: world.standardId, lineageId: randomUUID(), versionNo: 1, titleZh: `${resourceType} 资源`,
    releasedAt: status === 'released' ? ago(1) : null, stepDueAt, reviewRound: 1,
  }).returning('id').executeTakeFirstOrThrow()).id;

async function addPlan(subjectId: string, status: 'approved' | 'unit_review', lines: Array<[string, number, string]>, stepDueAt: Date | null = null) {
  const plan = await db.insertInto('plans').values({ subjectId }).returning('id').executeTakeFirstOrThrow();
  const version = await db.insertInto('planVersions').values({ planId: plan.id, versionNo: 1, kind: 'initial', status, round: 1, stepDueAt }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('planLines').values(lines.map(([resourceType, plannedCount, dueDate], i) => ({ planVersionId: version.id, position: i + 1, resourceType, plannedCount, dueDate, sharingMode: 'open' }))).execute();
  if (status === 'approved') await db.updateTable('plans').set({ approvedVersionId: version.id }).where('id', '=', plan.id).execute();
}

describe('subject progress behind the supervision dashboards', () => {
  it('follows every change the figures are computed from, and always equals a full recompute', async () => {
    const step = async (expected: Record<string, unknown>) => {
      const live = await figures();
      expect(live.overview).toMatchObject(expected);
      expect(await staleSubjects()).toEqual([]);
      expect(await recomputed()).toEqual(live);
    };
    await step({ subjects: 2, planned: 0, delivered: 0, withApprovedPlan: 0 });

    // An approved plan: one data line already past due, a report line later.
    await addPlan(world.s1, 'approved', [['data', 2, day(-3)], ['report', 1, day(10)]]);
    await step({ withApprovedPlan: 1, planned: 3, delivered: 0, overdue: { subjects: 1, planLines: 1, planReviews: 0, resourceReviews: 0 } });

    // A dataset submitted, its unit review deadline passed yesterday.
    const first = await addResource(world.s1, 'data', 'unit_review', ago(1));
    await step({ inReview: { unit: 1, platform: 0, expert: 0 }, overdue: { subjects: 1, planLines: 1, planReviews: 0, resourceReviews: 1 } });

    // Released: delivered, no longer in review; the line of two is still short of one.
    await db.updateTable('resources').set({ status: 'released', releasedAt: new Date() }).where('id', '=', first).execute();
    await step({ delivered: 1, inReview: { unit: 0, platform: 0, expert: 0 }, overdue: { subjects: 1, planLines: 1, planReviews: 0, resourceReviews: 0 } });

    // The second dataset covers the line: nothing overdue.
    await addResource(world.s1, 'data', 'released');
    await step({ delivered: 2, overdue: { subjects: 0, planLines: 0, planReviews: 0, resourceReviews: 0 }, certificates: { issued: 0, eligible: 0 } });

    // The report waived: every line fulfilled, the certificate can be issued; then it is.
    await db.insertInto('planWaivers').values({ subjectId: world.s1, resourceType: 'report', reason: '并入结题报告' }).execute();
    await step({ certificates: { issued: 0, eligible: 1 } });
    const sha = 'b'.repeat(64);
    await db.insertInto('blobs').values({ sha256: sha, size: 1 }).execute();
    await db.insertInto('certificates').values({ subjectId: world.s1, number: 'HJPZ-2026-910001', code: 'WXYZ-ABCD-EFGH-JKLM', platformOrgId: world.platformId, content: '{}', pdfSha256: sha }).execute();
    await step({ certificates: { issued: 1, eligible: 0 } });

    // The other subject: a plan in unit review past its deadline, money spent with nothing released.
    await addPlan(world.s2, 'unit_review', [['data', 4, day(30)]], ago(2));
    await db.insertInto('fundingReports').values({ subjectId: world.s2, amountSpent: '1200.00' }).execute();
    await step({ withApprovedPlan: 1, overdue: { subjects: 1, planLines: 0, planReviews: 1, resourceReviews: 0 }, funding: { spent: '1200.00', flagged: 1 } });

    // A withdrawn waiver and a deleted certificate go back the other way.
    await db.deleteFrom('certificates').where('subjectId', '=', world.s1).execute();
    await db.deleteFrom('planWaivers').where('subjectId', '=', world.s1).execute();
    await step({ certificates: { issued: 0, eligible: 0 } });

    // The registry edits a subject's budget and acceptance date, and registers a new subject.
    await db.updateTable('subjects').set({ collectionBudget: '1000' }).where('id', '=', world.s1).execute();
    await db.updateTable('subjects').set({ collectionBudget: '2500.50', acceptanceDate: day(30) }).where('id', '=', world.s2).execute();
    await step({ acceptanceWithin90Days: 1, funding: { budget: '3500.50', spent: '1200.00', flagged: 1 } });
    const unit = await db.selectFrom('subjects').select('leadUnitId').where('id', '=', world.s1).executeTakeFirstOrThrow();
    await buildSubject(db, { platformOrgId: world.platformId, leadUnitId: unit.leadUnitId, regionCode: '110000', acceptanceDate: null });
    await step({ subjects: 3, withApprovedPlan: 1 });
  });

  it('marks a subject stale only when something its figures come from changes', async () => {
    await t.services.supervision.refreshProgress();
    const draft = await addResource(world.s2, 'data', 'draft');
    expect(await staleSubjects()).toEqual([world.s2]);
    expect(await t.services.supervision.refreshProgress()).toBe(1);

    // An autosave (title, metadata) does not touch progress; a status change does.
    await db.updateTable('resources').set({ titleZh: '改过的题名', metadata: JSON.stringify({ titleZh: '改过的题名' }) }).where('id', '=', draft).execute();
    expect(await staleSubjects()).toEqual([]);
    await db.updateTable('resources').set({ status: 'unit_review', stepDueAt: ago(-5) }).where('id', '=', draft).execute();
    expect(await staleSubjects()).toEqual([world.s2]);
    expect(await t.services.supervision.refreshProgress()).toBe(1);
    expect(await t.services.supervision.refreshProgress()).toBe(0);
  });

  it('lets a dashboard read refresh one batch at most, leaving a bulk change to the job', async () => {
    await t.services.supervision.refreshProgress();
    // 5 001 marks (ids of no subject: nothing to compute, so only the batching is measured).
    await sql`INSERT INTO subject_progress_stale (subject_id) SELECT gen_random_uuid() FROM generate_series(1, 5001)`.execute(db);
    await ministry.get('/api/supervision/overview');
    expect(await staleSubjects()).toHaveLength(1);
    expect(await t.services.supervision.refreshProgress()).toBe(1);
  });

  it('keeps a subject stale when it changes again after the refresh computed it', async () => {
    await t.services.supervision.refreshProgress();
    await db.insertInto('fundingReports').values({ subjectId: world.s1, amountSpent: '10.00' }).execute();
    // Another report arrives between computing the row (10.00) and clearing the stale mark.
    const refreshed = await new SupervisionRepository(db).refreshStale({ beforeClearing: async (trx) => {
      await trx.insertInto('fundingReports').values({ subjectId: world.s1, amountSpent: '20.00', reportedAt: new Date(Date.now() + 1000) }).execute();
    } });
    expect(refreshed).toBe(1);
    expect(await staleSubjects()).toEqual([world.s1]);
    expect((await figures()).overview).toMatchObject({ funding: { spent: '1220.00', flagged: 1 } });
  });
});
