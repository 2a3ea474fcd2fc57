import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ResourceStatus, SharingMode } from '../../db/schema';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { buildOrg, buildSubject, buildUser, grantSubjectRole } from '../../test/factories';
import { buildReviewWorld } from '../../test/review-world';
import type { UsageEventInput } from './usage-event';
import { UsageService } from './usage.service';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
/** A moment in China time. */
const at = (local: string) => new Date(`${local}+08:00`);

let t: TestApp;
let w: Awaited<ReturnType<typeof buildReviewWorld>>;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildReviewWorld(t);
});
afterAll(() => t.close());

async function buildResource(subjectId: string, overrides: { status?: ResourceStatus; sharingMode?: SharingMode | null } = {}) {
  const db = t.database.db;
  const version = await db.selectFrom('standardVersions').select('id').executeTakeFirstOrThrow();
  const row = await db.insertInto('resources').values({
    subjectId, resourceType: 'data', standardVersionId: version.id, lineageId: randomUUID(), titleZh: '用量统计测试数据集',
    status: overrides.status ?? 'released', sharingMode: overrides.sharingMode === undefined ? 'open' : overrides.sharingMode, releasedAt: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

type Who = { ip?: string; userId?: string; machine?: boolean; ua?: string };
/** Records one event through the service, as the portal would. */
function use(resourceId: string, kind: UsageEventInput['kind'], when: string, who: Who = {}) {
  return t.services.usage.record({ resourceId, kind, userId: who.userId ?? null, ip: who.ip ?? '10.0.0.1', userAgent: who.ua ?? BROWSER, machine: who.machine ?? false, at: at(when) });
}

async function settle() {
  await t.services.usage.flush();
  return t.services.usage.aggregate();
}

async function totals(resourceId: string) {
  return (await t.services.usage.countsOf([resourceId])).get(resourceId)!;
}

describe('COUNTER R5 processing', () => {
  it('counts two downloads 10 s apart once and 40 s apart twice (double-click filter)', async () => {
    const close = await buildResource(w.subject.id);
    const apart = await buildResource(w.subject.id);
    use(close, 'download', '2026-03-10T10:15:00', { ip: '10.1.0.1' });
    use(close, 'download', '2026-03-10T10:15:10', { ip: '10.1.0.1' });
    use(apart, 'download', '2026-03-10T10:15:00', { ip: '10.1.0.1' });
    use(apart, 'download', '2026-03-10T10:15:40', { ip: '10.1.0.1' });
    await settle();
    expect(await totals(close)).toMatchObject({ downloads: 1, uniqueDownloads: 1, views: 1, uniqueViews: 1 });
    expect(await totals(apart)).toMatchObject({ downloads: 2, uniqueDownloads: 1, views: 2, uniqueViews: 1 });
  });

  it('starts a new session at the hour: the same user across an hour boundary is two unique views', async () => {
    const resource = await buildResource(w.subject.id);
    const userId = w.users.member.id;
    use(resource, 'view', '2026-03-11T09:59:50', { userId, ip: '10.2.0.1' });
    use(resource, 'view', '2026-03-11T10:00:10', { userId, ip: '10.2.0.2' });
    // The same user from another address within the hour is still the same session.
    use(resource, 'view', '2026-03-11T10:40:00', { userId, ip: '10.2.0.3' });
    await settle();
    expect(await totals(resource)).toMatchObject({ views: 3, uniqueViews: 2 });
  });

  it('keeps robots in the raw events but never counts them, and stores no IP address', async () => {
    const resource = await buildResource(w.subject.id);
    use(resource, 'view', '2026-03-12T08:00:00', { ua: GOOGLEBOT, ip: '66.249.66.1' });
    use(resource, 'download', '2026-03-12T08:01:00', { ua: GOOGLEBOT, ip: '66.249.66.1' });
    use(resource, 'view', '2026-03-12T08:02:00', { ip: '10.3.0.1' });
    await settle();
    const raw = await t.database.db.selectFrom('usageEvents').selectAll().where('resourceId', '=', resource).orderBy('occurredAt').execute();
    expect(raw.map((e) => [e.kind, e.robot])).toEqual([['view', true], ['download', true], ['view', false]]);
    expect(JSON.stringify(raw)).not.toContain('66.249.66.1');
    expect(JSON.stringify(raw)).not.toContain('Googlebot');
    expect(await totals(resource)).toMatchObject({ views: 1, downloads: 0, uniqueViews: 1 });
  });

  it('counts machine (API token) use apart from regular use', async () => {
    const resource = await buildResource(w.subject.id);
    const userId = w.users.member.id;
    use(resource, 'download', '2026-03-13T14:00:00', { userId, machine: true, ua: 'python-requests/2.32' });
    use(resource, 'download', '2026-03-13T14:05:00', { userId, machine: true, ua: 'python-requests/2.32' });
    use(resource, 'view', '2026-03-13T14:06:00', { userId });
    await settle();
    expect(await totals(resource)).toMatchObject({ views: 1, uniqueViews: 1, downloads: 0, machineViews: 2, machineDownloads: 2 });
    expect(await t.services.usage.landingTotals(resource)).toEqual({ views: 3, downloads: 2, uniqueViews: 2, uniqueDownloads: 1 });
  });

  it('tells totals from uniques: three views by each of two visitors in one hour are 6 views, 2 unique', async () => {
    const resource = await buildResource(w.subject.id);
    for (const ip of ['10.4.0.1', '10.4.0.2']) for (const minute of ['00', '10', '20']) use(resource, 'view', `2026-03-14T16:${minute}:00`, { ip });
    // Same address, another browser: another client, another session.
    use(resource, 'view', '2026-03-14T16:30:00', { ip: '10.4.0.1', ua: BROWSER.replace('Chrome/131.0', 'Chrome/130.0') });
    await settle();
    expect(await totals(resource)).toMatchObject({ views: 7, uniqueViews: 3 });
  });
});

describe('monthly roll-ups', () => {
  let world: Awaited<ReturnType<typeof buildRollUpWorld>>;

  /** Program P → project J → subjects S1 (unit U1) and S2 (unit U2 below U1); S3 of another program; all on platform A. */
  async function buildRollUpWorld() {
    const db = t.database.db;
    const platform = await buildOrg(db, { kind: 'domain_platform' });
    const u1 = await buildOrg(db);
    const u2 = await buildOrg(db, { parentId: u1.id });
    const { program, project, subject: s1 } = await buildSubject(db, { platformOrgId: platform.id, leadUnitId: u1.id });
    const s2 = await db.insertInto('subjects').values({ ...s1, id: undefined, code: `${s1.code.slice(0, -1)}9`, leadUnitId: u2.id, createdAt: undefined, updatedAt: undefined }).returningAll().executeTakeFirstOrThrow();
    const { subject: s3 } = await buildSubject(db, { platformOrgId: platform.id });
    const [r1, r2, r3, r4] = [await buildResource(s1.id), await buildResource(s1.id), await buildResource(s2.id), await buildResource(s3.id)];
    const user = await buildUser(db);
    const pi = await buildUser(db);
    await grantSubjectRole(db, pi.id, 'pi', s1.id);
    const sysadmin = await buildUser(db, { grants: [{ role: 'sysadmin' }] });
    return { platform, u1, u2, program, project, s1, s2, s3, r1: r1!, r2: r2!, r3: r3!, r4: r4!, user, pi, sysadmin };
  }

  beforeAll(async () => {
    world = await buildRollUpWorld();
    const { r1, r2, r3, r4, user } = world;
    // January
    use(r1, 'view', '2026-01-05T10:00:00', { ip: '10.9.0.1' });
    use(r1, 'view', '2026-01-05T10:00:05', { ip: '10.9.0.1' }); // double click: counted once
    use(r1, 'view', '2026-01-05T10:20:00', { ip: '10.9.0.1' });
    use(r1, 'download', '2026-01-05T10:21:00', { ip: '10.9.0.1' });
    use(r1, 'view', '2026-01-06T09:00:00', { ip: '10.9.0.2' });
    use(r2, 'search_hit', '2026-01-05T10:00:00', { ip: '10.9.0.1' });
    use(r2, 'search_hit', '2026-01-05T10:00:10', { ip: '10.9.0.1' }); // double: once
    use(r2, 'search_hit', '2026-01-07T11:00:00', { ip: '10.9.0.3' });
    use(r2, 'application_approved', '2026-01-08T15:00:00', { userId: user.id });
    use(r3, 'download', '2026-01-10T15:00:00', { ip: '10.9.0.4' });
    use(r3, 'download', '2026-01-10T15:00:45', { ip: '10.9.0.4' });
    for (const second of ['00', '01', '02']) use(r3, 'view', `2026-01-10T15:30:${second}`, { ua: GOOGLEBOT, ip: '66.249.66.2' });
    use(r4, 'download', '2026-01-11T12:00:00', { userId: user.id, machine: true, ua: 'curl/8.5.0' });
    use(r4, 'view', '2026-01-11T12:30:00', { ip: '10.9.0.5' });
    // February
    use(r1, 'view', '2026-02-01T08:59:50', { userId: user.id });
    use(r1, 'view', '2026-02-01T09:00:10', { userId: user.id }); // next hour: another session
    use(r3, 'view', '2026-02-02T13:00:00', { ip: '10.9.0.4' });
    await settle();
  });

  const zero = { views: 0, uniqueViews: 0, searchHits: 0, downloads: 0, uniqueDownloads: 0, applicationsApproved: 0, machineViews: 0, machineDownloads: 0 };
  const summary = async (level: string, id: string, login?: string) => {
    const client = await t.login(login ?? world.sysadmin.username);
    return client.get(`/api/usage/summary?level=${level}&id=${id}&from=2026-01&to=2026-02`);
  };

  it('rolls a subject up by month with exact figures', async () => {
    const answer = await summary('subject', world.s1.id);
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      level: 'subject', id: world.s1.id, from: '2026-01', to: '2026-02', partial: false,
      months: [
        { month: '2026-01', ...zero, views: 4, uniqueViews: 2, downloads: 1, uniqueDownloads: 1, searchHits: 2, applicationsApproved: 1 },
        { month: '2026-02', ...zero, views: 2, uniqueViews: 2 },
      ],
      totals: { ...zero, views: 6, uniqueViews: 4, downloads: 1, uniqueDownloads: 1, searchHits: 2, applicationsApproved: 1 },
    });
  });

  it('rolls up to the project, the program, the lead unit’s subtree and the platform', async () => {
    const both = {
      months: [
        { month: '2026-01', ...zero, views: 6, uniqueViews: 3, downloads: 3, uniqueDownloads: 2, searchHits: 2, applicationsApproved: 1 },
        { month: '2026-02', ...zero, views: 3, uniqueViews: 3 },
      ],
      totals: { ...zero, views: 9, uniqueViews: 6, downloads: 3, uniqueDownloads: 2, searchHits: 2, applicationsApproved: 1 },
    };
    expect((await summary('project', world.project.id)).json()).toMatchObject(both);
    expect((await summary('program', world.program.id)).json()).toMatchObject(both);
    expect((await summary('unit', world.u1.id)).json()).toMatchObject(both);
    expect((await summary('unit', world.u2.id)).json()).toMatchObject({
      totals: { ...zero, views: 3, uniqueViews: 2, downloads: 2, uniqueDownloads: 1 },
    });
    expect((await summary('platform', world.platform.id)).json()).toMatchObject({
      months: [
        { month: '2026-01', ...zero, views: 7, uniqueViews: 4, downloads: 3, uniqueDownloads: 2, searchHits: 2, applicationsApproved: 1, machineViews: 1, machineDownloads: 1 },
        { month: '2026-02', ...zero, views: 3, uniqueViews: 3 },
      ],
      totals: { ...zero, views: 10, uniqueViews: 7, downloads: 3, uniqueDownloads: 2, searchHits: 2, applicationsApproved: 1, machineViews: 1, machineDownloads: 1 },
    });
    expect((await summary('resource', world.r3)).json().totals).toEqual({ ...zero, views: 3, uniqueViews: 2, downloads: 2, uniqueDownloads: 1 });
  });

  it('narrows a program to the subjects a PI may read, and says so', async () => {
    const answer = (await summary('program', world.program.id, world.pi.username)).json();
    expect(answer).toMatchObject({ partial: true, totals: { ...zero, views: 6, uniqueViews: 4, downloads: 1, uniqueDownloads: 1, searchHits: 2, applicationsApproved: 1 } });
  });

  it('recomputes to the same rows, however often it runs', async () => {
    const db = t.database.db;
    const rows = () => db.selectFrom('usageMonthly').selectAll().where('resourceId', 'in', [world.r1, world.r2, world.r3, world.r4]).orderBy('resourceId').orderBy('month').execute();
    const incremental = await rows();
    expect(incremental).toHaveLength(6);
    const first = await t.services.usage.aggregate({ all: true });
    expect(first.months).toEqual(expect.arrayContaining(['2026-01', '2026-02']));
    expect(await rows()).toEqual(incremental);
    await t.services.usage.aggregate({ all: true });
    expect(await rows()).toEqual(incremental);
    // Nothing new: the incremental run has no month to do.
    expect(await t.services.usage.aggregate()).toEqual({ months: [], resources: 0 });
  });

  it('answers a resource’s usage per month on its public page', async () => {
    const answer = (await t.anonymous().get(`/api/usage/resources/${world.r1}`)).json();
    expect(answer.totals).toEqual({ ...zero, views: 6, uniqueViews: 4, downloads: 1, uniqueDownloads: 1 });
    expect(answer.months.slice(0, 3)).toEqual([
      { month: '2026-01', ...zero, views: 4, uniqueViews: 2, downloads: 1, uniqueDownloads: 1 },
      { month: '2026-02', ...zero, views: 2, uniqueViews: 2 },
      { month: '2026-03', ...zero },
    ]);
  });
  it('keeps the search index’s counters (most used) in step, also for rows indexed later', async () => {
    const db = t.database.db;
    await db.insertInto('resourceSearch').values({
      id: world.r3, resourceType: 'data', platformOrgId: world.platform.id, programCode: world.program.code, leadUnitId: world.u2.id, provinceCode: '330000',
      year: 2026, sharingMode: 'open', licence: 'CC-BY-4.0', titleZh: '用量统计测试数据集', cstr: `CSTR:39999.11.${world.r3}`, subjectCode: world.s2.code,
      releasedAt: new Date(), fts: sql<string>`''::tsvector`,
    }).execute();
    const counters = () => db.selectFrom('resourceSearch').select(['views', 'downloads']).where('id', '=', world.r3).executeTakeFirstOrThrow();
    await t.services.usage.aggregate();
    expect(await counters()).toEqual({ views: 3, downloads: 2 });
    use(world.r3, 'download', '2026-02-03T10:00:00', { ip: '10.9.0.6' });
    use(world.r3, 'download', '2026-02-03T10:00:00', { ip: '10.9.0.7', userId: world.user.id, machine: true });
    await settle();
    expect(await counters()).toEqual({ views: 5, downloads: 4 });
  });
});

describe('the recorder', () => {
  it('returns at once and writes only when flushed', async () => {
    const usage = new UsageService(t.database.db, { flushIntervalMs: 3_600_000, batchSize: 1_000_000 });
    const resource = await buildResource(w.subject.id);
    const started = performance.now();
    const results = Array.from({ length: 1000 }, (_, i) => usage.record({ resourceId: resource, kind: 'view', userId: null, ip: `10.5.${i % 250}.1`, userAgent: BROWSER, machine: false }));
    const elapsed = performance.now() - started;
    expect(results.every((r) => r === undefined)).toBe(true);
    console.log(`record(): 1000 events buffered in ${elapsed.toFixed(1)} ms`);
    const count = () => t.database.db.selectFrom('usageEvents').select((eb) => eb.fn.countAll<number>().as('n')).where('resourceId', '=', resource).executeTakeFirstOrThrow().then((r) => Number(r.n));
    expect(await count()).toBe(0);
    expect(await usage.flush()).toBe(1000);
    expect(await count()).toBe(1000);
    await usage.close();
  });

  it('keeps events while the database refuses them, retries, and drops beyond its bound (counted)', async () => {
    const db = t.database.db;
    const usage = new UsageService(db, { flushIntervalMs: 3_600_000, maxBuffered: 5 });
    const resource = await buildResource(w.subject.id);
    await sql`ALTER TABLE usage_events RENAME TO usage_events_offline`.execute(db); // every write fails
    try {
      for (let i = 0; i < 7; i += 1) usage.record({ resourceId: resource, kind: 'download', userId: null, ip: `10.6.0.${i}`, userAgent: BROWSER, machine: false });
      usage.record({ resourceId: 'not-a-uuid', kind: 'view', userId: null, ip: '10.6.0.1', userAgent: BROWSER, machine: false });
      await expect(usage.flush()).rejects.toThrow();
      const metrics = await usage.metrics.metrics();
      expect(metrics).toMatch(/usage_events_dropped_total\{reason="buffer_full"\} 2/);
      expect(metrics).toMatch(/usage_events_dropped_total\{reason="invalid"\} 1/);
      expect(metrics).toMatch(/usage_events_buffered 5/);
      expect(metrics).toMatch(/usage_write_failures_total 1/);
    } finally {
      await sql`ALTER TABLE usage_events_offline RENAME TO usage_events`.execute(db); // the database is back
    }
    expect(await usage.flush()).toBe(5);
    expect(await db.selectFrom('usageEvents').select('kind').where('resourceId', '=', resource).execute()).toHaveLength(5);
    await usage.close();
  });

  it('writes what is buffered when the server closes', async () => {
    const other = await buildTestApp({}, t.database);
    const resource = await buildResource(w.subject.id);
    other.services.usage.record({ resourceId: resource, kind: 'download', userId: null, ip: '10.7.0.1', userAgent: BROWSER, machine: false });
    expect((await other.server.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/usage_events_buffered 1/);
    await other.close();
    const rows = await t.database.db.selectFrom('usageEvents').select('kind').where('resourceId', '=', resource).execute();
    expect(rows).toEqual([{ kind: 'download' }]);
  });
});

describe('who sees usage', () => {
  it('refuses summaries to anonymous callers (401) and to callers outside the scope (403)', async () => {
    const { clients, subject, platform, leadUnit } = w;
    const url = (level: string, id: string) => `/api/usage/summary?level=${level}&id=${id}`;
    expect((await t.anonymous().get(url('subject', subject.id))).statusCode).toBe(401);
    expect((await clients.member.get(url('subject', subject.id))).json().code).toBe('auth.forbidden');
    expect((await clients.otherPlatformAdmin.get(url('platform', platform.id))).statusCode).toBe(403);
    expect((await clients.otherPlatformAdmin.get(url('subject', subject.id))).statusCode).toBe(403);
    expect((await clients.otherUnitAdmin.get(url('unit', leadUnit.id))).statusCode).toBe(403);
    const foreign = await buildSubject(t.database.db);
    expect((await clients.pi.get(url('subject', foreign.subject.id))).statusCode).toBe(403);
    expect((await clients.supervisor.get(url('subject', foreign.subject.id))).statusCode).toBe(200); // same region
    expect((await clients.supervisor.get(url('subject', (await buildSubject(t.database.db, { regionCode: '110000' })).subject.id))).statusCode).toBe(403);

    expect((await clients.pi.get(url('subject', subject.id))).statusCode).toBe(200);
    expect((await clients.platformAdmin.get(url('platform', platform.id))).json()).toMatchObject({ level: 'platform', partial: false });
    expect((await clients.unitAdmin.get(url('unit', leadUnit.id))).statusCode).toBe(200);
    expect((await clients.pi.get(url('subject', randomUUID()))).statusCode).toBe(404);
    expect((await clients.pi.get(`${url('subject', subject.id)}&from=2026-05&to=2026-01`)).json().code).toBe('usage.bad_period');
    expect((await clients.pi.get(url('region', subject.id))).statusCode).toBe(400);
  });

  it('answers 404 for a restricted resource’s usage except to its providers', async () => {
    const restricted = await buildResource(w.subject.id, { sharingMode: 'restricted' });
    const draft = await buildResource(w.subject.id, { status: 'draft', sharingMode: null });
    const listed = await buildResource(w.subject.id);
    const anonymous = t.anonymous();
    expect((await anonymous.get(`/api/usage/resources/${restricted}`)).statusCode).toBe(404);
    expect((await w.clients.member.get(`/api/usage/resources/${restricted}`)).statusCode).toBe(404);
    expect((await w.clients.otherPlatformAdmin.get(`/api/usage/resources/${restricted}`)).statusCode).toBe(404);
    expect((await w.clients.pi.get(`/api/usage/resources/${restricted}`)).statusCode).toBe(200);
    expect((await w.clients.platformAdmin.get(`/api/usage/resources/${restricted}`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/usage/resources/${draft}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/usage/resources/${randomUUID()}`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/usage/resources/${listed}`)).json()).toEqual({ totals: expect.objectContaining({ views: 0 }), months: [] });
  });
});
