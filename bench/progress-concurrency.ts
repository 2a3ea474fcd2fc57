/**
 * Concurrency check of the supervision progress table (T1810) on PostgreSQL: writers mark many subjects
 * stale in one statement, in random order, while refreshes run, for 15 s. Prints writes, refreshes and
 * errors (a deadlock between a write and a refresh would show here), then checks that after a final
 * refresh every subject's spent amount equals its newest funding report.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5499/postgres npx tsx bench/progress-concurrency.ts
 * Creates hj_bench_progress on that server and drops it at the end.
 */
import os from 'node:os';
import { openDatabase } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrator';
import { SupervisionRepository } from '../server/src/modules/supervision/supervision.repository';
import { buildOrg, buildSubject } from '../server/src/test/factories';
import { admin } from '../server/src/test/test-database';

const DB_NAME = 'hj_bench_progress';
const SUBJECTS = 40;
const WRITERS = 3;
const REFRESHERS = 2;
const SECONDS = 15;

const shuffled = <T>(items: T[]) => items.map((item) => ({ item, key: Math.random() })).sort((a, b) => a.key - b.key).map((e) => e.item);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL (a PostgreSQL server URL)');
  await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(url, `CREATE DATABASE ${DB_NAME}`);
  const database = await openDatabase({ databaseUrl: Object.assign(new URL(url), { pathname: `/${DB_NAME}` }).toString(), poolSize: WRITERS + REFRESHERS + 1 });
  try {
    const { db, pool } = database;
    await migrateToLatest(db);
    const platform = await buildOrg(db, { kind: 'domain_platform' });
    const unit = await buildOrg(db);
    const ids: string[] = [];
    for (let i = 0; i < SUBJECTS; i += 1) ids.push((await buildSubject(db, { platformOrgId: platform.id, leadUnitId: unit.id })).subject.id);
    const repo = new SupervisionRepository(db);
    await repo.refreshStale();

    let writes = 0;
    let refreshes = 0;
    const errors: string[] = [];
    const end = Date.now() + SECONDS * 1000;
    // One transaction per write: a funding report for 10 subjects in random order, held open a few ms.
    const writer = async () => {
      while (Date.now() < end) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`INSERT INTO funding_reports (subject_id, amount_spent) SELECT unnest($1::uuid[]), $2`, [shuffled(ids).slice(0, 10), writes + 1]);
          await pause(Math.random() * 10);
          await client.query('COMMIT');
          writes += 1;
        } catch (error) {
          await client.query('ROLLBACK');
          errors.push(`write: ${String(error)}`);
        } finally {
          client.release();
        }
      }
    };
    const refresher = async () => {
      while (Date.now() < end) {
        try {
          await repo.refreshStale();
          refreshes += 1;
        } catch (error) {
          errors.push(`refresh: ${String(error)}`);
        }
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, writer), ...Array.from({ length: REFRESHERS }, refresher)]);
    await repo.refreshStale();
    const { rows: [check] } = await pool.query<{ wrong: string }>(`
      SELECT count(*) AS wrong FROM subject_progress p
      LEFT JOIN LATERAL (SELECT amount_spent FROM funding_reports f WHERE f.subject_id = p.subject_id ORDER BY reported_at DESC, id DESC LIMIT 1) f ON true
      WHERE p.spent IS DISTINCT FROM coalesce(f.amount_spent, 0)`);
    console.log(`machine ${os.cpus().length} × ${os.cpus()[0]?.model}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`${SECONDS} s, ${WRITERS} writers × ${REFRESHERS} refreshers over ${SUBJECTS} subjects: ${writes} writes (${(writes / SECONDS).toFixed(0)}/s), ${refreshes} refreshes, ` +
      `${errors.length} errors${errors.length > 0 ? ` (${[...new Set(errors)].slice(0, 3).join('; ')})` : ''}; subjects whose spent differs from the newest report after a final refresh: ${check!.wrong}`);
    if (errors.length > 0 || Number(check!.wrong) > 0) process.exitCode = 1;
  } finally {
    await database.close();
    await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
