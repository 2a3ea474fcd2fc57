/**
 * Evaluation and supervision benchmark (issue 8): a synthetic national programme on PostgreSQL — at scale 1,
 * 100 000 subjects, 1 000 000 resources and 10 000 000 usage events — written with set-based SQL, usage
 * aggregated by the real UsageService, then a full evaluation recompute (scores + roll-ups) and the
 * ministry dashboard (supervision overview + breakdown by province, evaluation score lists) timed.
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5499/postgres npx tsx bench/evaluation.ts [scale=1]
 * Creates hj_bench_evaluation (BENCH_DB=… to rename) on that server and drops it at the end. KEEP=1 keeps
 * it (for EXPLAIN); REUSE=1 times a kept one again without generating. STOCK=1 leaves the server's settings
 * alone (default: per-database jit = off, work_mem = 64MB, as bench/search). DASHBOARD_ONLY=1 skips the recompute timings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../server/src/db/database';
import { migrateToLatest } from '../server/src/db/migrator';
import { loadConfig } from '../server/src/config';
import { readShippedStandards } from '../server/src/modules/standards/shipped-standards';
import { buildStandard } from '../server/src/test/standard-factory';
import { UsageService } from '../server/src/modules/usage/usage.service';
import { createServices, type Services } from '../server/src/services';
import type { Actor, Ctx } from '../server/src/platform/context';
import { isRole } from '../common/roles';
import { loadFacts } from '../server/src/modules/evaluation/evaluation-inputs';
import { usageCutoff } from '../server/src/modules/evaluation/evaluation-runner';
import { admin } from '../server/src/test/test-database';

const SCALE = Number(process.argv[2] ?? 1);
/** The scale of the world measured (REUSE: the kept database's). */
let scale = SCALE;
const DB_NAME = process.env.BENCH_DB ?? 'hj_bench_evaluation';
const TYPES = ['data', 'report', 'publication', 'patent_standard', 'instrument', 'physical'];

// Sizes at scale 1 (issue 8); the small fixed parts (platforms, programs) do not scale.
const n = (full: number, min: number) => Math.max(min, Math.round(full * SCALE));
const SIZE = {
  platforms: 3,
  programs: 20,
  units: n(2_000, 20),
  projects: n(2_000, 20),
  subjects: n(100_000, 100),
  pis: n(70_000, 70),
  experts: n(300, 10),
  resources: n(1_000_000, 1_000),
  events: n(10_000_000, 10_000),
  reuse: n(28_000, 30),
  funding: n(30_000, 30),
};
// ~1.8 % of lineages get a released version 2 (version 1 superseded); v1 rows are sized so the total is ~resources.
const LINEAGES = Math.round(SIZE.resources / 1.0179);

/** A deterministic uniform number in [0, 1) from an integer expression and a salt (SQL text). */
const u = (expr: string, salt: number) => `((hashint8((${expr})::bigint * 1000003 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
/** A deterministic uuid for the n-th row of a kind (SQL text), so rows refer to each other without lookup tables. */
const id = (kind: string, expr: string) => `md5('${kind}:' || (${expr}))::uuid`;
const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

interface Figure { step: string; ms: number; rows?: number }
const figures: Figure[] = [];

async function timed<T>(step: string, work: () => Promise<T>, rows?: (result: T) => number): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  const count = rows?.(result);
  figures.push({ step, ms, rows: count });
  console.log(`  ${step}: ${seconds(ms)} s${count !== undefined ? ` (${count.toLocaleString('en')} rows)` : ''}`);
  return result;
}

/** Runs one generating statement and records its time and row count. */
function exec(database: Database, step: string, text: string) {
  return timed(step, () => database.pool.query(text), (r) => r.rowCount ?? 0);
}

/**
 * The synthetic world, in a few set-based statements. Every row's choices come from hashes of its
 * number, so a scale always gives the same world.
 */
async function generate(database: Database) {
  const { db } = database;
  const S = SIZE.subjects;
  const { rows: regionRows } = await database.pool.query<{ code: string }>(`SELECT code FROM regions WHERE code < '710000' ORDER BY code`);
  const regions = `(ARRAY[${regionRows.map((r) => `'${r.code}'`).join(',')}]::char(6)[])`;
  const types = `(ARRAY[${TYPES.map((t) => `'${t}'`).join(',')}])`;
  const topUnits = Math.floor(SIZE.units * 0.9);

  // Organisations: the ministry, three platforms with an approved six-type standard each, units in 31
  // provinces (skewed towards the first ones); a tenth of the units sit below another unit.
  await exec(database, 'organisations', `
    INSERT INTO organisations (id, kind, name_zh, name_en) VALUES (${id('org', "'ministry'")}, 'ministry', '科学技术部', 'Ministry of Science and Technology')`);
  await exec(database, 'platforms', `
    INSERT INTO organisations (id, kind, name_zh, name_en) SELECT ${id('platform', 'p')}, 'domain_platform', '基准领域平台' || p, 'Bench platform ' || p FROM generate_series(1, ${SIZE.platforms}) p`);
  const shipped = readShippedStandards();
  const versions: string[] = [];
  for (let p = 1; p <= SIZE.platforms; p += 1) {
    const { rows: [platform] } = await database.pool.query<{ id: string }>(`SELECT ${id('platform', String(p))}::text AS id`);
    const domain = `bench-${p}`;
    const { version } = await buildStandard(db, platform!.id, { status: 'approved', domain });
    // The test standard has three resource types; plans here use all six, so the version holds a shipped document.
    const document = { ...shipped[(p - 1) % shipped.length]!, domain };
    await db.updateTable('standardVersions').set({ document: JSON.stringify(document) }).where('id', '=', version.id).execute();
    versions.push(version.id);
  }
  const standardVersion = (platformExpr: string) => `(ARRAY[${versions.map((v) => `'${v}'`).join(',')}]::uuid[])[${platformExpr}]`;
  const topOf = (k: string) => `(CASE WHEN ${k} <= ${topUnits} THEN ${k} ELSE 1 + ${k} % ${topUnits} END)`;
  await exec(database, 'units', `
    INSERT INTO organisations (id, kind, name_zh, name_en, parent_id, region_code, credit_code)
    SELECT ${id('unit', 'k')}, 'unit', '基准单位' || k, 'Bench unit ' || k,
      CASE WHEN k > ${topUnits} THEN ${id('unit', topOf('k'))} END,
      ${regions}[1 + floor(${u(topOf('k'), 2)} ^ 2 * ${regionRows.length})::int],
      '91' || lpad(k::text, 16, '0')
    FROM generate_series(1, ${SIZE.units}) k`);

  // People: PIs (in units), experts (of a platform), one ministry administrator; grants as the app writes them.
  await exec(database, 'users (PIs, experts, ministry admin)', `
    INSERT INTO users (id, username, display_name, email, org_id)
    SELECT ${id('pi', 'k')}, 'bench_pi_' || k, '研究员' || k, 'pi' || k || '@bench.example.cn', ${id('unit', `1 + floor(${u('k', 30)} * ${SIZE.units})::int`)}
    FROM generate_series(1, ${SIZE.pis}) k
    UNION ALL
    SELECT ${id('expert', 'k')}, 'bench_expert_' || k, '评审专家' || k, 'expert' || k || '@bench.example.cn', ${id('platform', `1 + k % ${SIZE.platforms}`)}
    FROM generate_series(1, ${SIZE.experts}) k
    UNION ALL
    SELECT ${id('user', "'ministry-admin'")}, 'bench_ministry', '部管理员', 'ministry@bench.example.cn', ${id('org', "'ministry'")}`);
  await exec(database, 'role grants (experts, ministry)', `
    INSERT INTO role_grants (user_id, role, scope_type, scope_id)
    SELECT ${id('expert', 'k')}, 'expert', 'organisation', ${id('platform', `1 + k % ${SIZE.platforms}`)}::text FROM generate_series(1, ${SIZE.experts}) k
    UNION ALL
    SELECT ${id('user', "'ministry-admin'")}, 'ministry_admin', 'organisation', ${id('org', "'ministry'")}::text`);

  // Registry: 20 programs, projects round-robin over them, subjects round-robin over the projects.
  await exec(database, 'programs', `
    INSERT INTO programs (id, code, title_zh, title_en, start_date, end_date)
    SELECT ${id('program', 'g')}, 'BENCH' || lpad(g::text, 2, '0'), '基准重点专项' || g, 'Bench programme ' || g, date '2023-01-01', date '2028-12-31'
    FROM generate_series(1, ${SIZE.programs}) g`);
  await exec(database, 'projects', `
    INSERT INTO projects (id, program_id, code, title_zh, title_en, start_date, end_date)
    SELECT ${id('project', 'j')}, ${id('program', `1 + (j - 1) % ${SIZE.programs}`)}, '2024YFP' || lpad(j::text, 7, '0'), '基准项目' || j, 'Bench project ' || j, date '2023-06-01', date '2028-06-30'
    FROM generate_series(1, ${SIZE.projects}) j`);
  await exec(database, 'subjects', `
    INSERT INTO subjects (id, project_id, code, title_zh, title_en, start_date, end_date, status, pi_user_id, lead_unit_id, region_code, platform_org_id, collection_budget, acceptance_date)
    SELECT ${id('subject', 'n')}, ${id('project', `1 + (n - 1) % ${SIZE.projects}`)}, '2024YFS' || lpad(n::text, 7, '0'),
      '基准课题' || n || '：队列数据与样本汇交', 'Bench subject ' || n,
      date '2023-07-01' + floor(${u('n', 40)} * 365)::int, x.acceptance,
      CASE WHEN x.acceptance < current_date AND ${u('n', 43)} < 0.5 THEN 'accepted' ELSE 'active' END,
      ${id('pi', `1 + floor(${u('n', 3)} * ${SIZE.pis})::int`)}, o.id, o.region_code, ${id('platform', `1 + n % ${SIZE.platforms}`)},
      round((50000 + ${u('n', 42)} * 1950000)::numeric, 2), x.acceptance
    FROM (SELECT n, date '2025-01-01' + floor(${u('n', 41)} * 1460)::int AS acceptance FROM generate_series(1, ${S}) n) x
    JOIN organisations o ON o.id = ${id('unit', `1 + floor(${u('n', 1)} * ${SIZE.units})::int`)}`);
  await exec(database, 'subject co-units', `
    INSERT INTO subject_units (subject_id, org_id)
    SELECT ${id('subject', 'n')}, ${id('unit', `1 + floor(${u('n', 44)} * ${SIZE.units})::int`)} FROM generate_series(1, ${S}) n
    WHERE ${u('n', 45)} < 0.2 AND floor(${u('n', 44)} * ${SIZE.units}) <> floor(${u('n', 1)} * ${SIZE.units})`);
  await exec(database, 'PI grants', `
    INSERT INTO role_grants (user_id, role, scope_type, scope_id)
    SELECT pi_user_id, 'pi', 'subject', id::text FROM subjects`);

  // Plans: 97 % of subjects have one; 93 % of those approved (3 % with an amendment now in review),
  // the rest draft, in review (some past their step deadline) or returned. 2–4 lines of distinct types,
  // 1–6 planned each, due dates over 2024–2027.
  const hasPlan = (k: string) => `${u(k, 4)} < 0.97`;
  const planStatus = `CASE WHEN ${u('n', 5)} < 0.93 THEN 'approved' WHEN ${u('n', 5)} < 0.95 THEN 'draft' WHEN ${u('n', 5)} < 0.96 THEN 'unit_review' WHEN ${u('n', 5)} < 0.97 THEN 'platform_review' ELSE 'returned' END`;
  await exec(database, 'plans', `INSERT INTO plans (id, subject_id) SELECT ${id('plan', 'n')}, ${id('subject', 'n')} FROM generate_series(1, ${S}) n WHERE ${hasPlan('n')}`);
  await exec(database, 'plan versions', `
    INSERT INTO plan_versions (id, plan_id, version_no, kind, amendment_reason, status, round, step_due_at, created_by, created_at, updated_at, submitted_at, approved_at)
    SELECT ${id('pv', 'n')}, ${id('plan', 'n')}, 1, 'initial', NULL, x.status, CASE WHEN x.status = 'draft' THEN 0 ELSE 1 END,
      CASE WHEN x.status IN ('unit_review', 'platform_review') THEN now() - interval '10 days' + ${u('n', 46)} * interval '20 days' END,
      ${id('pi', `1 + floor(${u('n', 3)} * ${SIZE.pis})::int`)}, x.created, x.created, CASE WHEN x.status <> 'draft' THEN x.created + interval '3 days' END,
      CASE WHEN x.status = 'approved' THEN x.created + interval '13 days' END
    FROM (SELECT n, ${planStatus} AS status, timestamptz '2024-01-01 10:00+08' + ${u('n', 47)} * interval '400 days' AS created FROM generate_series(1, ${S}) n WHERE ${hasPlan('n')}) x
    UNION ALL
    SELECT ${id('pv2', 'n')}, ${id('plan', 'n')}, 2, 'amendment', '调整汇交数量', 'unit_review', 1, now() - interval '7 days' + ${u('n', 48)} * interval '14 days',
      ${id('pi', `1 + floor(${u('n', 3)} * ${SIZE.pis})::int`)}, now() - interval '20 days', now() - interval '20 days', now() - interval '17 days', NULL
    FROM generate_series(1, ${S}) n WHERE ${hasPlan('n')} AND ${u('n', 5)} < 0.93 AND ${u('n', 49)} < 0.03`);
  await exec(database, 'plans → approved version', `UPDATE plans p SET approved_version_id = v.id FROM plan_versions v WHERE v.plan_id = p.id AND v.status = 'approved'`);
  const lineType = (subject: string, k: string) => `${types}[1 + (floor(${u(subject, 7)} * 6)::int + ${k}) % 6]`;
  const lineCount = (subject: string) => `(2 + floor(${u(subject, 6)} * 3)::int)`;
  await exec(database, 'plan lines', `
    INSERT INTO plan_lines (plan_version_id, position, resource_type, planned_count, due_date, sharing_mode)
    SELECT ${id('pv', 'n')}, k + 1, ${lineType('n', 'k')}, 1 + floor(${u('n * 8 + k', 8)} * 6)::int, date '2024-01-01' + floor(${u('n * 8 + k', 9)} * 1460)::int, 'open'
    FROM generate_series(1, ${S}) n CROSS JOIN LATERAL generate_series(0, ${lineCount('n')} - 1) k WHERE ${hasPlan('n')}
    UNION ALL
    SELECT ${id('pv2', 'n')}, k + 1, ${lineType('n', 'k')}, 2 + floor(${u('n * 8 + k', 8)} * 6)::int, date '2024-01-01' + floor(${u('n * 8 + k', 9)} * 1460)::int, 'open'
    FROM generate_series(1, ${S}) n CROSS JOIN LATERAL generate_series(0, ${lineCount('n')} - 1) k WHERE ${hasPlan('n')} AND ${u('n', 5)} < 0.93 AND ${u('n', 49)} < 0.03`);
  await exec(database, 'plan rounds', `
    INSERT INTO plan_rounds (plan_version_id, round, submitted_by, submitted_at, lines)
    SELECT id, 1, created_by, submitted_at, '[]'::jsonb FROM plan_versions WHERE round = 1`);
  await exec(database, 'plan decisions', `
    INSERT INTO plan_decisions (plan_version_id, round, tier, decision, reviewer_id, decided_at)
    SELECT v.id, 1, t.tier, CASE WHEN v.status = 'returned' AND t.tier = 'platform' THEN 'return' ELSE 'approve' END, NULL, v.submitted_at + t.after
    FROM plan_versions v CROSS JOIN (VALUES ('unit', interval '4 days'), ('platform', interval '9 days')) t(tier, after)
    WHERE v.status IN ('approved', 'returned') OR (v.status = 'platform_review' AND t.tier = 'unit')`);
  await exec(database, 'plan waivers', `
    INSERT INTO plan_waivers (subject_id, resource_type, reason, waived_by, created_at)
    SELECT ${id('subject', 'n')}, ${lineType('n', '0')}, '设备采购取消，经专家论证豁免', ${id('user', "'ministry-admin'")}, timestamptz '2025-06-01 10:00+08'
    FROM generate_series(1, ${S}) n WHERE ${hasPlan('n')} AND ${u('n', 5)} < 0.93 AND ${u('n', 20)} < 0.01`);

  // Resources: one per lineage (v1), of a type of its subject's plan. 2 % draft, 5.5 % in review (entered
  // 5–45 days ago, 14-day step deadline), 2 % returned, 1 % withdrawn, the rest released; 15 % of the
  // released needed a second round; every 50th released lineage has a released v2 (v1 superseded).
  const st = u('i', 12);
  const status = `CASE WHEN ${st} < 0.02 THEN 'draft' WHEN ${st} < 0.05 THEN 'unit_review' WHEN ${st} < 0.065 THEN 'platform_review'
    WHEN ${st} < 0.075 THEN 'expert_review' WHEN ${st} < 0.095 THEN 'returned' WHEN ${st} < 0.105 THEN 'withdrawn'
    WHEN i % 50 = 0 THEN 'superseded' ELSE 'released' END`;
  const chunk = Math.ceil(LINEAGES / 4);
  for (let from = 1; from <= LINEAGES; from += chunk) {
    const to = Math.min(LINEAGES, from + chunk - 1);
    await exec(database, `resources v1 ${from.toLocaleString('en')}–${to.toLocaleString('en')}`, `
      INSERT INTO resources (id, subject_id, resource_type, standard_version_id, status, lineage_id, version_no, title_zh, metadata, created_by,
        created_at, updated_at, submitted_at, review_round, step_entered_at, step_due_at, cstr, sharing_mode, licence, released_at, withdrawn_at)
      SELECT ${id('r', 'i')}, ${id('subject', 'n')}, ${lineType('n', `floor(${u('i', 11)} * ${lineCount('n')})::int`)}, ${standardVersion(`1 + n % ${SIZE.platforms}`)},
        status, ${id('l', 'i')}, 1, '基准资源' || i,
        jsonb_strip_nulls(jsonb_build_object('titleZh', '基准资源' || i, 'descriptionZh', '基准课题汇交的资源，用于评价与监管的性能测试。', 'keywordsZh', jsonb_build_array('基准', '汇交'),
          'discipline', '330', 'language', 'zh', 'licence', 'CC-BY-4.0', 'sharingMode', 'open',
          'titleEn', CASE WHEN ${u('i', 18)} < 0.7 THEN 'Bench resource ' || i END,
          'descriptionEn', CASE WHEN ${u('i', 19)} < 0.4 THEN 'A resource of the evaluation benchmark.' END,
          'keywordsEn', CASE WHEN ${u('i', 21)} < 0.5 THEN jsonb_build_array('bench') END,
          'programName', CASE WHEN ${u('i', 22)} < 0.3 THEN '基准重点专项' END,
          'relatedIdentifiers', CASE WHEN ${u('i', 23)} < 0.3 THEN '[]'::jsonb END)),
        ${id('pi', `1 + floor(${u('n', 3)} * ${SIZE.pis})::int`)},
        created, created, CASE WHEN status <> 'draft' THEN created + interval '1 day' END,
        CASE WHEN status = 'draft' THEN 0 WHEN status IN ('released', 'withdrawn', 'superseded') AND two_rounds THEN 2 ELSE 1 END,
        CASE WHEN status LIKE '%_review' THEN created + interval '1 day' END,
        CASE WHEN status LIKE '%_review' THEN created + interval '15 days' END,
        CASE WHEN status IN ('released', 'withdrawn', 'superseded') THEN 'CSTR:39999.11.BENCH' || i END,
        CASE WHEN status IN ('released', 'withdrawn', 'superseded') THEN CASE WHEN ${u('i', 24)} < 0.8 THEN 'open' ELSE 'registered' END END,
        'CC-BY-4.0', released,
        CASE WHEN status = 'withdrawn' THEN least(released + interval '30 days', now() - interval '1 hour') END
      FROM (
        SELECT i, n, status, created, two_rounds,
          CASE WHEN status IN ('released', 'withdrawn', 'superseded')
            THEN least(created + interval '9 days' + CASE WHEN two_rounds THEN interval '15 days' ELSE interval '0' END + ${u('i', 17)} * interval '50 days', now() - interval '2 days') END AS released
        FROM (
          SELECT i, n, status, ${u('i', 16)} < 0.15 AS two_rounds,
            CASE WHEN status LIKE '%_review' THEN now() - (3 + ${u('i', 15)} * 22) * interval '1 day'
              ELSE timestamptz '2024-01-01 09:00+08' + ${u('i', 15)} * interval '990 days' END AS created
          FROM (SELECT i, 1 + floor(${u('i', 10)} * ${S})::int AS n, ${status} AS status FROM generate_series(${from}, ${to}) i) a
        ) b
      ) c`);
  }
  await exec(database, 'resources v2 (new versions of every 50th released lineage)', `
    INSERT INTO resources (id, subject_id, resource_type, standard_version_id, status, lineage_id, version_no, title_zh, metadata, created_by,
      created_at, updated_at, submitted_at, review_round, cstr, sharing_mode, licence, released_at)
    SELECT md5('r2:' || lineage_id::text)::uuid, subject_id, resource_type, standard_version_id, 'released', lineage_id, 2, title_zh, metadata || '{"titleEn": "Bench resource, second version"}'::jsonb, created_by,
      released_at + interval '1 day', released_at + interval '1 day', released_at + interval '1 day', 1, cstr || '.V2', sharing_mode, licence, least(released_at + interval '10 days', now() - interval '1 day')
    FROM resources WHERE status = 'superseded'`);

  // Review history: round 1 (returned before a second round for 15 % of the released), the decisions of
  // each tier, expert opinions with rubric scores on ~10 % of the resources.
  const expertReviewed = (resource: string) => `(hashtext(${resource}::text) & 1023) < 102`;
  await exec(database, 'review rounds', `
    INSERT INTO review_rounds (resource_id, round, submitted_by, submitted_at, metadata, files, outcome)
    SELECT r.id, k, r.created_by, r.submitted_at + (k - 1) * interval '8 days', CASE WHEN k < r.review_round THEN r.metadata - 'titleEn' - 'keywordsEn' ELSE r.metadata END, '[]'::jsonb,
      CASE WHEN k < r.review_round OR r.status = 'returned' THEN 'returned' WHEN r.status LIKE '%_review' THEN 'open' ELSE 'approved' END
    FROM resources r CROSS JOIN LATERAL generate_series(1, r.review_round) k
    WHERE r.review_round > 0`);
  await exec(database, 'review decisions', `
    INSERT INTO review_decisions (resource_id, round, tier, decision, reviewer_id, decided_at)
    SELECT rr.resource_id, rr.round, t.tier,
      CASE WHEN rr.outcome = 'returned' AND t.tier = 'platform' THEN 'return' ELSE 'approve' END, NULL, rr.submitted_at + t.after
    FROM review_rounds rr JOIN resources r ON r.id = rr.resource_id
    CROSS JOIN (VALUES (1, 'unit', interval '2 days'), (2, 'platform', interval '5 days'), (3, 'expert', interval '7 days')) t(pos, tier, after)
    WHERE CASE
      WHEN rr.outcome = 'approved' THEN t.pos < 3 OR ${expertReviewed('r.id')}
      WHEN rr.outcome = 'returned' THEN t.pos < 3
      ELSE (r.status = 'platform_review' AND t.pos = 1) OR (r.status = 'expert_review' AND t.pos < 3) END`);
  const h = `(hashtext(rr.resource_id::text) & 2147483647)`;
  await exec(database, 'expert assignments with scores', `
    INSERT INTO expert_assignments (resource_id, round, expert_id, assigned_at, conflict, declared_at, scores, recommendation, sharing_mode, embargo_months, submitted_at)
    SELECT rr.resource_id, rr.round, ${id('expert', `1 + (${h} + e) % ${SIZE.experts}`)}, rr.submitted_at + interval '5 days', 'none', rr.submitted_at + interval '5 days',
      CASE WHEN rr.outcome = 'approved' OR e = 0 THEN jsonb_build_array(
        jsonb_build_object('criterion', 'quality', 'score', 2 + (${h} + e) % 4),
        jsonb_build_object('criterion', 'completeness', 'score', 3 + (${h} / 7 + e) % 3),
        jsonb_build_object('criterion', 'usability', 'score', 2 + (${h} / 49 + e) % 4)) END,
      CASE WHEN rr.outcome = 'approved' OR e = 0 THEN 'approve' END, CASE WHEN rr.outcome = 'approved' OR e = 0 THEN 'open' END, CASE WHEN rr.outcome = 'approved' OR e = 0 THEN 0 END,
      CASE WHEN rr.outcome = 'approved' OR e = 0 THEN rr.submitted_at + interval '7 days' END
    FROM review_rounds rr JOIN resources r ON r.id = rr.resource_id CROSS JOIN generate_series(0, 1) e
    WHERE (rr.outcome = 'approved' AND ${expertReviewed('rr.resource_id')}) OR (rr.outcome = 'open' AND r.status = 'expert_review')`);

  // Certificates (3 % of the subjects with an approved plan), reuse reports (~80 % accepted), funding reports.
  await exec(database, 'blob for certificates', `INSERT INTO blobs (sha256, size) VALUES (repeat('0', 64), 1024)`);
  await exec(database, 'certificates', `
    INSERT INTO certificates (subject_id, number, code, platform_org_id, content, pdf_sha256, issued_by, issued_at)
    SELECT ${id('subject', 'n')}, 'HJZS-2026-' || lpad(n::text, 7, '0'), 'BENCH-' || n, ${id('platform', `1 + n % ${SIZE.platforms}`)}, '{}'::jsonb, repeat('0', 64), NULL,
      timestamptz '2025-01-01 10:00+08' + ${u('n', 51)} * interval '690 days'
    FROM generate_series(1, ${S}) n WHERE ${hasPlan('n')} AND ${u('n', 5)} < 0.93 AND ${u('n', 21)} < 0.03`);
  await exec(database, 'reuse reports', `
    INSERT INTO reuse_reports (resource_id, kind, citation, doi, description, reported_by, reported_at, status, reviewed_by, reviewed_at)
    SELECT r.id, CASE WHEN ${u('j', 52)} < 0.7 THEN 'citation' ELSE 'benefit' END, '引用：基准资源', NULL, '在后续研究中复用了该资源。',
      ${id('pi', `1 + floor(${u('j', 53)} * ${SIZE.pis})::int`)}, x.reported,
      CASE WHEN ${u('j', 54)} < 0.8 THEN 'accepted' WHEN ${u('j', 54)} < 0.92 THEN 'pending' ELSE 'rejected' END,
      CASE WHEN ${u('j', 54)} < 0.8 OR ${u('j', 54)} >= 0.92 THEN ${id('user', "'ministry-admin'")} END,
      CASE WHEN ${u('j', 54)} < 0.8 OR ${u('j', 54)} >= 0.92 THEN x.reported + interval '3 days' END
    FROM (SELECT j, now() - interval '4 days' - ${u('j', 55)} * interval '400 days' AS reported FROM generate_series(1, ${SIZE.reuse}) j) x
    JOIN resources r ON r.id = ${id('r', `1 + floor(${u('j', 50)} ^ 2 * ${LINEAGES})::int`)} AND r.status = 'released'`);
  await exec(database, 'funding reports', `
    INSERT INTO funding_reports (subject_id, amount_spent, note, reported_by, reported_at)
    SELECT s.id, round(s.collection_budget * ${u('j', 57)}::numeric, 2), '年度汇交经费执行', s.pi_user_id, now() - ${u('j', 58)} * interval '300 days'
    FROM generate_series(1, ${SIZE.funding}) j JOIN subjects s ON s.id = ${id('subject', `1 + floor(${u('j', 56)} * ${S})::int`)}`);

  // Usage: 10 events per resource on average over the last 365 days, written in time order as the app
  // appends them (a month's events are neighbours on disk), skewed (a few resources are popular):
  // 60 % views, 25 % search hits, 14.9 % downloads, 0.1 % approvals; 5 % robots, 3 % API tokens;
  // 200 000 clients, sessions per client and China hour as the app keys them.
  const eventChunk = 1_000_000;
  const inFlight = new Set<Promise<unknown>>();
  for (let from = 1; from <= SIZE.events; from += eventChunk) {
    const to = Math.min(SIZE.events, from + eventChunk - 1);
    const write = exec(database, `usage events ${from.toLocaleString('en')}–${to.toLocaleString('en')}`, `
      INSERT INTO usage_events (occurred_at, month, resource_id, kind, user_id, session_key, client_hash, robot, machine, recorded_at)
      SELECT t, date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date, ${id('r', `1 + floor(${u('e', 60)} * ${u('e', 61)} * ${LINEAGES})::int`)},
        CASE WHEN k < 0.6 THEN 'view' WHEN k < 0.85 THEN 'search_hit' WHEN k < 0.999 THEN 'download' ELSE 'application_approved' END, NULL,
        left(md5(c::text || '|' || to_char(t AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24')), 32), left(md5('c' || c), 32),
        ${u('e', 63)} < 0.05, ${u('e', 64)} < 0.03, t
      FROM (SELECT e, least(now(), now() - interval '365 days' + (e::float8 / ${SIZE.events}) * interval '365 days' + ${u('e', 65)} * interval '60 seconds') AS t,
              ${u('e', 66)} AS k, floor(${u('e', 67)} * 200000)::int AS c FROM generate_series(${from}, ${to}) e) x`)
      .then(() => { inFlight.delete(write); });
    inFlight.add(write);
    if (inFlight.size >= 2) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await database.pool.query(`INSERT INTO settings (key, value) VALUES ('bench_evaluation', '${JSON.stringify({ scale: SCALE, size: SIZE })}'::jsonb)`);
}

/** The best of `times` runs of a statement: what just reading its rows costs, caches warm. */
async function warmBest(database: Database, text: string, times = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    await database.pool.query(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const BASELINE_TABLES = ['resources', 'usage_monthly', 'review_rounds', 'review_decisions', 'expert_assignments', 'plan_lines', 'plans', 'reuse_reports', 'subjects'];

/** The ministry administrator as a request would carry them (session actor with their grants). */
async function ministryCtx(database: Database): Promise<Ctx> {
  const user = await database.db.selectFrom('users').selectAll().where('username', '=', 'bench_ministry').executeTakeFirstOrThrow();
  const grants = await database.db.selectFrom('roleGrants').selectAll().where('userId', '=', user.id).execute();
  const actor: Actor = {
    userId: user.id, username: user.username, displayName: user.displayName, orgId: user.orgId, locale: user.locale, via: 'session', readOnly: false,
    grants: grants.flatMap((g) => (isRole(g.role) ? [{ id: g.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId }] : [])),
  };
  return { actor, requestId: 'bench', ip: '127.0.0.1', lang: 'zh-CN' };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted[sorted.length - 1]! };
}

/**
 * Full recomputes through EvaluationService: startRun() queues a manual run and starts computing it in the
 * background (as POST /api/evaluation/runs does); settled() waits for the computation (every input read
 * as of now, every subject and roll-up row written in one transaction). Twice. Baselines: plain counts of
 * the inputs, measured right before.
 */
async function evaluationTimings(database: Database, services: Services, ctx: Ctx) {
  const baseline = await warmBest(database, 'SELECT (SELECT count(*) FROM resources) + (SELECT count(*) FROM usage_monthly)');
  const allInputs = await warmBest(database, `SELECT ${BASELINE_TABLES.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')}`);
  figures.push({ step: 'baseline: count(*) of resources + usage_monthly', ms: baseline }, { step: `baseline: count(*) of ${BASELINE_TABLES.join(', ')}`, ms: allInputs });
  console.log(`baselines (best of 3, warm): count(*) resources + usage_monthly ${seconds(baseline)} s; count(*) of every input table ${seconds(allInputs)} s`);
  const results: Array<{ ms: number; subjects: number; runId: string }> = [];
  for (const label of ['first', 'second']) {
    const run = await timed(`evaluation recompute, ${label} run (startRun + settled)`, async () => {
      const queued = await services.evaluation.startRun(ctx, {});
      await services.evaluation.settled();
      return (await services.evaluation.runs(ctx, 1, 1)).items.find((r) => r.id === queued.id);
    });
    if (run?.status !== 'done') throw new Error(`run did not finish: ${JSON.stringify(run)}`);
    results.push({ ms: figures[figures.length - 1]!.ms, subjects: run.subjects, runId: run.id });
  }
  // Where the time goes: the set-based reads of every input alone (the runner's first phase).
  const asOf = new Date();
  await timed('  of which: reading the inputs alone (loadFacts)', () => loadFacts(database.db, asOf, usageCutoff(asOf).before), (f) => f.size);
  const readMs = figures[figures.length - 1]!.ms;
  const { rows: [stored] } = await database.pool.query<{ subjects: string; rollups: string; levels: string }>(`
    SELECT (SELECT count(*) FROM subject_scores WHERE run_id = $1) AS subjects, (SELECT count(*) FROM rollup_scores WHERE run_id = $1) AS rollups,
      (SELECT string_agg(level || ' ' || n, ', ') FROM (SELECT level, count(*) AS n FROM rollup_scores WHERE run_id = $1 GROUP BY level ORDER BY level) l) AS levels`, [results[1]!.runId]);
  console.log(`recompute: ${results.map((r) => `${seconds(r.ms)} s`).join(', then ')} for ${results[0]!.subjects.toLocaleString('en')} subjects scored (${Number(stored!.subjects).toLocaleString('en')} subject rows, ${Number(stored!.rollups).toLocaleString('en')} roll-up rows: ${stored!.levels}); ` +
    `${(results[0]!.ms / baseline).toFixed(0)}× the resources + usage_monthly count, ${(results[0]!.ms / allInputs).toFixed(1)}× the count of every input table`);
  return { results, baseline, allInputs, readMs };
}

/** The ministry's dashboard: supervision overview + breakdown by province, evaluation score lists; 50 times each after 3 warm-ups (fewer, ≥ 10, when slow). */
async function dashboardTimings(database: Database, services: Services, ctx: Ctx) {
  const REPEAT = 50;
  const now = new Date();
  const baseline = await warmBest(database, 'SELECT count(*) FROM subjects');
  console.log(`  baseline (best of 3, warm): count(*) of subjects ${baseline.toFixed(1)} ms`);
  const { rows: subjectIds } = await database.pool.query<{ id: string }>('SELECT id FROM subjects ORDER BY random() LIMIT 1000');
  let changed = 0;
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['supervision overview (GET /api/supervision/overview)', () => services.supervision.overview(ctx, {}, now)],
    ['supervision breakdown by province (GET /api/supervision/breakdown?by=province)', () => services.supervision.breakdown(ctx, 'province', {}, now)],
    ['overview + breakdown (the ministry landing page)', async () => Promise.all([services.supervision.overview(ctx, {}, now), services.supervision.breakdown(ctx, 'province', {}, now)])],
    ['supervision subjects page 1 by code (GET /api/supervision/subjects)', () => services.supervision.subjects(ctx, { page: 1, pageSize: 20 }, now)],
    ['supervision subjects, overdue only, most overdue first', () => services.supervision.subjects(ctx, { page: 1, pageSize: 20, overdue: true, sort: 'overdue', order: 'desc' }, now)],
    ['overview right after one subject changed (a funding report: refresh 1 subject + overview)', async () => {
      const subjectId = subjectIds[changed++ % subjectIds.length]!.id;
      await database.pool.query(`INSERT INTO funding_reports (subject_id, amount_spent) VALUES ($1, 1000)`, [subjectId]);
      return services.supervision.overview(ctx, {}, now);
    }],
    ['evaluation scores level=province (GET /api/evaluation/scores)', () => services.evaluation.scores(ctx, { level: 'province', sort: 'rank', page: 1, pageSize: 20 })],
    ['evaluation scores level=subject, page 1', () => services.evaluation.scores(ctx, { level: 'subject', sort: 'rank', page: 1, pageSize: 20 })],
  ];
  const rows: Array<{ label: string; n: number; p50: number; p95: number; max: number }> = [];
  for (const [label, call] of cases) {
    for (let i = 0; i < 3; i += 1) await call();
    const samples: number[] = [];
    const started = performance.now();
    // 50 calls, or as many as fit in two minutes (at least 10) when a call takes seconds.
    for (let i = 0; i < REPEAT && (i < 10 || performance.now() - started < 120_000); i += 1) {
      const t0 = performance.now();
      await call();
      samples.push(performance.now() - t0);
    }
    const p = percentiles(samples);
    rows.push({ label, ...p });
    console.log(`  ${label}: p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms, max ${p.max.toFixed(0)} ms (n ${p.n}); p50 ${(p.p50 / baseline).toFixed(1)}× count(*) of subjects`);
  }
  return { rows, baseline };
}

function printRecompute(evaluation: Awaited<ReturnType<typeof evaluationTimings>>) {
  const [first, second] = evaluation.results;
  console.log(`\n| recompute | time | subjects | ÷ count(resources + usage_monthly) | ÷ count(all inputs) | target |\n| --- | --- | --- | --- | --- | --- |`);
  for (const [label, r] of [['first', first!], ['second', second!]] as const) {
    console.log(`| ${label} | ${seconds(r.ms)} s | ${r.subjects.toLocaleString('en')} | ${(r.ms / evaluation.baseline).toFixed(0)}× | ${(r.ms / evaluation.allInputs).toFixed(1)}× | ≤ 60 s: ${r.ms <= 60_000 ? 'met' : 'missed'} |`);
  }
  console.log(`(reading the inputs alone, loadFacts: ${seconds(evaluation.readMs)} s = ${Math.round((evaluation.readMs / first!.ms) * 100)} % of the first run)`);
}

function printSummary(evaluation: Awaited<ReturnType<typeof evaluationTimings>> | null, { rows: dashboard, baseline }: Awaited<ReturnType<typeof dashboardTimings>>) {
  console.log(`\nsummary (scale ${scale}):`);
  console.log('| step | time | rows |\n| --- | --- | --- |');
  for (const f of figures) console.log(`| ${f.step} | ${seconds(f.ms)} s | ${f.rows?.toLocaleString('en') ?? ''} |`);
  if (evaluation) printRecompute(evaluation);
  console.log(`\n| dashboard call (ministry) | n | p50 ms | p95 ms | max ms | p50 ÷ count(*) of subjects (${baseline.toFixed(1)} ms) | target p95 ≤ 200 ms |\n| --- | --- | --- | --- | --- | --- | --- |`);
  for (const d of dashboard) console.log(`| ${d.label} | ${d.n} | ${d.p50.toFixed(0)} | ${d.p95.toFixed(0)} | ${d.max.toFixed(0)} | ${(d.p50 / baseline).toFixed(1)}× | ${d.p95 <= 200 ? 'met' : 'missed'} |`);
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('set BENCH_DATABASE_URL (a PostgreSQL server URL)');
  const started = performance.now();
  const reuse = Boolean(process.env.REUSE);
  if (!reuse) {
    await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin(url, `CREATE DATABASE ${DB_NAME}`);
    if (!process.env.STOCK) {
      await admin(url, `ALTER DATABASE ${DB_NAME} SET jit = off`);
      await admin(url, `ALTER DATABASE ${DB_NAME} SET work_mem = '64MB'`);
      await admin(url, `ALTER DATABASE ${DB_NAME} SET maintenance_work_mem = '1GB'`);
    }
  }
  const databaseUrl = Object.assign(new URL(url), { pathname: `/${DB_NAME}` }).toString();
  const database = await openDatabase({ databaseUrl, poolSize: 6 });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-bench-eval-'));
  try {
    const { db, pool } = database;
    const { rows: [server] } = await pool.query<{ version: string; workMem: string; jit: string; sharedBuffers: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('work_mem') AS "workMem", current_setting('jit') AS jit, current_setting('shared_buffers') AS "sharedBuffers"`);
    if (reuse) {
      const { rows: [kept] } = await pool.query<{ value: { scale: number; size: typeof SIZE } }>(`SELECT value FROM settings WHERE key = 'bench_evaluation'`);
      if (!kept) throw new Error(`REUSE: ${DB_NAME} holds no generated world`);
      scale = kept.value.scale;
      Object.assign(SIZE, kept.value.size);
    }
    console.log(`evaluation bench, scale ${scale}${reuse ? ' (reused database)' : ''}: ${JSON.stringify(SIZE)}`);
    console.log(`PostgreSQL ${server!.version} (shared_buffers ${server!.sharedBuffers}, work_mem ${server!.workMem}, jit ${server!.jit}); machine ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    // A kept world also gets the migrations written since (T1810's progress table is filled below).
    await migrateToLatest(db);
    if (!reuse) {
      console.log('generation:');
      const g0 = performance.now();
      await generate(database);
      figures.push({ step: 'generation total', ms: performance.now() - g0 });
      console.log(`generation total: ${seconds(performance.now() - g0)} s`);
      await timed('VACUUM ANALYZE', () => pool.query('VACUUM ANALYZE'));
      const usage = new UsageService(db);
      const run = await timed('usage aggregation (UsageService.aggregate, all months)', () => usage.aggregate({ all: true }), (r) => r.resources);
      console.log(`  aggregated months ${run.months.join(', ')}`);
      await usage.close();
      await timed('ANALYZE usage_monthly', () => pool.query('ANALYZE usage_monthly'));
    }
    const { rows: counts } = await pool.query<{ table: string; rows: string; size: string }>(`
      SELECT c.relname AS table, c.reltuples::bigint::text AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
      WHERE ns.nspname = 'public' AND c.relkind = 'r' AND c.reltuples > 1000 ORDER BY c.reltuples DESC`);
    console.log(`tables: ${counts.map((c) => `${c.table} ${Number(c.rows).toLocaleString('en')} (${c.size})`).join('; ')}`);
    const services = createServices(database, loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DEMO: 'false' }));
    const ctx = await ministryCtx(database);
    try {
      // Every subject is stale after T1810 or a bulk load: the job (or the first dashboard read) computes them all once.
      await timed('subject progress: refresh of every subject (T1810 / bulk load; job supervision-progress)', () => services.supervision.refreshProgress(), (n) => n);
      await timed('ANALYZE subject_progress, subject_open_lines', () => pool.query('ANALYZE subject_progress; ANALYZE subject_open_lines'));
      const overview = await services.supervision.overview(ctx, {});
      console.log(`overview (ministry): ${JSON.stringify(overview)}`);
      console.log('evaluation:');
      const evaluation = process.env.DASHBOARD_ONLY ? null : await evaluationTimings(database, services, ctx);
      console.log('dashboard (ministry admin, whole country):');
      const dashboard = await dashboardTimings(database, services, ctx);
      printSummary(evaluation, dashboard);
    } finally {
      await services.usage.close();
    }
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.KEEP) await admin(url, `DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    console.log(`bench time ${seconds(performance.now() - started)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
