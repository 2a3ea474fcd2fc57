import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, type TestApp, type TestClient } from '../../test/build-app';
import { buildUser } from '../../test/factories';
import { verifyAuditChain } from '../../platform/audit';
import { openDatabase } from '../../db/database';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  await buildUser(t.database.db, { username: 'audit_admin', grants: [{ role: 'sysadmin' }] });
  admin = await t.login('audit_admin');
  for (let i = 0; i < 5; i += 1) await admin.post('/api/orgs', { kind: 'repository', nameZh: `审计样本库${i}` });
});
afterAll(() => t.close());

async function tamper(statement: ReturnType<typeof sql>) {
  await statement.execute(t.database.db);
}

describe('audit hash chain', () => {
  it('records who did what, with the request id, for every write', async () => {
    const response = await admin.request('POST', '/api/orgs', { kind: 'repository', nameZh: '请求标识样本库' }, { 'x-request-id': 'req-audit-1' });
    const entry = await t.database.db.selectFrom('auditLog').selectAll().where('objectId', '=', response.json().id).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'org.created', actorLabel: 'audit_admin', requestId: 'req-audit-1', objectType: 'organisation' });
    const listed = (await admin.get('/api/audit?action=org.created&pageSize=100')).json();
    expect(listed.total).toBeGreaterThanOrEqual(6);
  });

  it('verifies an intact chain through the API', async () => {
    const report = (await admin.get('/api/audit/verify')).json();
    expect(report).toMatchObject({ ok: true, firstBrokenId: null });
    expect(report.checked).toBeGreaterThan(5);
  });

  it('detects an edited entry and names it as the first broken link', async () => {
    const rows = await t.database.db.selectFrom('auditLog').select('id').orderBy('id').execute();
    const victim = rows[3]!.id;
    await tamper(sql`UPDATE audit_log SET after = jsonb_set(after, '{nameZh}', '"篡改"') WHERE id = ${victim}`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, firstBrokenId: victim, reason: 'hash_mismatch' });
    const viaApi = (await admin.get('/api/audit/verify')).json();
    expect(viaApi.firstBrokenId).toBe(victim);
  });

  it('detects a deleted entry at the entry after the gap', async () => {
    const fresh = await buildTestApp();
    try {
      const user = await buildUser(fresh.database.db, { username: 'chain_admin', grants: [{ role: 'sysadmin' }] });
      const client = await fresh.login(user.username);
      for (let i = 0; i < 4; i += 1) await client.post('/api/orgs', { kind: 'repository', nameZh: `删除测试${i}` });
      const rows = await fresh.database.db.selectFrom('auditLog').select('id').orderBy('id').execute();
      await fresh.database.db.deleteFrom('auditLog').where('id', '=', rows[2]!.id).execute();
      expect(await verifyAuditChain(fresh.database.db)).toMatchObject({ ok: false, firstBrokenId: rows[3]!.id, reason: 'prev_hash_mismatch' });
    } finally {
      await fresh.close();
    }
  });

  it('is readable by the ministry but not by a unit admin', async () => {
    const unitAdmin = await t.login((await buildUser(t.database.db)).username);
    expect((await unitAdmin.get('/api/audit')).statusCode).toBe(403);
  });
});

describe('verify-audit CLI', () => {
  it('exits 0 on an intact chain and 1 naming the first broken link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-cli-audit-'));
    const env = { ...process.env, DATA_DIR: dataDir, DEMO: 'false', DATABASE_URL: '' };
    const cli = (...args: string[]) => spawnSync('node', ['--import', 'tsx', 'server/src/cli.ts', ...args], { env, encoding: 'utf8' });
    expect(cli('create-user', '--username', 'ops', '--password', 'Ops-password-2026').status).toBe(0);
    expect(cli('grant', '--username', 'ops', '--role', 'sysadmin').status).toBe(0);
    const intact = cli('verify-audit');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('2 entries verified');
    const bad = cli('grant', '--username', 'ops', '--role', 'unit_admin');
    expect(bad.status).toBe(3);
    expect(bad.stderr).toContain('grant.scope_mismatch');
    expect(cli('no-such-command').status).toBe(2);

    const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
    const first = await database.db.selectFrom('auditLog').select('id').orderBy('id').executeTakeFirstOrThrow();
    await database.db.updateTable('auditLog').set({ actorLabel: 'someone-else' }).where('id', '=', first.id).execute();
    await database.close();
    const broken = cli('verify-audit');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`BROKEN at entry ${first.id}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
