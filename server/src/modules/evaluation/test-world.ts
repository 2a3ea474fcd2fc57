import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, ResourceStatus } from '../../db/schema';
import type { TestApp } from '../../test/build-app';
import { TestClient } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildReviewWorld } from '../../test/review-world';
import { validCoreRecord } from '../../test/standard-factory';
import { PlansRepository } from '../plans/plans.repository';

/** A moment in China time. */
export const at = (local: string) => new Date(`${local}+08:00`);

/** Test helpers that write evaluation inputs directly, each with the dates a formula test needs. */
export function evaluationInputs(db: Kysely<DB>) {
  return {
    /** An approved plan with these lines (in this order: positions 1…n). */
    async plan(subjectId: string, lines: Array<{ type: string; planned: number; due: string }>) {
      await db.transaction().execute(async (trx) => {
        const repo = new PlansRepository(trx);
        const plan = await repo.insertPlan(subjectId);
        const version = await repo.insertVersion({ planId: plan.id, versionNo: 1, kind: 'initial', amendmentReason: null, createdBy: null });
        await repo.replaceLines(version.id, lines.map((l) => ({ resourceType: l.type, plannedCount: l.planned, dueDate: l.due, sharingMode: 'open', notes: null })));
        await repo.updateVersion(version.id, { status: 'approved', approvedAt: new Date() });
        await repo.setApproved(plan.id, version.id);
      });
    },

    /**
     * One version of a lineage with its review rounds (each closed by one platform decision at `decided`),
     * released and withdrawn when given. Returns the resource id.
     */
    async version(subjectId: string, type: string, standardVersionId: string, options: {
      lineageId?: string; versionNo?: number; status?: ResourceStatus; released?: string; withdrawn?: string;
      rounds: Array<{ submitted: string; outcome: 'open' | 'returned' | 'approved'; decided?: string; metadata?: Record<string, unknown> }>;
    }) {
      const released = options.released ? at(options.released) : null;
      const withdrawn = options.withdrawn ? at(options.withdrawn) : null;
      const { id } = await db.insertInto('resources').values({
        subjectId, resourceType: type, standardVersionId, lineageId: options.lineageId ?? randomUUID(), versionNo: options.versionNo ?? 1, titleZh: `评价测试资源 ${type}`,
        status: options.status ?? (withdrawn ? 'withdrawn' : released ? 'released' : 'unit_review'), reviewRound: options.rounds.length,
        releasedAt: released, withdrawnAt: withdrawn, sharingMode: released ? 'open' : null, cstr: released ? `CSTR:31253.11.EVAL${randomUUID().slice(0, 8)}` : null,
        metadata: JSON.stringify(options.rounds.at(-1)?.metadata ?? validCoreRecord()),
      }).returning('id').executeTakeFirstOrThrow();
      for (const [i, round] of options.rounds.entries()) {
        await db.insertInto('reviewRounds').values({ resourceId: id, round: i + 1, submittedAt: at(round.submitted), metadata: JSON.stringify(round.metadata ?? validCoreRecord()), files: '[]', outcome: round.outcome }).execute();
        if (round.decided) {
          await db.insertInto('reviewDecisions').values({ resourceId: id, round: i + 1, tier: 'platform', decision: round.outcome === 'returned' ? 'return' : 'approve', decidedAt: at(round.decided), detail: null }).execute();
        }
      }
      return id;
    },

    async opinion(resourceId: string, round: number, expertId: string, scores: number[], submitted: string) {
      await db.insertInto('expertAssignments').values({
        resourceId, round, expertId, conflict: 'none', scores: JSON.stringify(scores.map((score, i) => ({ criterion: ['quality', 'completeness', 'usability'][i] ?? `c${i}`, score, comment: null }))),
        recommendation: 'approve', submittedAt: at(submitted),
      }).execute();
    },

    async usage(resourceId: string, month: string, counts: { views: number; uniqueUsers: number; downloads: number; searchHits: number; applications: number }) {
      await db.insertInto('usageMonthly').values({
        resourceId, month, totalItemInvestigations: counts.views, uniqueItemInvestigations: counts.uniqueUsers, totalItemRequests: counts.downloads, uniqueItemRequests: counts.downloads,
        searchHits: counts.searchHits, applicationsApproved: counts.applications, machineInvestigations: 0, machineRequests: 0, uniqueMachineInvestigations: 0, uniqueMachineRequests: 0,
      }).execute();
    },

    async reuse(resourceId: string, reportedBy: string, status: 'pending' | 'accepted' | 'rejected', reviewed?: string) {
      await db.insertInto('reuseReports').values({ resourceId, kind: 'citation', description: '在论文中引用了该数据集', reportedBy, reportedAt: at('2026-04-01T09:00:00'), status, reviewedAt: reviewed ? at(reviewed) : null }).execute();
    },
  };
}

/**
 * The worked example of the formula tests (as of 2026-06-15 12:00 China time), hand-computed:
 * subject A scores completion 72.35, sharing 66.33, total 69.94; subject B 62.82, 0.00, 37.69;
 * subject C has no approved plan and is not scored.
 */
export async function buildEvaluationWorld(t: TestApp) {
  const db = t.database.db;
  const w = await buildReviewWorld(t);
  const input = evaluationInputs(db);
  const { id: standardVersionId, standardId } = await db.selectFrom('standardVersions').select(['id', 'standardId']).executeTakeFirstOrThrow();
  // A report schema with every field required: it has no optional fields, so its resources are skipped by completeness.
  const { id: allRequired } = await db.insertInto('standardVersions').values({
    standardId, version: '9.0.0', status: 'approved',
    document: JSON.stringify({ domain: 'eval-test', version: '9.0.0', resourceTypes: { report: { schema: { type: 'object', properties: { titleZh: { type: 'string' }, pages: { type: 'integer' } }, required: ['titleZh', 'pages'] } } } }),
  }).returning('id').executeTakeFirstOrThrow();
  const ministryOrg = await buildOrg(db, { kind: 'ministry', nameZh: '科学技术部（评价测试）' });
  const ministry = await buildUser(db, { grants: [{ role: 'ministry_admin', scopeId: ministryOrg.id }] });
  const piB = await buildUser(db, { orgId: w.leadUnit.id });
  const { subject: subjectB } = await buildSubject(db, { platformOrgId: w.otherPlatform.id, leadUnitId: w.leadUnit.id, regionCode: '110000', titleZh: '京津冀大气颗粒物监测课题' });
  await grantSubjectRole(db, piB.id, 'pi', subjectB.id);
  const { subject: subjectC } = await buildSubject(db, { platformOrgId: w.platform.id, leadUnitId: w.leadUnit.id, titleZh: '尚无计划的课题' });
  const A = w.subject.id;

  await input.plan(A, [
    { type: 'data', planned: 2, due: '2026-03-31' },
    { type: 'data', planned: 2, due: '2026-05-31' },
    { type: 'report', planned: 1, due: '2026-04-30' },
    { type: 'publication', planned: 3, due: '2026-12-31' },
    { type: 'patent_standard', planned: 1, due: '2026-02-28' },
  ]);
  await db.insertInto('planWaivers').values({ subjectId: A, resourceType: 'patent_standard', reason: '课题未形成专利', waivedBy: null }).execute();

  const data = (extra: Record<string, unknown>) => validCoreRecord({ sampleSize: 1200, ...extra });
  // Data: six optional fields (titleEn, descriptionEn, keywordsEn, programName, relatedIdentifiers, informedConsent).
  const d1 = await input.version(A, 'data', standardVersionId, { released: '2026-03-25T10:00:00', rounds: [
    { submitted: '2026-03-10T09:00:00', outcome: 'approved', decided: '2026-03-20T09:00:00', metadata: data({ titleEn: 'Baseline', descriptionEn: '', keywordsEn: [], informedConsent: true }) },
  ] });
  const d2 = await input.version(A, 'data', standardVersionId, { released: '2026-04-20T10:00:00', rounds: [
    { submitted: '2026-03-31T23:30:00', outcome: 'returned', decided: '2026-04-05T09:00:00', metadata: data({}) },
    { submitted: '2026-04-10T09:00:00', outcome: 'approved', decided: '2026-04-15T09:00:00', metadata: data({ titleEn: 'Follow-up', descriptionEn: 'Second wave', keywordsEn: ['cohort'], programName: '重点研发计划', relatedIdentifiers: [{ type: 'DOI', value: '10.1234/abc' }], informedConsent: false }) },
  ] });
  // Submitted 06:00 on 1 April China time (still 31 March in UTC): not by the 31 March line's due date.
  const d3 = await input.version(A, 'data', standardVersionId, { rounds: [
    { submitted: '2026-04-01T06:00:00', outcome: 'approved', decided: '2026-06-20T09:00:00', metadata: data({ titleEn: null, programName: '重点研发计划' }) },
  ] });
  await input.version(A, 'data', standardVersionId, { status: 'returned', rounds: [
    { submitted: '2026-06-01T09:00:00', outcome: 'returned', decided: '2026-06-10T09:00:00', metadata: data({}) },
    { submitted: '2026-06-20T09:00:00', outcome: 'open', metadata: data({ titleEn: 'x', descriptionEn: 'y', keywordsEn: ['z'], programName: 'p', relatedIdentifiers: [{ type: 'URL', value: 'https://example.cn' }], informedConsent: true }) },
  ] });
  const r1 = await input.version(A, 'report', allRequired, { released: '2026-05-12T10:00:00', rounds: [{ submitted: '2026-05-05T09:00:00', outcome: 'approved', decided: '2026-05-10T09:00:00' }] });
  const p1 = randomUUID();
  await input.version(A, 'publication', standardVersionId, { lineageId: p1, status: 'superseded', released: '2026-01-10T10:00:00', rounds: [{ submitted: '2026-01-05T09:00:00', outcome: 'approved', decided: '2026-01-08T09:00:00' }] });
  await input.version(A, 'publication', standardVersionId, { lineageId: p1, versionNo: 2, released: '2026-04-01T10:00:00', rounds: [{ submitted: '2026-03-25T09:00:00', outcome: 'approved', decided: '2026-03-30T09:00:00' }] });
  await input.version(A, 'publication', standardVersionId, { released: '2026-02-01T10:00:00', withdrawn: '2026-06-01T10:00:00', rounds: [{ submitted: '2026-01-20T09:00:00', outcome: 'approved', decided: '2026-01-25T09:00:00' }] });
  await input.version(A, 'publication', standardVersionId, { released: '2026-02-01T10:00:00', withdrawn: '2026-07-01T10:00:00', rounds: [{ submitted: '2026-01-20T09:00:00', outcome: 'approved', decided: '2026-01-25T09:00:00' }] });

  await input.opinion(d2, 2, w.users.expert.id, [4, 5, 3], '2026-04-12T09:00:00');
  await input.opinion(d2, 2, w.users.expert2.id, [5, 5, 4], '2026-04-13T09:00:00');
  await input.opinion(d3, 1, w.users.otherExpert.id, [1, 1, 1], '2026-06-16T09:00:00');

  await input.usage(d1, '2026-04-01', { views: 200, uniqueUsers: 20, downloads: 30, searchHits: 500, applications: 1 });
  await input.usage(d1, '2026-05-01', { views: 150, uniqueUsers: 10, downloads: 20, searchHits: 300, applications: 1 });
  await input.usage(r1, '2026-05-01', { views: 300, uniqueUsers: 5, downloads: 10, searchHits: 200, applications: 0 });
  await input.usage(d2, '2026-06-01', { views: 999, uniqueUsers: 99, downloads: 99, searchHits: 999, applications: 9 });

  await input.reuse(d1, w.users.member.id, 'accepted', '2026-05-01T09:00:00');
  await input.reuse(d1, w.users.member.id, 'accepted', '2026-06-10T09:00:00');
  await input.reuse(d1, w.users.member.id, 'accepted', '2026-06-20T09:00:00');
  await input.reuse(d1, w.users.member.id, 'rejected', '2026-05-01T09:00:00');
  await input.reuse(d1, w.users.member.id, 'pending');

  await input.plan(subjectB.id, [{ type: 'data', planned: 2, due: '2026-09-30' }]);
  const b1 = await input.version(subjectB.id, 'data', standardVersionId, { released: '2026-05-01T10:00:00', rounds: [
    { submitted: '2026-04-20T09:00:00', outcome: 'approved', decided: '2026-04-30T09:00:00', metadata: data({ titleEn: 'PM2.5', descriptionEn: 'Hourly', programName: '重点研发计划' }) },
  ] });

  return {
    ...w, input, standardVersionId, ministry, ministryClient: await t.login(ministry.username), piB, piBClient: await t.login(piB.username),
    subjectA: w.subject, subjectB, subjectC, resources: { d1, d2, d3, r1, b1 },
    asOf: '2026-06-15T12:00:00+08:00',
    /** A client with a personal API token of the user (Bearer). */
    token: async (username: string, readOnly = true) => new TestClient(t.server, { bearer: (await (await t.login(username)).post('/api/auth/tokens', { name: '项目管理系统', readOnly })).json().token as string }),
  };
}
