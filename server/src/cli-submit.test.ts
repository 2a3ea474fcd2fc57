import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyPostgresDatabase, TEST_DATABASE_URL } from './test/test-database';
import { httpLogin, startServerProcess, type ServerProcess } from './test/server-process';

let server: ServerProcess;
let work: string;
let token: string;
let headers: Record<string, string>;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-cli-submit-'));
  const env: Record<string, string> = { DATA_DIR: path.join(work, 'data'), DEMO: 'true' };
  if (TEST_DATABASE_URL) {
    const db = await createEmptyPostgresDatabase();
    env.DATABASE_URL = db.url;
    cleanups.push(() => db.drop());
  }
  server = await startServerProcess(env);
  headers = await httpLogin(server.url, 'submitter', 'Huijiao@2026');
  token = ((await (await fetch(`${server.url}/api/auth/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'cli', expiresInDays: 1 }) })).json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await server?.stop();
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

const cliArgs = () => ['--import', 'tsx', 'server/src/cli.ts', 'submit', '--url', server.url, '--token', token, '--subject', '2021YFC2501001', '--type', 'data', '--metadata', path.join(work, 'rec.json'), '--files', path.join(work, 'files')];

describe('cli submit', () => {
  it('uploads over tus, resumes after being killed, and never duplicates on re-run', async () => {
    fs.writeFileSync(path.join(work, 'rec.json'), JSON.stringify({ titleZh: '命令行汇交的随访数据', keywordsZh: ['随访'] }));
    fs.mkdirSync(path.join(work, 'files', '原始数据'), { recursive: true });
    const big = Buffer.alloc(40 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32LE((i * 2654435761) >>> 0, i);
    fs.writeFileSync(path.join(work, 'files', '原始数据', 'followup.bin'), big);
    fs.writeFileSync(path.join(work, 'files', 'README.txt'), '随访数据说明');

    // First run: killed once the big file is partly uploaded.
    const first = spawn(process.execPath, cliArgs(), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve) => {
      first.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (/followup\.bin [1-9]\d%/.test(output) && first.exitCode === null) first.kill('SIGKILL');
      });
      first.on('exit', () => resolve());
    });
    expect(output).toContain('Created resource');

    const second = spawnSync(process.execPath, cliArgs(), { encoding: 'utf8' });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('Continuing resource');
    expect(second.stdout).toContain('resuming');

    const third = spawnSync(process.execPath, cliArgs(), { encoding: 'utf8' });
    expect(third.status, third.stderr).toBe(0);
    expect(third.stdout).toMatch(/0 uploaded, 2 already stored/);

    const state = JSON.parse(fs.readFileSync(path.join(work, 'rec.json.huijiao.json'), 'utf8')) as { resourceId: string };
    const detail = (await (await fetch(`${server.url}/api/resources/${state.resourceId}`, { headers })).json()) as { titleZh: string; subjectId: string; files: Array<{ path: string; sha256: string }> };
    expect(detail.titleZh).toBe('命令行汇交的随访数据');
    expect(detail.files.map((f) => f.path).sort()).toEqual(['README.txt', '原始数据/followup.bin']);
    expect(detail.files.find((f) => f.path.endsWith('followup.bin'))!.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    const resources = (await (await fetch(`${server.url}/api/subjects/${detail.subjectId}/resources`, { headers })).json()) as { items: Array<{ titleZh: string }> };
    expect(resources.items.filter((r) => r.titleZh === '命令行汇交的随访数据')).toHaveLength(1);
  }, 240_000);
});
