import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { emptyFacts, type SubjectFacts } from './evaluation-compute';

/** A China calendar date of a timestamptz column (UTC+8 all year), independent of the session's time zone. */
const chinaDateOf = (column: string) => sql.raw(`((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`);

/**
 * The facts of every subject with an approved plan, as of one moment: a handful of set-based queries
 * (one GROUP BY per kind of input, never one query per subject), folded into one record per subject.
 * `usageBefore` is the first day of as_of's China month: usage counts complete months before it.
 *
 * All of it reads one snapshot (repeatable read). Resources and review rounds are wide (their metadata),
 * so each is scanned once into a narrow temporary table that the later queries join; the completeness of
 * each round's metadata snapshot is computed in that same pass.
 */
export async function loadFacts(db: Kysely<DB>, asOf: Date, usageBefore: string): Promise<Map<string, SubjectFacts>> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(trx);
    await run(sql`SET LOCAL work_mem = '128MB'`);
    await run(sql`
      CREATE TEMPORARY TABLE eval_resources ON COMMIT DROP AS
      SELECT r.id, r.subject_id, r.resource_type, r.lineage_id, r.version_no, r.standard_version_id, r.released_at, r.withdrawn_at
      FROM resources r JOIN plans p ON p.subject_id = r.subject_id AND p.approved_version_id IS NOT NULL`);
    // Optional fields (schema properties not required) of each standard version's type schema; standard
    // documents are json (kept in field order). Types without optional fields have no row.
    await run(sql`
      CREATE TEMPORARY TABLE eval_optional ON COMMIT DROP AS
      SELECT sv.id AS standard_version_id, t.key AS resource_type, array_agg(k.key) AS fields
      FROM standard_versions sv
      CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(sv.document::jsonb -> 'resourceTypes') = 'object' THEN sv.document::jsonb -> 'resourceTypes' ELSE '{}'::jsonb END) t
      CROSS JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(t.value -> 'schema' -> 'properties') = 'object' THEN t.value -> 'schema' -> 'properties' ELSE '{}'::jsonb END) k(key)
      WHERE NOT (coalesce(t.value -> 'schema' -> 'required', '[]'::jsonb) ? k.key)
      GROUP BY sv.id, t.key`);
    // Temporary tables have no statistics until analysed; without them the planner sorts a million rows to join three.
    await run(sql`ANALYZE eval_resources`);
    await run(sql`ANALYZE eval_optional`);
    // Review rounds submitted by as_of (narrow), each with the share of optional fields its metadata snapshot
    // fills (not null, not '' and not an empty array); null where the type has no optional fields.
    await run(sql`
      CREATE TEMPORARY TABLE eval_rounds ON COMMIT DROP AS
      SELECT rr.resource_id, rr.round, rr.submitted_at, rr.outcome, r.subject_id, r.resource_type, r.version_no,
             (SELECT count(*) FROM unnest(o.fields) AS f(key) WHERE rr.metadata -> f.key NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb))::numeric / cardinality(o.fields) AS filled
      FROM review_rounds rr
      JOIN eval_resources r ON r.id = rr.resource_id
      LEFT JOIN eval_optional o ON o.standard_version_id = r.standard_version_id AND o.resource_type = r.resource_type
      WHERE rr.submitted_at <= ${asOf}`);
    await run(sql`ANALYZE eval_rounds`);

    const facts = new Map<string, SubjectFacts>();
    const subjects = await sql<{ subjectId: string; pi: string | null; unit: string; province: string; platform: string; program: string }>`
      SELECT s.id AS subject_id, s.pi_user_id::text AS pi, s.lead_unit_id::text AS unit, left(s.region_code, 2) || '0000' AS province, s.platform_org_id::text AS platform, pg.code AS program
      FROM plans p
      JOIN subjects s ON s.id = p.subject_id
      JOIN projects j ON j.id = s.project_id
      JOIN programs pg ON pg.id = j.program_id
      WHERE p.approved_version_id IS NOT NULL`.execute(trx);
    for (const { subjectId, ...keys } of subjects.rows) facts.set(subjectId, emptyFacts(keys));
    const each = <T extends { subjectId: string }>(rows: T[], apply: (f: SubjectFacts, row: T) => void) => {
      for (const row of rows) {
        const f = facts.get(row.subjectId);
        if (f) apply(f, row);
      }
    };

    // Plan lines with S_t(due): lineages of the line's type whose first round was submitted (China date) by the due
    // date. A lineage's first round is version 1's round 1: later versions start only after version 1 was released.
    const lines = await sql<{ subjectId: string; resourceType: string; plannedCount: number; dueDate: string; position: number; submittedByDue: number }>`
      SELECT p.subject_id, l.resource_type, l.planned_count, l.due_date, l.position, count(x.resource_id)::int AS submitted_by_due
      FROM plans p
      JOIN plan_lines l ON l.plan_version_id = p.approved_version_id
      LEFT JOIN eval_rounds x ON x.subject_id = p.subject_id AND x.resource_type = l.resource_type AND x.round = 1 AND x.version_no = 1 AND ${chinaDateOf('x.submitted_at')} <= l.due_date
      GROUP BY p.subject_id, l.id`.execute(trx);
    each(lines.rows, (f, l) => f.lines.push({ type: l.resourceType, planned: l.plannedCount, dueDate: l.dueDate, position: l.position, submittedByDue: Number(l.submittedByDue) }));

    const waivers = await trx.selectFrom('planWaivers').select(['subjectId', 'resourceType']).execute();
    each(waivers, (f, w) => f.waivedTypes.push(w.resourceType));

    const released = await sql<{ subjectId: string; resourceType: string; n: number }>`
      SELECT subject_id, resource_type, count(*)::int AS n
      FROM (SELECT DISTINCT subject_id, resource_type, lineage_id FROM eval_resources WHERE released_at <= ${asOf} AND (withdrawn_at IS NULL OR withdrawn_at > ${asOf})) lineages
      GROUP BY subject_id, resource_type`.execute(trx);
    each(released.rows, (f, r) => (f.released[r.resourceType] = Number(r.n)));

    // First rounds (version 1, round 1) decided by as_of: closed now, and none of their decisions came after as_of.
    const firstRounds = await sql<{ subjectId: string; approved: number; returned: number }>`
      SELECT x.subject_id,
             count(*) FILTER (WHERE x.outcome = 'approved')::int AS approved,
             count(*) FILTER (WHERE x.outcome = 'returned')::int AS returned
      FROM eval_rounds x
      WHERE x.round = 1 AND x.version_no = 1 AND x.outcome IN ('approved', 'returned')
        AND NOT EXISTS (SELECT 1 FROM review_decisions d WHERE d.resource_id = x.resource_id AND d.round = 1 AND d.decided_at > ${asOf})
      GROUP BY x.subject_id`.execute(trx);
    each(firstRounds.rows, (f, r) => (f.firstRound = { approved: Number(r.approved), returned: Number(r.returned) }));

    const rubric = await sql<{ subjectId: string; opinions: number; scores: number; total: string }>`
      SELECT r.subject_id, count(DISTINCT a.id)::int AS opinions, count(*)::int AS scores, sum((e.value ->> 'score')::numeric) AS total
      FROM expert_assignments a
      JOIN eval_resources r ON r.id = a.resource_id
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.scores) = 'array' THEN a.scores ELSE '[]'::jsonb END) e
      WHERE a.submitted_at <= ${asOf} AND jsonb_typeof(e.value -> 'score') = 'number'
      GROUP BY r.subject_id`.execute(trx);
    each(rubric.rows, (f, r) => (f.rubric = { opinions: Number(r.opinions), scores: Number(r.scores), sum: Number(r.total) }));

    // Completeness: over the resources whose type has optional fields, the share filled in their latest round by
    // as_of (rounds are numbered 1, 2, …: the latest is the one without a next).
    const completeness = await sql<{ subjectId: string; resources: number; ratioSum: string }>`
      SELECT x.subject_id, count(*)::int AS resources, sum(x.filled) AS ratio_sum
      FROM eval_rounds x
      WHERE x.filled IS NOT NULL AND NOT EXISTS (SELECT 1 FROM eval_rounds y WHERE y.round > 1 AND y.resource_id = x.resource_id AND y.round = x.round + 1)
      GROUP BY x.subject_id`.execute(trx);
    each(completeness.rows, (f, r) => (f.completeness = { resources: Number(r.resources), ratioSum: Number(r.ratioSum) }));

    const usage = await sql<{ subjectId: string; views: number; searchHits: number; downloads: number; uniqueUsers: number; applications: number; months: number }>`
      SELECT r.subject_id,
             sum(u.total_item_investigations)::bigint AS views, sum(u.search_hits)::bigint AS search_hits, sum(u.total_item_requests)::bigint AS downloads,
             sum(u.unique_item_investigations)::bigint AS unique_users, sum(u.applications_approved)::bigint AS applications, count(*)::int AS months
      FROM usage_monthly u JOIN eval_resources r ON r.id = u.resource_id
      WHERE u.month < ${usageBefore}::date
      GROUP BY r.subject_id`.execute(trx);
    each(usage.rows, (f, r) => (f.usage = {
      views: Number(r.views), searchHits: Number(r.searchHits), downloads: Number(r.downloads), uniqueUsers: Number(r.uniqueUsers), applications: Number(r.applications), months: Number(r.months),
    }));

    const reuse = await sql<{ subjectId: string; n: number }>`
      SELECT r.subject_id, count(*)::int AS n
      FROM reuse_reports x JOIN eval_resources r ON r.id = x.resource_id
      WHERE x.status = 'accepted' AND x.reviewed_at <= ${asOf}
      GROUP BY r.subject_id`.execute(trx);
    each(reuse.rows, (f, r) => (f.reuse = Number(r.n)));
    return facts;
  });
}
