/**
 * Upload benchmark: 1 GiB and 4 GiB through the real HTTP/tus path on loopback, against this
 * machine's own baseline for the same bytes measured in the same run (write to the same disk with
 * fsync, and SHA-256). Prints upload / min(disk, sha256) and the server's peak RSS (VmHWM).
 *   npx tsx bench/upload.ts [sizesInGiB…]      (default: 1 4)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tus from 'tus-js-client';
import { freePort, httpLogin } from '../server/src/test/server-process';

const GiB = 1024 ** 3;
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ['1', '4']).map(Number);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-upload-'));
const mbps = (bytes: number, ms: number) => bytes / 1024 ** 2 / (ms / 1000);

function makeFile(file: string, size: number): void {
  const block = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const fd = fs.openSync(file, 'w');
  for (let written = 0, n = 0; written < size; n += 1) {
    block.writeUInt32LE(n, 0); // every block differs, so nothing dedupes or compresses
    const length = Math.min(block.length, size - written);
    fs.writeSync(fd, block, 0, length);
    written += length;
  }
  fs.closeSync(fd);
}

async function diskBaseline(source: string): Promise<number> {
  const target = path.join(work, 'disk-copy.bin');
  const started = performance.now();
  await pipeline(fs.createReadStream(source, { highWaterMark: 1024 * 1024 }), fs.createWriteStream(target, { highWaterMark: 1024 * 1024 }));
  const fd = fs.openSync(target, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  const ms = performance.now() - started;
  fs.rmSync(target);
  return ms;
}

async function shaBaseline(source: string): Promise<number> {
  const started = performance.now();
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(source, { highWaterMark: 1024 * 1024 }), hash);
  hash.digest('hex');
  return performance.now() - started;
}

function rss(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) * 1024;
}
const MB = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function main() {
  const port = await freePort();
  // BENCH_DATABASE_URL: run the server on PostgreSQL (a fresh database), so its RSS is the app's alone.
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS hj_bench_upload WITH (FORCE)');
    await admin.query('CREATE DATABASE hj_bench_upload');
    await admin.end();
  }
  const dbEnv = databaseUrl ? { DATABASE_URL: Object.assign(new URL(databaseUrl), { pathname: '/hj_bench_upload' }).toString() } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...dbEnv, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), DEMO: 'true', LOG_LEVEL: 'warn', MAX_FILE_BYTES: String(64 * GiB) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  const headers = await httpLogin(url, 'pi', 'Huijiao@2026');
  const token = ((await (await fetch(`${url}/api/auth/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'bench', expiresInDays: 1 }) })).json()) as { token: string }).token;
  const work0 = (await (await fetch(`${url}/api/my-work`, { headers })).json()) as { items: Array<{ id: string }> };
  const rows: string[] = [];
  const idle = rss(child.pid!, 'VmRSS');
  console.log(`database: ${databaseUrl ? 'PostgreSQL' : 'embedded PGlite (in the server process)'}; server RSS before uploads ${MB(idle)} (peak so far ${MB(rss(child.pid!, 'VmHWM'))})`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / GiB).toFixed(0)} GiB RAM, node ${process.version}, tmp ${work}`);
  for (const sizeGiB of sizes) {
    const size = Math.round(sizeGiB * GiB);
    const source = path.join(work, `source-${sizeGiB}.bin`);
    makeFile(source, size);
    const disk = await diskBaseline(source);
    const sha = await shaBaseline(source);
    const resource = (await (await fetch(`${url}/api/subjects/${work0.items[0]!.id}/resources`, { method: 'POST', headers, body: JSON.stringify({ resourceType: 'data' }) })).json()) as { id: string };
    let peakDuring = 0;
    const sampler = setInterval(() => { peakDuring = Math.max(peakDuring, rss(child.pid!, 'VmRSS')); }, 50);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      new tus.Upload(fs.createReadStream(source), {
        endpoint: `${url}/api/uploads`, headers: { authorization: `Bearer ${token}` }, metadata: { resourceId: resource.id, filename: `bench-${sizeGiB}.bin` },
        chunkSize: Number(process.env.CHUNK_MB ?? 64) * 1024 * 1024, retryDelays: [], onError: reject, onSuccess: () => resolve(),
      }).start();
    });
    const upload = performance.now() - started;
    clearInterval(sampler);
    const baseline = Math.max(disk, sha);
    const line = `${sizeGiB} GiB: upload ${mbps(size, upload).toFixed(0)} MiB/s | disk+fsync ${mbps(size, disk).toFixed(0)} MiB/s | sha256 ${mbps(size, sha).toFixed(0)} MiB/s | ratio upload/min(disk, sha256) = ${(baseline / upload).toFixed(2)} | server RSS during upload: peak ${MB(peakDuring)} (+${MB(Math.max(0, peakDuring - idle))} over idle)`;
    console.log(line);
    rows.push(line);
    fs.rmSync(source);
  }
  child.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
