import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import { buildTestApp, type TestApp } from '../../test/build-app';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ REGISTER_MAX_PER_IP: '2', REGISTER_WINDOW_MINUTES: '60' });
});
afterAll(() => t.close());

const member = (name: string) => ({ username: name, displayName: `成员${name}`, email: `${name}@example.org`, password: 'Member-pass-2026' });

/** A registration as it arrives through the proxy on this host, for a client at `clientIp`. */
const registerFrom = (clientIp: string, name: string, lang = 'zh-CN') =>
  t.anonymous().withLang(lang).request('POST', '/api/auth/register', member(name), { 'x-forwarded-for': clientIp });

const userCount = async (username: string) => Number((await t.database.db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).where('username', '=', username).executeTakeFirstOrThrow()).n);
const mailCount = async (to: string) => Number((await t.database.db.selectFrom('mailOutbox').select((eb) => eb.fn.countAll<string>().as('n')).where('toAddress', '=', to).executeTakeFirstOrThrow()).n);

describe('self-registration limits', () => {
  it('lets one address register REGISTER_MAX_PER_IP accounts per window, then says when it may again and creates nothing', async () => {
    expect((await registerFrom('198.51.100.7', 'limit_one')).statusCode).toBe(201);
    expect((await registerFrom('198.51.100.7', 'limit_two')).statusCode).toBe(201);

    const refused = await registerFrom('198.51.100.7', 'limit_three');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'auth.registration_rate_limited', message: '该网络地址注册账号过于频繁，请 60 分钟后再试' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await userCount('limit_three')).toBe(0);
    expect(await mailCount('limit_three@example.org')).toBe(0);
    expect((await registerFrom('198.51.100.7', 'limit_four', 'en')).json().message).toBe('Too many accounts registered from this network address; try again in 60 minutes');

    // Another address is not affected; refused attempts did not count against anyone.
    expect((await registerFrom('198.51.100.8', 'limit_three')).statusCode).toBe(201);
    expect(await userCount('limit_three')).toBe(1);
  });

  it('believes X-Forwarded-For only from a trusted proxy, so a direct client cannot dodge the limit by inventing addresses', async () => {
    const direct = (forwarded: string, name: string) =>
      t.server.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': forwarded }, payload: member(name) });
    expect((await direct('192.0.2.1', 'direct_one')).statusCode).toBe(201);
    expect((await direct('192.0.2.2', 'direct_two')).statusCode).toBe(201);
    expect((await direct('192.0.2.3', 'direct_three')).json().code).toBe('auth.registration_rate_limited');
    const recorded = await t.database.db.selectFrom('registrationAttempts').select('ip').where('ip', 'like', '%.0.2.%').execute();
    expect(recorded).toEqual([]);
  });

  it('forgets rate records after a day', async () => {
    const old = new Date(Date.now() - 25 * 3_600_000);
    await t.database.db.insertInto('registrationAttempts').values({ ip: '198.51.100.99', at: old }).execute();
    await t.database.db.insertInto('loginFailures').values({ loginKey: 'someone', ip: '198.51.100.99', at: old }).execute();
    expect(await t.services.auth.pruneRateRecords()).toBe(2);
    const left = await t.database.db.selectFrom('registrationAttempts').select('ip').execute();
    expect(left.map((r) => r.ip).sort()).toEqual(['198.51.100.7', '198.51.100.7', '198.51.100.8', '203.0.113.9', '203.0.113.9']);
  });
});

describe('TRUST_PROXY', () => {
  it('trusts a proxy on this host by default, and takes true, false or a list of addresses, ranges and names', () => {
    expect(loadConfig({}).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback, ::1, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback', '::1', 'fd00::/8']);
  });

  it('refuses anything else at start, naming what it could not read', () => {
    for (const value of ['proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/2', ',']) {
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(ConfigError);
    }
    expect(() => loadConfig({ TRUST_PROXY: 'loopback,nginx' })).toThrow(/TRUST_PROXY .*not: nginx/);
  });
});
