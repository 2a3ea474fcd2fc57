import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../test/build-app';
import { DEMO_USERS, loadDemoData } from './demo-data';
import { loadDemoReviews } from './demo-reviews';

/** The demo's review chain, seen by each demo role, and the role × route matrix of the review routes. */
const DEMO_PASSWORD = 'Demo-password-2026';
let t: TestApp;
const clients = new Map<string, TestClient>();
const resource = new Map<string, { id: string; status: string; subjectId: string }>();
const as = (username: string) => clients.get(username)!;

beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.database.db, DEMO_PASSWORD);
  expect(await loadDemoReviews(t.database.db, t.services)).toBe(10);
  for (const user of DEMO_USERS) clients.set(user.username, await t.login(user.username, DEMO_PASSWORD));
  for (const r of await t.database.db.selectFrom('resources').select(['id', 'titleZh', 'status', 'subjectId']).execute()) resource.set(r.titleZh, r);
});
afterAll(() => t.close());

const titles = (answer: { json(): { items: Array<{ titleZh: string }> } }) => answer.json().items.map((i) => i.titleZh);

describe('the demo review chain', () => {
  it('gives every reviewer work in their queue and the PI a returned resource with highlighted fields', async () => {
    expect(titles(await as('unit_admin').get('/api/review-queue?tier=unit'))).toContain('队列血清样本库质控数据');
    expect(titles(await as('ph_admin').get('/api/review-queue?tier=platform'))).toEqual(['慢性病队列多组学整合分析数据集']);
    expect(titles(await as('ph_admin').get('/api/review-queue?tier=expert')).sort()).toEqual(['全血 DNA 提取质量评估数据', '慢性病队列代谢组学数据集']);
    expect(titles(await as('ph_admin').get('/api/review-queue?tier=release'))).toEqual(['慢性病队列结局事件判定数据集']);
    const mine = (await as('expert').get('/api/review-queue?tier=expert')).json().items;
    expect(mine).toEqual([expect.objectContaining({ titleZh: '全血 DNA 提取质量评估数据', assignment: expect.objectContaining({ conflict: 'pending' }) })]);

    const returned = resource.get('生物样本库标准操作规程报告（初稿）')!;
    const detail = (await as('pi').get(`/api/resources/${returned.id}`)).json();
    expect(detail).toMatchObject({ status: 'returned', editable: true, review: { openFields: ['mainConclusions', 'titleZh'] } });

    // 陈立群 works at 北京协和医学院, a co-undertaking unit of 2021YFC2501003: blocked there.
    const metabolomics = resource.get('慢性病队列代谢组学数据集')!;
    const candidates = (await as('ph_admin').get(`/api/resources/${metabolomics.id}/expert-candidates`)).json().items;
    expect(candidates).toEqual([expect.objectContaining({ displayName: '陈立群', blocked: true })]);
  });

  it('has released resources with CSTRs and one release missing before the certificate', async () => {
    const released = [...resource.values()].filter((r) => r.status === 'released');
    expect(released).toHaveLength(3);
    const subjectId = released[0]!.subjectId;
    const status = (await as('ph_admin').get(`/api/subjects/${subjectId}/certificate-status`)).json();
    expect(status).toMatchObject({ complete: false, certificate: null, can: { issue: false, waive: true } });
    expect(status.lines.map((l: { resourceType: string; fulfilled: boolean }) => `${l.resourceType}:${l.fulfilled}`)).toEqual(['data:false', 'report:true', 'publication:true']);
    const registrations = await t.database.db.selectFrom('cstrRegistrations').select('status').execute();
    expect(registrations.map((r) => r.status)).toEqual(['registered', 'registered', 'registered']);
  });
});

type Call = (client: TestClient) => Promise<{ statusCode: number }>;
const id = (title: string) => resource.get(title)!.id;

const ROUTES: Record<string, Call> = {
  'GET review-queue unit': (c) => c.get('/api/review-queue?tier=unit'),
  'GET review-queue expert': (c) => c.get('/api/review-queue?tier=expert'),
  'GET review-queue release': (c) => c.get('/api/review-queue?tier=release'),
  'GET certificate PDF (not issued yet)': (c) => c.get(`/api/subjects/${resource.get('慢性病队列结局事件判定数据集')!.subjectId}/certificate.pdf`),
  'GET review of a returned resource': (c) => c.get(`/api/resources/${id('生物样本库标准操作规程报告（初稿）')}/review`),
  'GET review of an expert-assigned resource': (c) => c.get(`/api/resources/${id('全血 DNA 提取质量评估数据')}/review`),
  'POST decision at unit tier (no comment)': (c) => c.post(`/api/resources/${id('队列血清样本库质控数据')}/decision`, { decision: 'return' }),
  'POST decision at platform tier (no comment)': (c) => c.post(`/api/resources/${id('慢性病队列多组学整合分析数据集')}/decision`, { decision: 'return' }),
  'GET expert candidates': (c) => c.get(`/api/resources/${id('慢性病队列代谢组学数据集')}/expert-candidates`),
  'POST release (unknown licence)': (c) => c.post(`/api/resources/${id('慢性病队列结局事件判定数据集')}/release`, { sharingMode: 'open', licence: 'none' }),
  'POST waiver (type not in plan)': (c) => c.post(`/api/subjects/${resource.get('队列血清样本库质控数据')!.subjectId}/waivers`, { resourceType: 'instrument', reason: '矩阵测试' }),
  'GET certificate status': (c) => c.get(`/api/subjects/${resource.get('队列血清样本库质控数据')!.subjectId}/certificate-status`),
};
const SUBJECT_READERS = { admin: 200, ministry: 200, ph_admin: 200, zj_supervisor: 200, unit_admin: 200, pi: 200, submitter: 200 };

/** Expected status per route and demo user; anything not listed must be 403. */
const ALLOWED: Record<string, Record<string, number>> = {
  'GET review-queue unit': { unit_admin: 200, repo_keeper: 200 },
  'GET review-queue expert': { ph_admin: 200, ag_admin: 200, expert: 200, ag_expert: 200 },
  'GET review-queue release': { ph_admin: 200, ag_admin: 200 },
  'GET certificate PDF (not issued yet)': { admin: 404, ministry: 404, ph_admin: 404, zj_supervisor: 404, unit_admin: 404, pi: 404, submitter: 404 },
  'GET review of a returned resource': SUBJECT_READERS,
  'GET review of an expert-assigned resource': { ...SUBJECT_READERS, expert: 200 },
  'POST decision at unit tier (no comment)': { unit_admin: 422 },
  'POST decision at platform tier (no comment)': { ph_admin: 422 },
  'GET expert candidates': { ph_admin: 200 },
  'POST release (unknown licence)': { ph_admin: 422 },
  'POST waiver (type not in plan)': { ph_admin: 422 },
  'GET certificate status': SUBJECT_READERS,
};

describe('review routes × demo roles', () => {
  for (const [route, call] of Object.entries(ROUTES)) {
    it(`${route}: allowed roles pass, every other role gets 403, anonymous gets 401`, async () => {
      const observed: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const user of DEMO_USERS) {
        observed[user.username] = (await call(as(user.username))).statusCode;
        expected[user.username] = ALLOWED[route]![user.username] ?? 403;
      }
      observed.anonymous = (await call(t.anonymous())).statusCode;
      expected.anonymous = 401;
      expect(observed).toEqual(expected);
    });
  }
});
