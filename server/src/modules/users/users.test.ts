import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_PASSWORD, type TestApp, type TestClient } from '../../test/build-app';
import { buildOrg, buildUser } from '../../test/factories';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  await buildUser(t.database.db, { username: 'users_admin', grants: [{ role: 'sysadmin' }] });
  admin = await t.login('users_admin');
});
afterAll(() => t.close());

describe('users and role grants', () => {
  it('creates a user who can then log in, and refuses duplicate usernames and weak passwords', async () => {
    const unit = await buildOrg(t.database.db);
    const created = await admin.post('/api/users', { username: 'li.na', displayName: '李娜', email: 'li.na@example.cn', password: 'Li-na-password-1', orgId: unit.id, orcid: '0000-0002-1825-0097' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).not.toHaveProperty('passwordHash');
    await t.login('li.na', 'Li-na-password-1');
    expect((await admin.post('/api/users', { username: 'LI.NA', displayName: 'x', password: 'Li-na-password-1' })).json().code).toBe('user.username_taken');
    expect((await admin.post('/api/users', { username: 'other', displayName: 'x', email: 'LI.NA@example.cn', password: 'Li-na-password-1' })).json().code).toBe('user.email_taken');
    const weak = await admin.post('/api/users', { username: 'weakling', displayName: 'x', password: 'abc' });
    expect(weak.json()).toMatchObject({ code: 'auth.weak_password', details: [{ path: '/password' }] });
  });

  it('derives the scope kind from the role and checks it', async () => {
    const user = await buildUser(t.database.db);
    const platform = await buildOrg(t.database.db, { kind: 'domain_platform' });
    const unit = await buildOrg(t.database.db);
    const wrongKind = await admin.post(`/api/users/${user.id}/grants`, { role: 'platform_admin', scopeId: unit.id });
    expect(wrongKind.json()).toMatchObject({ code: 'grant.scope_mismatch', details: [{ path: '/scopeId' }] });
    expect((await admin.post(`/api/users/${user.id}/grants`, { role: 'sysadmin', scopeId: unit.id })).statusCode).toBe(422);
    const ok = await admin.post(`/api/users/${user.id}/grants`, { role: 'platform_admin', scopeId: platform.id });
    expect(ok.json()).toMatchObject({ role: 'platform_admin', scopeType: 'organisation', scopeId: platform.id, scopeName: platform.nameZh });
    expect((await admin.post(`/api/users/${user.id}/grants`, { role: 'platform_admin', scopeId: platform.id })).statusCode).toBe(409);
    // The new grant takes effect on the user's next request.
    const client = await t.login(user.username);
    expect((await client.get(`/api/orgs/${platform.id}`)).statusCode).toBe(200);
    expect((await admin.delete(`/api/grants/${ok.json().id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/orgs/${platform.id}`)).statusCode).toBe(403);
  });

  it('does not revoke the last system administrator', async () => {
    const grants = await t.database.db.selectFrom('roleGrants').select('id').where('role', '=', 'sysadmin').execute();
    expect(grants).toHaveLength(1);
    const response = await admin.delete(`/api/grants/${grants[0]!.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('grant.last_sysadmin');
  });

  it('disabling a user ends their sessions; they cannot disable themselves', async () => {
    const user = await buildUser(t.database.db);
    const client = await t.login(user.username);
    expect((await admin.patch(`/api/users/${user.id}`, { status: 'disabled' })).json().status).toBe('disabled');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { login: user.username, password: TEST_PASSWORD })).statusCode).toBe(403);
    const me = (await admin.get('/api/auth/me')).json().user;
    expect((await admin.patch(`/api/users/${me.id}`, { status: 'disabled' })).json().code).toBe('user.cannot_disable_self');
  });

  it('lets a unit admin manage users of their unit only', async () => {
    const unit = await buildOrg(t.database.db);
    const other = await buildOrg(t.database.db);
    await buildUser(t.database.db, { username: 'ua_scope', orgId: unit.id, grants: [{ role: 'unit_admin', scopeId: unit.id }] });
    const outsider = await buildUser(t.database.db, { orgId: other.id });
    const ua = await t.login('ua_scope');
    expect((await ua.post('/api/users', { username: 'in_unit', displayName: '本单位', password: 'In-unit-pass-1', orgId: unit.id })).statusCode).toBe(201);
    expect((await ua.post('/api/users', { username: 'elsewhere', displayName: '外单位', password: 'In-unit-pass-1', orgId: other.id })).statusCode).toBe(403);
    expect((await ua.patch(`/api/users/${outsider.id}`, { displayName: '改名' })).statusCode).toBe(403);
    expect((await ua.get(`/api/users/${outsider.id}`)).statusCode).toBe(403);
    const listed = (await ua.get('/api/users?q=elsewhere')).json();
    expect(listed.total).toBe(0);
  });

  it('searches users by Chinese name', async () => {
    await buildUser(t.database.db, { username: 'zhuge' });
    await t.database.db.updateTable('users').set({ displayName: '诸葛明远' }).where('username', '=', 'zhuge').execute();
    const found = (await admin.get(`/api/users?q=${encodeURIComponent('明远')}`)).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['zhuge']);
  });
});
