/**
 * Usage-counting benchmark: sustained ingest through UsageService.record() + the background flusher
 * (hashing, multi-row INSERTs, dirty-month marks), then the COUNTER aggregation of those events.
 * Runs on embedded PGlite, and on PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database
 * hj_bench_usage is created there and dropped afterwards).
 *   npx tsx bench/usage.ts [events]        (default 200000)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5499/postgres npx tsx bench/usage.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrator';
import { buildOrg, buildSubject } from '../server/src/test/factories';
import { buildStandard } from '../server/src/test/standard-factory';
import type { UsageEventInput } from '../server/src/modules/usage/usage-event';
import { UsageService } from '../server/src/modules/usage/usage.service';

const EVENTS = Number(process.argv[2] ?? 200_000);
const RESOURCES = 500;
const CLIENTS = 20_000;
const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ROBOT = 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)';
const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en')} events/s`;

/** A deterministic stream of events over three months: mostly views, then search hits, downloads; 10 % robots, 3 % scripts. */
function makeEvents(resourceIds: string[]): UsageEventInput[] {
  let state = 42;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const start = new Date('2026-08-01T00:00:00+08:00').getTime();
  const span = 91 * 86_400_000;
  const events: UsageEventInput[] = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const roll = next();
    const client = Math.floor(next() * CLIENTS);
    const robot = next() < 0.1;
    const machine = !robot && next() < 0.03;
    events.push({
      resourceId: resourceIds[Math.floor(next() * next() * resourceIds.length)]!, // skewed: a few resources are popular
      kind: roll < 0.6 ? 'view' : roll < 0.85 ? 'search_hit' : roll < 0.999 ? 'download' : 'application_approved',
      userId: null, ip: `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}`, userAgent: robot ? ROBOT : machine ? 'python-requests/2.32' : BROWSER, machine,
      at: new Date(start + Math.floor((i / EVENTS) * span) + Math.floor(next() * 60_000)),
    });
  }
  return events;
}

async function world(database: Database): Promise<string[]> {
  const db = database.db;
  const platform = await buildOrg(db, { kind: 'domain_platform' });
  const { version } = await buildStandard(db, platform.id, { status: 'approved' });
  const { subject } = await buildSubject(db, { platformOrgId: platform.id });
  const rows = await db.insertInto('resources').values(Array.from({ length: RESOURCES }, (_, i) => ({
    subjectId: subject.id, resourceType: 'data', standardVersionId: version.id, lineageId: randomUUID(), titleZh: `基准数据集 ${i}`, status: 'released' as const, sharingMode: 'open' as const, releasedAt: new Date(),
  }))).returning('id').execute();
  return rows.map((r) => r.id);
}

async function run(label: string, database: Database): Promise<string[]> {
  await migrateToLatest(database.db);
  const events = makeEvents(await world(database));
  const usage = new UsageService(database.db, { maxBuffered: EVENTS });
  const lines: string[] = [];

  // Ingest: the producer records as fast as it can, yielding to the event loop every 1 000 events so the
  // flusher (size-triggered at 500, timer every second) writes concurrently, as under request load.
  let inRecord = 0;
  let peak = 0;
  const started = performance.now();
  for (let i = 0; i < events.length; i += 1_000) {
    const t0 = performance.now();
    for (const event of events.slice(i, i + 1_000)) usage.record(event);
    inRecord += performance.now() - t0;
    peak = Math.max(peak, usage.pending);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await usage.flush();
  const ingest = performance.now() - started;
  const written = Number((await database.db.selectFrom('usageEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const size = Number((await sql<{ bytes: number }>`SELECT pg_total_relation_size('usage_events') AS bytes`.execute(database.db)).rows[0]!.bytes);
  lines.push(`${label}: ingest ${EVENTS.toLocaleString('en')} events through record() + flush: ${(ingest / 1000).toFixed(2)} s = **${rate(written, ingest)}** (written ${written.toLocaleString('en')}); record() itself ${((inRecord * 1e6) / EVENTS).toFixed(0)} ns/event; peak buffer ${peak.toLocaleString('en')}; usage_events ${(size / written).toFixed(0)} bytes/event with its index`);

  const a0 = performance.now();
  const first = await usage.aggregate();
  const aggregate = performance.now() - a0;
  const monthly = () => database.db.selectFrom('usageMonthly').selectAll().orderBy('resourceId').orderBy('month').execute();
  const rows = await monthly();
  const b0 = performance.now();
  await usage.aggregate({ all: true });
  const again = performance.now() - b0;
  const same = JSON.stringify(await monthly()) === JSON.stringify(rows);
  const totals = rows.reduce((sum, r) => ({ investigations: sum.investigations + r.totalItemInvestigations, requests: sum.requests + r.totalItemRequests }), { investigations: 0, requests: 0 });
  lines.push(`${label}: aggregate ${first.months.length} months (${rows.length} resource-months, ${totals.investigations.toLocaleString('en')} investigations, ${totals.requests.toLocaleString('en')} requests counted): ${(aggregate / 1000).toFixed(2)} s = ${rate(EVENTS, aggregate)}; full recompute ${(again / 1000).toFixed(2)} s, same rows: ${same}`);
  await usage.close();
  for (const line of lines) console.log(line);
  return lines;
}

async function main() {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS hj_bench_usage WITH (FORCE)');
    await admin.query('CREATE DATABASE hj_bench_usage');
    const database = await openDatabase({ databaseUrl: Object.assign(new URL(databaseUrl), { pathname: '/hj_bench_usage' }).toString() });
    try {
      await run('PostgreSQL', database);
    } finally {
      await database.close();
      await admin.query('DROP DATABASE IF EXISTS hj_bench_usage WITH (FORCE)');
      await admin.end();
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-usage-'));
  const pglite = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  try {
    await run('PGlite (data dir on local disk)', pglite);
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
