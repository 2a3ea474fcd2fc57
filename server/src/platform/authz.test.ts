import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, type TestClient } from '../test/build-app';
import { loadDemoData, DEMO_USERS } from '../demo/demo-data';
import { operatorCtx } from './context';

/**
 * Every demo role against a representative set of routes: who is allowed, who gets 403, and that
 * anonymous callers get 401. Writes use fresh names so each role's attempt is independent.
 */
const DEMO_PASSWORD = 'Demo-password-2026';
let t: TestApp;
const clients = new Map<string, TestClient>();
const ids: Record<string, string> = {};
let counter = 0;

beforeAll(async () => {
  t = await buildTestApp();
  await loadDemoData(t.database.db, DEMO_PASSWORD);
  for (const user of DEMO_USERS) clients.set(user.username, await t.login(user.username, DEMO_PASSWORD));
  const orgs = await t.database.db.selectFrom('organisations').select(['id', 'nameZh']).execute();
  const org = (name: string) => orgs.find((o) => o.nameZh === name)!.id;
  ids.zju = org('浙江大学');
  ids.ph = org('国家人口健康科学数据中心');
  ids.most = org('科学技术部');
  const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
  ids.pi = users.find((u) => u.username === 'pi')!.id;
});
afterAll(() => t.close());

type Call = (client: TestClient) => Promise<{ statusCode: number }>;

const unique = () => `m${Date.now().toString(36)}${(counter += 1)}`;

const ROUTES: Record<string, Call> = {
  'GET /api/orgs': (c) => c.get('/api/orgs'),
  'GET /api/orgs/:platform': (c) => c.get(`/api/orgs/${ids.ph}`),
  'POST /api/orgs': (c) => c.post('/api/orgs', { kind: 'repository', nameZh: `样本库${unique()}` }),
  'PATCH /api/orgs/:unit': (c) => c.patch(`/api/orgs/${ids.zju}`, { nameEn: 'Zhejiang University' }),
  'GET /api/users': (c) => c.get('/api/users'),
  'GET /api/users/:pi': (c) => c.get(`/api/users/${ids.pi}`),
  'POST /api/users (in unit)': (c) => c.post('/api/users', { username: unique(), displayName: '新用户', password: 'Matrix-pass-2026', orgId: ids.zju }),
  'POST /api/users/:id/grants (unit_admin of unit)': async (c) => {
    const target = await t.services.users.create(operatorCtx('test'), { username: unique(), displayName: '被授权人', password: 'Matrix-pass-2026', orgId: ids.zju });
    return c.post(`/api/users/${target.id}/grants`, { role: 'unit_admin', scopeId: ids.zju });
  },
  'POST /api/users/:id/grants (ministry_admin)': async (c) => {
    const target = await t.services.users.create(operatorCtx('test'), { username: unique(), displayName: '被授权人', password: 'Matrix-pass-2026', orgId: ids.zju });
    return c.post(`/api/users/${target.id}/grants`, { role: 'ministry_admin', scopeId: ids.most });
  },
  'GET /api/audit': (c) => c.get('/api/audit'),
  'GET /api/audit/verify': (c) => c.get('/api/audit/verify'),
};


/** Expected status per route and demo user; anything not listed must be 403. */
const ALLOWED: Record<string, Record<string, number>> = {
  'GET /api/orgs': Object.fromEntries(DEMO_USERS.map((u) => [u.username, 200])),
  'GET /api/orgs/:platform': { admin: 200, ministry: 200, ph_admin: 200, expert: 200 },
  'POST /api/orgs': { admin: 201 },
  'PATCH /api/orgs/:unit': { admin: 200 },
  'GET /api/users': { admin: 200, ministry: 200, unit_admin: 200, repo_keeper: 200 },
  'GET /api/users/:pi': { admin: 200, ministry: 200, unit_admin: 200, pi: 200 },
  'POST /api/users (in unit)': { admin: 201, unit_admin: 201 },
  'POST /api/users/:id/grants (unit_admin of unit)': { admin: 201, unit_admin: 201 },
  'POST /api/users/:id/grants (ministry_admin)': { admin: 201 },
  'GET /api/audit': { admin: 200, ministry: 200 },
  'GET /api/audit/verify': { admin: 200, ministry: 200 },
};

describe('role × route authorisation matrix', () => {
  for (const [route, call] of Object.entries(ROUTES)) {
    it(`${route}: allowed roles succeed, every other role gets 403, anonymous gets 401`, async () => {
      const observed: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const user of DEMO_USERS) {
        observed[user.username] = (await call(clients.get(user.username)!)).statusCode;
        expected[user.username] = ALLOWED[route]![user.username] ?? 403;
      }
      observed.anonymous = (await call(t.anonymous())).statusCode;
      expected.anonymous = 401;
      expect(observed).toEqual(expected);
    });
  }
});

describe('scoped visibility', () => {
  it('shows a unit admin only their unit and its users', async () => {
    const orgs = (await clients.get('unit_admin')!.get('/api/orgs')).json().items;
    expect(orgs.map((o: { nameZh: string }) => o.nameZh)).toEqual(['浙江大学']);
    const users = (await clients.get('unit_admin')!.get('/api/users?pageSize=200')).json();
    expect(users.items.length).toBeGreaterThan(0);
    expect(new Set(users.items.map((u: { orgName: string }) => u.orgName))).toEqual(new Set(['浙江大学']));
  });

  it('shows a platform admin their platform subtree, not the other platform', async () => {
    const names = (await clients.get('ph_admin')!.get('/api/orgs')).json().items.map((o: { nameZh: string }) => o.nameZh);
    expect(names).toContain('国家人口健康科学数据中心');
    expect(names).not.toContain('国家农业科学数据中心');
    expect(names).not.toContain('科学技术部');
  });

  it('shows the ministry every organisation', async () => {
    const all = await t.database.db.selectFrom('organisations').select('id').execute();
    expect((await clients.get('ministry')!.get('/api/orgs')).json().items).toHaveLength(all.length);
  });

  it('lets a unit admin grant roles only inside their unit', async () => {
    const outsider = await t.services.users.create(operatorCtx('test'), { username: unique(), displayName: '外单位', password: 'Matrix-pass-2026', orgId: null });
    const response = await clients.get('unit_admin')!.post(`/api/users/${outsider.id}/grants`, { role: 'unit_admin', scopeId: ids.zju });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.forbidden');
  });
});
