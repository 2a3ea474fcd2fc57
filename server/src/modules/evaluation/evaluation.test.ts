import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-app';
import { at, buildEvaluationWorld } from './test-world';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildEvaluationWorld>>;
let firstRun: string;

const V1 = {
  weights: { completion: 0.6, sharing: 0.4 },
  completion: { timeliness: 0.35, quantity: 0.4, quality: 0.25 },
  quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.2 },
  sharing: { views: 0.15, searchHits: 0.1, downloads: 0.25, uniqueUsers: 0.2, applications: 0.1, reuse: 0.2 },
  targets: { views: 500, searchHits: 2000, downloads: 100, uniqueUsers: 50, applications: 5, reuse: 3 },
};

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildEvaluationWorld(t);
  const queued = await w.ministryClient.post('/api/evaluation/runs', { asOf: w.asOf });
  expect(queued.statusCode).toBe(202);
  expect(queued.json()).toMatchObject({ ruleVersion: 1, trigger: 'manual', asOf: at('2026-06-15T12:00:00').toISOString() });
  firstRun = queued.json().id;
  await t.services.evaluation.settled();
});
afterAll(async () => {
  await t.services.evaluation.settled();
  await t.close();
});

const scores = (query: string, client = w.ministryClient) => client.get(`/api/evaluation/scores?${query}`);
const row = (body: { items: Array<Record<string, unknown>> }, key: string) => body.items.find((i) => i.key === key);

describe('evaluation formulas', () => {
  it('scores each component of subject A exactly as computed by hand, as of 2026-06-15', async () => {
    const detail = await w.clients.pi.get(`/api/evaluation/subjects/${w.subjectA.code}?run=${firstRun}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.score).toEqual({ completion: 72.35, sharing: 66.33, total: 69.94, rank: 1, of: 2 });
    expect(body.inputs).toEqual({
      lines: [
        { type: 'data', planned: 2, dueDate: '2026-03-31', onTime: 2, waived: false },
        // S_data(31 May) = 3 lineages, of which the earlier line took 2: one on time.
        { type: 'data', planned: 2, dueDate: '2026-05-31', onTime: 1, waived: false },
        { type: 'report', planned: 1, dueDate: '2026-04-30', onTime: 0, waived: false },
        { type: 'publication', planned: 3, dueDate: '2026-12-31', onTime: null, waived: false },
        { type: 'patent_standard', planned: 1, dueDate: '2026-02-28', onTime: 1, waived: true },
      ],
      // publication: lineage 1 (v2 released), lineage 3 (withdrawn only after as_of); lineage 2 was withdrawn before.
      releasedByType: { data: 2, report: 1, publication: 2, patent_standard: 0 },
      firstRound: { approved: 5, returned: 2 },
      rubric: { count: 2, mean: 4.333333 },
      completeness: { resources: 4, mean: 0.375 },
      usage: { views: 650, searchHits: 1000, downloads: 60, uniqueUsers: 35, applications: 2, reuse: 2 },
      usageThrough: '2026-05',
    });
    expect(body.components).toEqual({
      timeliness: 0.666667, // (2 + 1 + 0 + 1 waived) / (2 + 2 + 1 + 1)
      quantity: 0.791667, // mean(2/4, 1/1, 2/3, waived 1)
      firstPass: 0.714286, // 5 / 7
      rubric: 0.833333, // (26/6 − 1) / 4
      completeness: 0.375, // mean(2/6, 6/6, 1/6, 0/6); the report's schema has no optional fields
      quality: 0.694048,
      completion: 0.723512,
      sharingParts: { views: 1, searchHits: 0.5, downloads: 0.6, uniqueUsers: 0.7, applications: 0.4, reuse: 0.666667 },
      sharing: 0.663333,
      total: 0.69944,
    });
    expect(body.rules).toEqual(V1);
    expect(body.history).toEqual([{ runId: firstRun, asOf: at('2026-06-15T12:00:00').toISOString(), ruleVersion: 1, completion: 72.35, sharing: 66.33, total: 69.94 }]);
  });

  it('renormalises over the components that have a value (subject B: no due line, no expert opinion)', async () => {
    const body = (await w.piBClient.get(`/api/evaluation/subjects/${w.subjectB.code}?run=${firstRun}`)).json();
    expect(body.components).toMatchObject({ timeliness: null, quantity: 0.5, firstPass: 1, rubric: null, completeness: 0.5, quality: 0.833333, completion: 0.628205, sharing: 0, total: 0.376923 });
    expect(body.score).toEqual({ completion: 62.82, sharing: 0, total: 37.69, rank: 2, of: 2 });
    expect(body.inputs.usageThrough).toBeNull();
  });

  it('rolls subjects up per PI, unit, province, platform and program with means and ranks', async () => {
    const unit = (await scores(`level=unit&run=${firstRun}`)).json();
    expect(unit.items).toEqual([{ key: w.leadUnit.id, name: w.leadUnit.nameZh, subjects: 2, completion: 67.59, sharing: 33.17, total: 53.82, rank: 1, previousTotal: null, trend: [{ runId: firstRun, asOf: at('2026-06-15T12:00:00').toISOString(), total: 53.82 }] }]);
    const province = (await scores(`level=province&run=${firstRun}`)).json();
    expect(province.items.map((i: Record<string, unknown>) => [i.key, i.name, i.total, i.rank])).toEqual([['330000', '浙江省', 69.94, 1], ['110000', '北京市', 37.69, 2]]);
    const pi = (await scores(`level=pi&run=${firstRun}`)).json();
    expect(pi.items.map((i: Record<string, unknown>) => [i.key, i.total, i.rank])).toEqual([[w.users.pi.id, 69.94, 1], [w.piB.id, 37.69, 2]]);
    const platform = (await scores(`level=platform&run=${firstRun}&sort=total&order=asc`)).json();
    expect(platform.items.map((i: Record<string, unknown>) => [i.key, i.rank])).toEqual([[w.otherPlatform.id, 2], [w.platform.id, 1]]);
    const program = (await scores(`level=program&run=${firstRun}`)).json();
    expect(program.items.map((i: Record<string, unknown>) => [i.key, i.subjects, i.total])).toEqual([[w.program.code, 1, 69.94], [expect.any(String), 1, 37.69]]);
  });

  it('lists subjects with filters, sorting and paging; a subject without an approved plan is not scored', async () => {
    const all = (await scores('level=subject')).json();
    expect(all).toMatchObject({ level: 'subject', total: 2, run: { id: firstRun, status: 'done', subjects: 2 } });
    expect(all.items.map((i: Record<string, unknown>) => [i.key, i.name, i.completion, i.sharing, i.total, i.rank, i.subjects])).toEqual([
      [w.subjectA.code, '长三角慢性病队列资源汇交课题', 72.35, 66.33, 69.94, 1, 1], [w.subjectB.code, '京津冀大气颗粒物监测课题', 62.82, 0, 37.69, 2, 1],
    ]);
    expect((await scores('province=110000')).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectB.code]);
    expect((await scores(`platformId=${w.platform.id}`)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectA.code]);
    expect((await scores(`unitId=${w.coUnit.id}`)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectA.code]);
    expect((await scores(`projectCode=${w.project.code}`)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectA.code]);
    expect((await scores('q=颗粒物')).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectB.code]);
    expect((await scores('sort=sharing&order=asc&pageSize=1&page=1')).json()).toMatchObject({ total: 2, items: [{ key: w.subjectB.code }] });
    expect((await scores('level=unit&province=110000')).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.leadUnit.id]);
    expect((await scores('level=nation')).statusCode).toBe(400);
    expect((await w.ministryClient.get(`/api/evaluation/subjects/${w.subjectC.code}`)).json()).toMatchObject({ code: 'evaluation.not_scored' });
    expect((await w.ministryClient.get('/api/evaluation/subjects/2099YFZ0000001')).statusCode).toBe(404);
  });
});

describe('scope of scores', () => {
  it('narrows subjects and roll-ups to what the actor sees', async () => {
    const other = (await scores('', w.clients.otherPlatformAdmin)).json();
    expect(other.items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectB.code]);
    // The unit row stays the unit's mean over all its subjects; it is shown because one of them is visible.
    expect((await scores('level=unit', w.clients.otherPlatformAdmin)).json().items).toMatchObject([{ key: w.leadUnit.id, subjects: 2, total: 53.82 }]);
    expect((await scores('level=province', w.clients.otherPlatformAdmin)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual(['110000']);
    expect((await scores('', w.clients.supervisor)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.subjectA.code]);
    expect((await scores('level=pi', w.clients.pi)).json().items.map((i: Record<string, unknown>) => i.key)).toEqual([w.users.pi.id]);
    expect((await scores('', w.clients.unitAdmin)).json().total).toBe(2);
    expect((await scores('', w.clients.member)).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/evaluation/scores')).statusCode).toBe(401);
    expect((await w.clients.otherPlatformAdmin.get(`/api/evaluation/subjects/${w.subjectA.code}`)).statusCode).toBe(403);
    expect((await w.clients.member.get('/api/evaluation/runs')).statusCode).toBe(403);
  });
});

describe('rule sets and versions', () => {
  it('refuses rule sets with wrong keys, bounds or sums, and changes nothing', async () => {
    const post = (rules: unknown, note: unknown = '调整权重') => w.ministryClient.post('/api/evaluation/rules', { rules, note });
    const sum = await post({ ...V1, quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.1 } });
    expect(sum.statusCode).toBe(422);
    expect(sum.json()).toMatchObject({ code: 'evaluation.weights_sum', message: '“质量构成”的权重之和须为 1（当前为 0.9）', details: [{ path: '/rules/quality' }] });
    expect((await w.ministryClient.withLang('en').post('/api/evaluation/rules', { rules: { ...V1, weights: { completion: 0.7, sharing: 0.4 } }, note: 'x' })).json().message).toBe('The total weights must sum to 1 (they sum to 1.1)');
    expect((await post({ ...V1, sharing: { ...V1.sharing, citations: 0 } })).statusCode).toBe(400);
    expect((await post({ ...V1, targets: { ...V1.targets, reuse: undefined } })).statusCode).toBe(400);
    expect((await post({ ...V1, targets: { ...V1.targets, reuse: 0 } })).statusCode).toBe(400);
    expect((await post({ ...V1, targets: { ...V1.targets, views: 2.5 } })).statusCode).toBe(400);
    expect((await post({ ...V1, weights: { completion: 1.2, sharing: -0.2 } })).statusCode).toBe(400);
    expect((await post(V1, '')).statusCode).toBe(400);
    expect((await w.clients.pi.post('/api/evaluation/rules', { rules: V1, note: '我想改' })).statusCode).toBe(403);
    expect((await w.ministryClient.get('/api/evaluation/rules')).json().versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('saves version 2 immutably, queues a rules run, and keeps version 1 numbers in the old run', async () => {
    const v2 = { ...V1, weights: { completion: 0.5, sharing: 0.5 } };
    const created = await w.ministryClient.post('/api/evaluation/rules', { rules: v2, note: '共享与完成同等权重' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ruleSet: { version: 2, rules: v2, note: '共享与完成同等权重', createdByName: w.ministry.displayName }, run: { ruleVersion: 2, trigger: 'rules', status: 'queued' } });
    await t.services.evaluation.settled();
    const rules = (await w.clients.pi.get('/api/evaluation/rules')).json();
    expect(rules.current.version).toBe(2);
    expect(rules.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await w.clients.pi.get('/api/evaluation/rules/1')).json()).toMatchObject({ version: 1, rules: V1, note: '默认规则（DESIGN §8）', createdByName: null });
    expect((await w.clients.pi.get('/api/evaluation/rules/9')).json().code).toBe('evaluation.rules_not_found');

    const manual = (await w.ministryClient.post('/api/evaluation/runs', { asOf: w.asOf })).json();
    expect(manual).toMatchObject({ ruleVersion: 2, trigger: 'manual' });
    await t.services.evaluation.settled();
    expect((await scores(`run=${manual.id}`)).json().items.map((i: Record<string, unknown>) => [i.key, i.total])).toEqual([[w.subjectA.code, 69.34], [w.subjectB.code, 31.41]]);
    expect((await scores(`run=${firstRun}`)).json().items.map((i: Record<string, unknown>) => [i.key, i.total])).toEqual([[w.subjectA.code, 69.94], [w.subjectB.code, 37.69]]);

    // Trend and previous total follow the done runs by as_of: the first run, the v2 run as of 15 June, the rules run as of now.
    const newest = (await scores('')).json();
    expect(newest.run).toMatchObject({ id: created.json().run.id, status: 'done', ruleVersion: 2 });
    const a = row(newest, w.subjectA.code)!;
    expect(a.previousTotal).toBe(69.34);
    expect((a.trend as Array<{ runId: string; total: number }>).map((p) => p.runId)).toEqual([firstRun, manual.id, created.json().run.id]);
    expect((a.trend as Array<{ total: number }>).slice(0, 2).map((p) => p.total)).toEqual([69.94, 69.34]);
    const history = (await w.clients.pi.get(`/api/evaluation/subjects/${w.subjectA.code}`)).json().history;
    expect(history.map((h: { ruleVersion: number }) => h.ruleVersion)).toEqual([1, 2, 2]);
  });
});

describe('runs', () => {
  it('recomputes a run with identical rows even after new usage, opinions and reuse', async () => {
    const db = t.database.db;
    await w.input.usage(w.resources.b1, '2026-06-01', { views: 400, uniqueUsers: 40, downloads: 40, searchHits: 400, applications: 4 });
    await w.input.usage(w.resources.d1, '2026-11-01', { views: 400, uniqueUsers: 40, downloads: 40, searchHits: 400, applications: 4 });
    await w.input.opinion(w.resources.d3, 1, w.users.coiExpert.id, [5, 5, 5], '2026-11-20T09:00:00');
    await w.input.reuse(w.resources.b1, w.users.member.id, 'accepted', '2026-11-21T09:00:00');
    const recompute = await w.ministryClient.post(`/api/evaluation/runs/${firstRun}/recompute`);
    expect(recompute.statusCode).toBe(202);
    expect(recompute.json()).toMatchObject({ ruleVersion: 1, trigger: 'recompute', asOf: at('2026-06-15T12:00:00').toISOString(), requestedByName: w.ministry.displayName });
    await t.services.evaluation.settled();
    const rows = async (runId: string) => (await db.selectFrom('subjectScores').select(['subjectId', 'completion', 'sharing', 'total', 'rank', 'inputs', 'components']).where('runId', '=', runId).orderBy('subjectId').execute());
    const rollups = async (runId: string) => (await db.selectFrom('rollupScores').select(['level', 'key', 'subjects', 'completion', 'sharing', 'total', 'rank']).where('runId', '=', runId).orderBy('level').orderBy('key').execute());
    expect(await rows(recompute.json().id)).toEqual(await rows(firstRun));
    expect(await rollups(recompute.json().id)).toEqual(await rollups(firstRun));
    expect((await rollups(firstRun)).length).toBe(2 + 1 + 2 + 2 + 2);

    expect((await w.clients.pi.post(`/api/evaluation/runs/${firstRun}/recompute`)).statusCode).toBe(403);
    expect((await w.ministryClient.post('/api/evaluation/runs/00000000-0000-4000-8000-000000000000/recompute')).json().code).toBe('evaluation.run_not_found');
    expect((await w.ministryClient.post('/api/evaluation/runs', { asOf: '2099-01-01T00:00:00Z' })).json().code).toBe('evaluation.bad_as_of');
    expect((await w.ministryClient.post('/api/evaluation/runs', { asOf: 'yesterday' })).statusCode).toBe(400);
    expect((await w.clients.pi.post('/api/evaluation/runs')).statusCode).toBe(403);
    // A program system may post without a body: a run as of now.
    const bare = await w.ministryClient.request('POST', '/api/evaluation/runs');
    expect(bare.statusCode).toBe(202);
    expect(Date.now() - new Date(bare.json().asOf).getTime()).toBeLessThan(60_000);
    await t.services.evaluation.settled();
    const list = (await w.clients.pi.get('/api/evaluation/runs?pageSize=2&page=2')).json();
    expect(list.total).toBe(5);
    expect(list.items.map((r: { trigger: string }) => r.trigger)).toEqual(['manual', 'rules']);
    expect(list.items[0]).toMatchObject({ status: 'done', subjects: 2, error: null, ruleVersion: 2, requestedByName: w.ministry.displayName });
  });

  it('queues one scheduled run per China day, computes queued runs, and retakes a run abandoned for 30 minutes', async () => {
    const db = t.database.db;
    const evaluation = t.services.evaluation;
    const first = await evaluation.runDue(at('2026-11-27T00:30:00'));
    expect(first.queued).not.toBeNull();
    expect(first.runs).toEqual([{ runId: first.queued, status: 'done', subjects: 2 }]);
    expect((await evaluation.runDue(at('2026-11-27T23:50:00'))).queued).toBeNull();
    const scheduled = await db.selectFrom('evaluationRuns').select(['asOf', 'ruleVersion', 'trigger']).where('id', '=', first.queued!).executeTakeFirstOrThrow();
    expect(scheduled).toEqual({ asOf: at('2026-11-27T00:30:00'), ruleVersion: 2, trigger: 'schedule' });

    const abandoned = await db.insertInto('evaluationRuns').values({ ruleVersion: 1, asOf: at('2026-06-15T12:00:00'), trigger: 'manual', status: 'running', startedAt: new Date(Date.now() - 31 * 60_000) }).returning('id').executeTakeFirstOrThrow();
    const busy = await db.insertInto('evaluationRuns').values({ ruleVersion: 1, asOf: at('2026-06-15T12:00:00'), trigger: 'manual', status: 'running', startedAt: new Date(Date.now() - 5 * 60_000) }).returning('id').executeTakeFirstOrThrow();
    expect(await evaluation.processQueued()).toEqual([{ runId: abandoned.id, status: 'done', subjects: 2 }]);
    expect((await db.selectFrom('evaluationRuns').select('status').where('id', '=', busy.id).executeTakeFirstOrThrow()).status).toBe('running');
    // A run finished elsewhere is never written twice.
    expect(await evaluation.computeRun(abandoned.id)).toEqual({ runId: abandoned.id, status: 'lost', subjects: 2 });
    expect(Number((await db.selectFrom('subjectScores').select((eb) => eb.fn.countAll<number>().as('n')).where('runId', '=', abandoned.id).executeTakeFirstOrThrow()).n)).toBe(2);
    await db.deleteFrom('evaluationRuns').where('id', '=', busy.id).execute();
  });
});
