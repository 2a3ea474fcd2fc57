import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, TestClient, TEST_PASSWORD, type TestApp } from '../../test/build-app';
import { buildOrg, buildUser } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_MINUTES: '15' });
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('logs in by username or email and returns the user with grants and a CSRF token', async () => {
    const unit = await buildOrg(t.database.db);
    const user = await buildUser(t.database.db, { orgId: unit.id, grants: [{ role: 'unit_admin', scopeId: unit.id }] });
    const byName = await t.login(user.username);
    const me = (await byName.get('/api/auth/me')).json();
    expect(me.user.username).toBe(user.username);
    expect(me.user).not.toHaveProperty('passwordHash');
    expect(me.grants).toEqual([expect.objectContaining({ role: 'unit_admin', scopeType: 'organisation', scopeId: unit.id, scopeName: unit.nameZh })]);
    expect(me.csrfToken).toMatch(/^.{20,}$/);
    expect(me.capabilities).toEqual({ manageOrgs: false, listUsers: true, readAudit: false });

    const byEmail = await t.login(user.email!.toUpperCase());
    expect((await byEmail.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('sets an httpOnly SameSite session cookie', async () => {
    const user = await buildUser(t.database.db);
    const response = await t.server.inject({ method: 'POST', url: '/api/auth/login', payload: { login: user.username, password: TEST_PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === 'hj_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('rejects a wrong password with 401 in the request language and audits the failure', async () => {
    const user = await buildUser(t.database.db);
    const zh = await t.anonymous().post('/api/auth/login', { login: user.username, password: 'wrong-password-1' });
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ code: 'auth.invalid_credentials', message: '用户名或密码错误', details: [] });
    const en = await t.anonymous().withLang('en').post('/api/auth/login', { login: user.username, password: 'wrong-password-1' });
    expect(en.json().message).toBe('Wrong username or password');
    const audited = await t.database.db.selectFrom('auditLog').select('action').where('objectId', '=', user.id).where('action', '=', 'auth.login_failed').execute();
    expect(audited).toHaveLength(2);
  });

  it('rate-limits repeated failed logins with 429 and Retry-After, even for the right password', async () => {
    const user = await buildUser(t.database.db);
    for (let i = 0; i < 3; i += 1) {
      expect((await t.anonymous().post('/api/auth/login', { login: user.username, password: 'nope-nope-1' })).statusCode).toBe(401);
    }
    const limited = await t.anonymous().post('/api/auth/login', { login: user.username, password: TEST_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('auth.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another account from the same address is not locked out by this one.
    const other = await buildUser(t.database.db);
    expect((await t.anonymous().post('/api/auth/login', { login: other.username, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a disabled account', async () => {
    const user = await buildUser(t.database.db);
    await t.database.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    const response = await t.anonymous().post('/api/auth/login', { login: user.username, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('auth.account_disabled');
  });

  it('expires a session after its deadline and says so', async () => {
    const user = await buildUser(t.database.db);
    const client = await t.login(user.username);
    await t.database.db.updateTable('sessions').set({ expiresAt: new Date(Date.now() - 1000) }).where('userId', '=', user.id).execute();
    const response = await client.get('/api/auth/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.session_expired');
    const left = await t.database.db.selectFrom('sessions').select('id').where('userId', '=', user.id).execute();
    expect(left).toHaveLength(0);
  });

  it('ends the session on logout', async () => {
    const user = await buildUser(t.database.db);
    const client = await t.login(user.username);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 to anonymous calls of authenticated routes', async () => {
    const response = await t.anonymous().get('/api/auth/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.unauthenticated');
  });
});

describe('CSRF protection', () => {
  it('rejects a cookie-authenticated write without the CSRF header and changes nothing', async () => {
    const user = await buildUser(t.database.db);
    const client = await t.login(user.username);
    const forged = await client.request('PUT', '/api/auth/locale', { locale: 'en' }, { 'x-csrf-token': '' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('auth.csrf_failed');
    const wrong = await client.request('PUT', '/api/auth/locale', { locale: 'en' }, { 'x-csrf-token': 'guess' });
    expect(wrong.statusCode).toBe(403);
    const stored = await t.database.db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(stored.locale).toBe('zh-CN');
    expect((await client.put('/api/auth/locale', { locale: 'en' })).statusCode).toBe(204);
  });
});

describe('password change', () => {
  it('requires the current password and a strong new one, then ends other sessions', async () => {
    const user = await buildUser(t.database.db);
    const first = await t.login(user.username);
    const second = await t.login(user.username);
    expect((await first.put('/api/auth/password', { currentPassword: 'wrong-one-1', newPassword: 'New-password-2027' })).json().code).toBe('auth.wrong_password');
    const weak = await first.put('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().details[0].path).toBe('/newPassword');
    expect((await first.put('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New-password-2027' })).statusCode).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/auth/login', { login: user.username, password: TEST_PASSWORD })).statusCode).toBe(401);
    await t.login(user.username, 'New-password-2027');
  });
});

describe('personal API tokens', () => {
  it('shows the secret once, stores only its hash, and authenticates Bearer calls', async () => {
    const unit = await buildOrg(t.database.db);
    const user = await buildUser(t.database.db, { orgId: unit.id, grants: [{ role: 'unit_admin', scopeId: unit.id }] });
    const client = await t.login(user.username);
    const created = await client.post('/api/auth/tokens', { name: '同步脚本', expiresInDays: 30, readOnly: false });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^hjt_/);
    const listed = (await client.get('/api/auth/tokens')).json().items;
    expect(listed[0]).not.toHaveProperty('token');
    const stored = await t.database.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);

    const bearer = new TestClient(t.server, { bearer: token });
    expect((await bearer.get('/api/auth/me')).json().via).toBe('token');
    // Token writes need no CSRF header: no cookie is involved.
    const write = await bearer.post('/api/users', { username: `by_token_${Date.now()}`, displayName: '脚本用户', password: 'Script-pass-2026', orgId: unit.id });
    expect(write.statusCode).toBe(201);
  });

  it('refuses writes with a read-only token but allows reads', async () => {
    const unit = await buildOrg(t.database.db);
    const user = await buildUser(t.database.db, { orgId: unit.id, grants: [{ role: 'unit_admin', scopeId: unit.id }] });
    const client = await t.login(user.username);
    const { token } = (await client.post('/api/auth/tokens', { name: 'read only', expiresInDays: 7, readOnly: true })).json();
    const bearer = new TestClient(t.server, { bearer: token });
    expect((await bearer.get('/api/users')).statusCode).toBe(200);
    const write = await bearer.post('/api/users', { username: `ro_${Date.now()}`, displayName: 'x', password: 'Script-pass-2026', orgId: unit.id });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('auth.token_read_only');
  });

  it('rejects revoked, expired and unknown tokens, and tokens cannot mint tokens', async () => {
    const user = await buildUser(t.database.db);
    const client = await t.login(user.username);
    const a = (await client.post('/api/auth/tokens', { name: 'a', expiresInDays: 1 })).json();
    const b = (await client.post('/api/auth/tokens', { name: 'b', expiresInDays: 1 })).json();
    expect((await new TestClient(t.server, { bearer: a.token }).post('/api/auth/tokens', { name: 'c' })).statusCode).toBe(403);
    expect((await client.delete(`/api/auth/tokens/${a.id}`)).statusCode).toBe(204);
    expect((await new TestClient(t.server, { bearer: a.token }).get('/api/auth/me')).json().code).toBe('auth.token_invalid');
    await t.database.db.updateTable('apiTokens').set({ expiresAt: sql<Date>`now() - interval '1 minute'` }).where('id', '=', b.id).execute();
    expect((await new TestClient(t.server, { bearer: b.token }).get('/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(t.server, { bearer: 'hjt_made_up' }).get('/api/auth/me')).statusCode).toBe(401);
  });

  it("does not let one user revoke another's token", async () => {
    const owner = await t.login((await buildUser(t.database.db)).username);
    const other = await t.login((await buildUser(t.database.db)).username);
    const { id } = (await owner.post('/api/auth/tokens', { name: 'mine', expiresInDays: 5 })).json();
    expect((await other.delete(`/api/auth/tokens/${id}`)).statusCode).toBe(404);
    expect((await owner.get('/api/auth/tokens')).json().items[0].revokedAt).toBeNull();
  });
});
