/**
 * Search benchmark: N synthetic bilingual resources (bench/search-corpus.ts) segmented by the app's
 * own code and written with its own upsert into resource_search, then warm faceted queries through
 * SearchService (the route's code path without HTTP): 1–3 terms, 0–2 facet filters. Prints load
 * rates, sizes, precision of 汇交, and p50/p95/p99 per query class.
 *   npx tsx bench/search.ts [N=200000] [pglite|postgres]
 * postgres uses BENCH_DATABASE_URL or DATABASE_URL (a server URL); it creates hj_bench_search there
 * and drops it at the end (KEEP=1 keeps the database, or the PGlite directory, for EXPLAIN).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrator';
import { buildDocument } from '../server/src/modules/search/search-document';
import { SearchRepository } from '../server/src/modules/search/search.repository';
import { SearchService, type SearchClient } from '../server/src/modules/search/search.service';
import type { SearchQuerystring } from '../server/src/modules/search/search.schemas';
import { corpus, rng, zipf } from './search-corpus';
import { admin } from '../server/src/test/test-database';

const N = Number(process.argv[2] ?? 200_000);
const target = (process.argv[3] ?? 'pglite') as 'pglite' | 'postgres';
const BATCH = 500;
const DB_NAME = 'hj_bench_search';
const client: SearchClient = { userId: null, ip: '127.0.0.1', userAgent: 'bench', machine: false };
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

async function open(): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (target === 'postgres') {
    const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('postgres target: set BENCH_DATABASE_URL or DATABASE_URL');
    await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin(url, `CREATE DATABASE ${DB_NAME}`);
    // Per-database settings of notes/search-at-scale.md that need no server restart.
    await admin(url, `ALTER DATABASE ${DB_NAME} SET jit = off`);
    await admin(url, `ALTER DATABASE ${DB_NAME} SET random_page_cost = 1.1`);
    await admin(url, `ALTER DATABASE ${DB_NAME} SET work_mem = '64MB'`);
    await admin(url, `ALTER DATABASE ${DB_NAME} SET maintenance_work_mem = '1GB'`);
    const database = await openDatabase({ databaseUrl: Object.assign(new URL(url), { pathname: `/${DB_NAME}` }).toString(), poolSize: 6 });
    return { database, cleanup: async () => { await database.close(); if (!process.env.KEEP) await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`); } };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-search-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  return { database, cleanup: async () => { await database.close(); if (process.env.KEEP) console.log(`kept ${dir}`); else fs.rmSync(dir, { recursive: true, force: true }); } };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
}

async function main() {
  const started = performance.now();
  const { database, cleanup } = await open();
  const { db } = database;
  try {
    await migrateToLatest(db);
    console.log(`search bench: ${N.toLocaleString()} resources on ${target === 'postgres' ? `PostgreSQL (${(await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db)).rows[0]!.v})` : 'embedded PGlite'}`);
    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);

    // Bulk load: secondary indexes off, rebuilt afterwards (as any bulk load would); the primary key stays for the upsert.
    const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'resource_search' AND indexname <> 'resource_search_pkey'`.execute(db);
    for (const index of indexes) await sql.raw(`DROP INDEX ${index.indexname}`).execute(db);
    const gen = corpus();
    const samples: Array<ReturnType<typeof gen.next>> = [];
    const repo = new SearchRepository(db);
    let segmentMs = 0;
    const loadStarted = performance.now();
    const inFlight = new Set<Promise<void>>();
    const parallel = target === 'postgres' ? 3 : 1;
    for (let done = 0; done < N; done += BATCH) {
      const t0 = performance.now();
      const batch = [];
      for (let i = 0; i < Math.min(BATCH, N - done); i += 1) {
        const source = gen.next();
        if (samples.length < 5000 && Math.random() < 0.02) samples.push(source);
        batch.push(buildDocument(source));
      }
      segmentMs += performance.now() - t0;
      const write = repo.upsert(batch).then(() => { inFlight.delete(write); });
      inFlight.add(write);
      if (inFlight.size >= parallel) await Promise.race(inFlight);
      if ((done / BATCH) % 200 === 0 && done > 0) console.log(`  … ${done.toLocaleString()} rows, ${((done / (performance.now() - loadStarted)) * 1000).toFixed(0)} rows/s`);
    }
    await Promise.all(inFlight);
    const loadMs = performance.now() - loadStarted;
    console.log(`load: ${(N / (loadMs / 1000)).toFixed(0)} rows/s (jieba + document building ${(N / (segmentMs / 1000)).toFixed(0)} docs/s on one core; writes ${parallel} in flight)`);
    for (const index of indexes) {
      const t0 = performance.now();
      await sql.raw(index.indexdef).execute(db);
      console.log(`  index ${index.indexname}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    await sql.raw(target === 'postgres' ? 'VACUUM ANALYZE resource_search' : 'ANALYZE resource_search').execute(db);
    const { rows: [size] } = await sql<{ heap: string; fts: string; total: string }>`SELECT pg_size_pretty(pg_table_size('resource_search')) AS heap,
      pg_size_pretty(pg_relation_size('resource_search_fts_idx')) AS fts, pg_size_pretty(pg_total_relation_size('resource_search')) AS total`.execute(db);
    console.log(`sizes: table ${size!.heap}, GIN(fts) ${size!.fts}, table + indexes ${size!.total}`);

    const { rows: [precision] } = await sql<{ fts: number; like: number; likeOnly: number; wordBoundary: number }>`
      WITH l AS (SELECT id, fts, title_zh || ' ' || coalesce(description_zh, '') AS text FROM resource_search WHERE title_zh LIKE '%汇交%' OR description_zh LIKE '%汇交%')
      SELECT (SELECT count(*) FROM resource_search WHERE fts @@ '汇交'::tsquery)::int AS fts, (SELECT count(*) FROM l)::int AS like,
        (SELECT count(*) FROM l WHERE NOT fts @@ '汇交'::tsquery)::int AS like_only,
        (SELECT count(*) FROM l WHERE NOT fts @@ '汇交'::tsquery AND text LIKE '%碳汇交易%')::int AS word_boundary`.execute(db);
    console.log(`precision: 汇交 as one jieba token matches ${precision!.fts} docs; LIKE '%汇交%' matches ${precision!.like}, of which ${precision!.likeOnly} not by the token — ${precision!.wordBoundary} of those hold 碳汇|交易 (汇 and 交 in different words)`);

    // Queries: terms of real documents (so most queries match), Zipf-random terms, random filters.
    const service = new SearchService(db, null);
    const random = rng(7);
    const termOf = zipf(gen.queryTerms.length, 0.9, random);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const filtersFrom = (doc: (typeof samples)[number], count: number): Partial<SearchQuerystring> => {
      const all: Array<Partial<SearchQuerystring>> = [
        { type: [doc.resourceType as 'data'] }, { platform: [doc.platformOrgId] }, { province: [doc.regionCode] }, { year: [doc.releasedAt.getUTCFullYear()] },
        { sharingMode: [doc.sharingMode as 'open'] }, { discipline: [doc.discipline!] }, { program: [doc.programCode] },
      ];
      return Object.assign({}, ...Array.from({ length: count }, () => pick(all)));
    };
    const classes: Record<string, () => SearchQuerystring> = {
      '1 term, no filter': () => ({ q: random() < 0.5 ? pick(pick(samples).terms) : gen.queryTerms[termOf()]!, page: 1, pageSize: 20 }),
      '2–3 terms, no filter': () => { const doc = pick(samples); return { q: doc.terms.slice(0, 2 + Math.floor(random() * 2)).join(' '), page: 1, pageSize: 20 }; },
      '1–3 terms + 1–2 filters': () => { const doc = pick(samples); return { q: doc.terms.slice(0, 1 + Math.floor(random() * 3)).join(' '), ...filtersFrom(doc, 1 + Math.floor(random() * 2)), page: 1, pageSize: 20 }; },
      'filters only, newest': () => ({ ...filtersFrom(pick(samples), 1 + Math.floor(random() * 2)), page: 1, pageSize: 20 }),
      'most common term (汇交/水稻…)': () => ({ q: gen.queryTerms[Math.floor(random() * 3)]!, page: 1, pageSize: 20 }),
      'term + sort=newest, page 3': () => ({ q: pick(pick(samples).terms), sort: 'newest', page: 3, pageSize: 20 }),
      'CSTR exact': () => ({ q: pick(samples).cstr, page: 1, pageSize: 20 }),
    };
    const mix = (): SearchQuerystring => {
      const doc = pick(samples);
      const terms = doc.terms.slice(0, 1 + Math.floor(random() * 3)).join(' ');
      return { q: random() < 0.25 ? gen.queryTerms[termOf()]! : terms, ...filtersFrom(doc, Math.floor(random() * 3)), page: 1, pageSize: 20 };
    };
    const time = async (query: SearchQuerystring) => {
      const t0 = performance.now();
      const answer = await service.search(query, client);
      return { ms: performance.now() - t0, answer };
    };

    for (let i = 0; i < 300; i += 1) await time(mix()); // warm caches and plans
    console.log('| query class | clients | n | p50 ms | p95 ms | p99 ms | capped |\n| --- | --- | --- | --- | --- | --- | --- |');
    const run = async (label: string, make: () => SearchQuerystring, count: number, clients = 1) => {
      const queries = Array.from({ length: count }, make);
      const times: number[] = [];
      let capped = 0;
      let next = 0;
      await Promise.all(Array.from({ length: clients }, async () => {
        while (next < queries.length) {
          const { ms: took, answer } = await time(queries[next++]!);
          times.push(took);
          if (answer.totalCapped) capped += 1;
        }
      }));
      const p = percentiles(times);
      const line = `| ${label} | ${clients} | ${p.n} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${Math.round((capped / p.n) * 100)} % |`;
      console.log(line);
    };
    await run('mix: 1–3 terms, 0–2 filters', mix, 1000);
    for (const [label, make] of Object.entries(classes)) await run(label, make, 300);
    if (target === 'postgres') await run('mix: 1–3 terms, 0–2 filters', mix, 1000, 4);
    console.log(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
