import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type Database } from '../db/database';
import { createEmptyPostgresDatabase, createTestDatabase, TEST_DATABASE_URL } from '../test/test-database';
import { loginAs } from '../test/build-app';
import { buildUser } from '../test/factories';
import { httpLogin, startServerProcess } from '../test/server-process';
import { verifyAuditChain } from './audit';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('crash safety', () => {
  it('after kill -9 in the middle of writes, a restart finds every accepted write with its audit entry and nothing half-done', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-crash-'));
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir, DEMO: 'false', ADMIN_PASSWORD: 'Crash-admin-2026' };
    if (TEST_DATABASE_URL) {
      const empty = await createEmptyPostgresDatabase();
      cleanups.push(() => empty.drop());
      env.DATABASE_URL = empty.url;
    }

    let server = await startServerProcess(env);
    const headers = await httpLogin(server.url, 'admin', 'Crash-admin-2026');
    const accepted: string[] = [];
    const writes = Array.from({ length: 60 }, (_, i) =>
      fetch(`${server.url}/api/orgs`, { method: 'POST', headers, body: JSON.stringify({ kind: 'repository', nameZh: `崩溃测试库${i}` }) })
        .then(async (response) => {
          if (response.status === 201) accepted.push(((await response.json()) as { id: string }).id);
        })
        .catch(() => undefined),
    );
    // Let some writes complete, then pull the plug while the rest are in flight.
    const deadline = Date.now() + 20_000;
    while (accepted.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    await server.stop('SIGKILL');
    await Promise.all(writes);
    expect(accepted.length).toBeGreaterThanOrEqual(5);

    server = await startServerProcess(env);
    cleanups.push(() => server.stop());
    const after = await httpLogin(server.url, 'admin', 'Crash-admin-2026');
    const orgs = ((await (await fetch(`${server.url}/api/orgs`, { headers: after })).json()) as { items: Array<{ id: string }> }).items;
    const stored = new Set(orgs.map((o) => o.id));
    for (const id of accepted) expect(stored.has(id), `accepted org ${id} survived`).toBe(true);

    const audit = (await (await fetch(`${server.url}/api/audit?action=org.created&pageSize=200`, { headers: after })).json()) as { items: Array<{ objectId: string }> };
    const audited = new Set(audit.items.map((e) => e.objectId));
    expect(audited).toEqual(stored);
    const chain = (await (await fetch(`${server.url}/api/audit/verify`, { headers: after })).json()) as { ok: boolean };
    expect(chain.ok).toBe(true);
  }, 240_000);
});

describe('several app instances on one database', () => {
  it('share sessions and keep one audit chain under concurrent writes', async () => {
    const shared = await createTestDatabase();
    let second: Database = shared;
    if ('url' in shared && shared.url) second = await openDatabase({ databaseUrl: shared.url, poolSize: 5 });
    const config = loadConfig({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'hj-two-')), WEB_DIST: '/nonexistent', LOG_LEVEL: 'silent' });
    const a = await buildApp({ config, database: shared, logger: false });
    const b = await buildApp({ config, database: second, logger: false });
    cleanups.push(async () => {
      await a.server.close();
      await b.server.close();
      if (second !== shared) await second.close();
      await shared.close();
    });

    await buildUser(shared.db, { username: 'two_instances', grants: [{ role: 'sysadmin' }] });
    const onA = await loginAs(a.server, 'two_instances', 'Test-password-2026');
    const sameOnB = { cookie: onA.auth.cookie!, 'x-csrf-token': onA.auth.csrf! };
    expect((await b.server.inject({ method: 'GET', url: '/api/auth/me', headers: sameOnB })).json().user.username).toBe('two_instances');

    const writes = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? a : b).server.inject({ method: 'POST', url: '/api/orgs', headers: sameOnB, payload: { kind: 'repository', nameZh: `双实例库${i}` } }));
    const statuses = (await Promise.all(writes)).map((r) => r.statusCode);
    expect(statuses).toEqual(Array(20).fill(201));
    expect(await verifyAuditChain(shared.db)).toMatchObject({ ok: true });

    expect((await b.server.inject({ method: 'POST', url: '/api/auth/logout', headers: sameOnB })).statusCode).toBe(204);
    expect((await a.server.inject({ method: 'GET', url: '/api/auth/me', headers: sameOnB })).statusCode).toBe(401);
  }, 120_000);
});
