import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { SubjectRef, SubjectVisibility } from '../registry/registry.policy';
import { RegistryRepository, type ScopeFilter } from '../registry/registry.repository';
import { RESOURCE_TYPES } from '../standards/standard-document';

export type SupervisionFilter = ScopeFilter;

/** The moment the figures are computed for: `now` decides review deadlines, `today` (China) plan due dates. */
export interface AsOf {
  now: Date;
  today: string;
}

/**
 * The scoped, filtered subjects a figure is computed over (a subquery). `whole` marks the unfiltered
 * view of every subject (the ministry's landing page): per-table aggregates then skip the join to it.
 */
export interface Scope {
  query: ReturnType<SupervisionRepository['scopeBase']>;
  whole: boolean;
}

/** Restricts a CTE's table to the scope's subjects, unless the scope is every subject. */
export const scopeJoin = (scope: Scope) => (column: string) => (scope.whole ? sql`` : sql.raw(`JOIN scope sc ON sc.id = ${column}`));

export type SortKey = 'code' | 'completion' | 'daysToAcceptance' | 'overdue';
export type BreakdownKey = 'province' | 'unit' | 'platform' | 'program';

/** One subject's figures as the stats query computes them. */
export interface StatsRow {
  id: string;
  code: string;
  regionCode: string;
  leadUnitId: string;
  platformOrgId: string;
  projectCode: string;
  programCode: string;
  acceptanceDate: string | null;
  budget: string;
  planned: number;
  delivered: number;
  /** A plan line past its due date and not yet covered (waived types aside). */
  linesOverdue: boolean;
  overdueTypes: number;
  complete: boolean;
  released: number;
  inUnit: number;
  inPlatform: number;
  inExpert: number;
  /** A resource past its review step's deadline. */
  reviewsOverdue: boolean;
  approved: boolean;
  planStatus: string;
  planReviewOverdue: boolean;
  certificateCode: string | null;
  spent: string;
}

/** A subject row with the names and per-type lines a list or the export shows. */
export interface DetailRow extends StatsRow {
  titleZh: string;
  titleEn: string | null;
  piName: string | null;
  leadUnitName: string;
  platformName: string;
  provinceCode: string;
  provinceName: string;
  byType: Array<{ type: string; planned: number; delivered: number; dueDate: string | null; overdueLines: number; waived: boolean }>;
  lastReminderAt: Date | null;
}

const OVERDUE = sql`(lines_overdue OR plan_review_overdue OR reviews_overdue)`;
/** A list's order: by code alone (indexed), or by a figure then code. */
function orderBy({ sort, order }: { sort: SortKey; order: 'asc' | 'desc' }): RawBuilder<unknown> {
  const direction = order === 'desc' ? sql`DESC` : sql`ASC`;
  return sort === 'code' ? sql`code ${direction}` : sql`${SORTS[sort]} ${direction} NULLS LAST, code ASC`;
}

const SORTS: Record<Exclude<SortKey, 'code'>, RawBuilder<unknown>> = {
  completion: sql`CASE WHEN planned > 0 THEN delivered::float8 / planned ELSE 0 END`,
  daysToAcceptance: sql`acceptance_date`,
  overdue: sql`(overdue_types + plan_review_overdue::int + reviews_overdue::int)`,
};

/** Subjects whose progress one refresh transaction recomputes. */
const REFRESH_BATCH = 5_000;
/** The advisory lock that serialises progress refreshes (any constant the platform uses nowhere else). */
const PROGRESS_LOCK = 81_000_810;
const REVIEW_STATUSES = sql`('unit_review', 'platform_review', 'expert_review', 'returned')`;

/**
 * What a subject's progress row is computed from, as CTEs `types` (per subject and type) and `facts` (per
 * subject): approved lines with their cumulative planned count per type (a line is covered once the
 * type's releases reach it); resources counted per subject in one pass, releases per type as an array in
 * DESIGN §3's type order (a lineage has one released version at a time: release supersedes the older
 * one); waivers, the newest plan version, the newest funding report and the certificate. Nothing here
 * depends on the moment: deadlines are kept, and compared with "now" when the dashboards read them.
 */
function progressFacts(ids: string[]) {
  const types = [...RESOURCE_TYPES];
  const perType = (expression: (type: string) => RawBuilder<unknown>, cast: string) => sql`ARRAY[${sql.join(types.map(expression))}]::${sql.raw(cast)}`;
  return sql`
    WITH scope AS (
      SELECT s.id, s.code, s.region_code, s.lead_unit_id, s.platform_org_id, j.code AS project_code, p.code AS program_code, s.acceptance_date, s.collection_budget
      FROM subjects s JOIN projects j ON j.id = s.project_id JOIN programs p ON p.id = j.program_id
      WHERE s.id = ANY(${ids}::uuid[])
    ),
    res_subject AS (
      SELECT r.subject_id,
        count(*) FILTER (WHERE r.status = 'released')::int AS released,
        ${perType((type) => sql`count(*) FILTER (WHERE r.status = 'released' AND r.resource_type = ${type})`, 'int[]')} AS released_by_type,
        count(*) FILTER (WHERE r.status = 'unit_review')::int AS in_unit,
        count(*) FILTER (WHERE r.status = 'platform_review')::int AS in_platform,
        count(*) FILTER (WHERE r.status = 'expert_review')::int AS in_expert,
        min(r.step_due_at) FILTER (WHERE r.status IN ${REVIEW_STATUSES}) AS review_due_at
      FROM resources r JOIN scope sc ON sc.id = r.subject_id
      WHERE r.status = 'released' OR r.status IN ${REVIEW_STATUSES}
      GROUP BY r.subject_id
    ),
    lines AS (
      SELECT pl.subject_id, l.resource_type COLLATE "C" AS resource_type, l.planned_count, l.due_date,
        coalesce(rs.released_by_type[array_position(${types}::text[], l.resource_type)], 0) AS released,
        sum(l.planned_count) OVER (PARTITION BY pl.subject_id, l.resource_type COLLATE "C" ORDER BY l.due_date, l.position) AS cum,
        EXISTS (SELECT 1 FROM plan_waivers w WHERE w.subject_id = pl.subject_id AND w.resource_type = l.resource_type) AS waived
      FROM plans pl JOIN scope sc ON sc.id = pl.subject_id
      JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
      LEFT JOIN res_subject rs ON rs.subject_id = pl.subject_id
    ),
    types AS (
      SELECT subject_id, resource_type,
        sum(planned_count)::int AS planned,
        least(max(released), sum(planned_count))::int AS delivered,
        bool_or(waived) AS waived,
        coalesce(min(due_date) FILTER (WHERE released < cum), max(due_date)) AS due_date,
        coalesce(array_agg(due_date ORDER BY due_date) FILTER (WHERE NOT waived AND released < cum), '{}') AS open_dues
      FROM lines
      GROUP BY subject_id, resource_type
    ),
    per_subject AS (
      SELECT subject_id, sum(planned)::int AS planned, sum(delivered)::int AS delivered, bool_and(waived OR delivered >= planned) AS complete,
        ${perType((type) => sql`coalesce(sum(planned) FILTER (WHERE resource_type = ${type}), 0)`, 'int[]')} AS planned_by_type,
        ${perType((type) => sql`coalesce(sum(delivered) FILTER (WHERE resource_type = ${type}), 0)`, 'int[]')} AS delivered_by_type,
        ${perType((type) => sql`min(open_dues[1]) FILTER (WHERE resource_type = ${type})`, 'date[]')} AS open_due_by_type,
        min(open_dues[1]) AS first_open_due
      FROM types GROUP BY subject_id
    ),
    plan_state AS (
      SELECT DISTINCT ON (pl.id) pl.subject_id, pl.approved_version_id IS NOT NULL AS approved, v.status AS plan_status,
        CASE WHEN v.status IN ('unit_review', 'platform_review', 'returned') THEN v.step_due_at END AS plan_review_due_at
      FROM plans pl JOIN scope sc ON sc.id = pl.subject_id
      JOIN plan_versions v ON v.plan_id = pl.id
      ORDER BY pl.id, v.version_no DESC
    ),
    spent AS (
      SELECT DISTINCT ON (f.subject_id) f.subject_id, f.amount_spent
      FROM funding_reports f JOIN scope sc ON sc.id = f.subject_id
      ORDER BY f.subject_id, f.reported_at DESC, f.id DESC
    ),
    facts AS (
      SELECT sc.id, sc.code, sc.region_code, sc.lead_unit_id, sc.platform_org_id, sc.project_code, sc.program_code, sc.acceptance_date, sc.collection_budget,
        coalesce(ps.planned, 0) AS planned, coalesce(ps.delivered, 0) AS delivered,
        coalesce(ps.planned_by_type, ${perType(() => sql`0`, 'int[]')}) AS planned_by_type,
        coalesce(ps.delivered_by_type, ${perType(() => sql`0`, 'int[]')}) AS delivered_by_type,
        coalesce(ps.complete, false) AS complete,
        coalesce(ps.open_due_by_type, ${perType(() => sql`NULL`, 'date[]')}) AS open_due_by_type,
        ps.first_open_due,
        coalesce(rs.released, 0) AS released, coalesce(rs.in_unit, 0) AS in_unit, coalesce(rs.in_platform, 0) AS in_platform,
        coalesce(rs.in_expert, 0) AS in_expert, rs.review_due_at,
        coalesce(pst.approved, false) AS approved, coalesce(pst.plan_status, 'none') AS plan_status, pst.plan_review_due_at,
        c.code AS certificate_code, coalesce(sp.amount_spent, 0)::numeric(14, 2) AS spent
      FROM scope sc
      LEFT JOIN per_subject ps ON ps.subject_id = sc.id
      LEFT JOIN res_subject rs ON rs.subject_id = sc.id
      LEFT JOIN plan_state pst ON pst.subject_id = sc.id
      LEFT JOIN certificates c ON c.subject_id = sc.id
      LEFT JOIN spent sp ON sp.subject_id = sc.id
    )`;
}

/**
 * Set-based dashboard queries: every figure is aggregated per subject with GROUP BY over the scope in
 * one statement (no query per subject), so the ministry's view of 100 000 subjects stays one pass.
 */
export class SupervisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The visible subjects, narrowed by the filters (their ids). */
  scope(visibility: SubjectVisibility, filter: SupervisionFilter): Scope {
    let query = this.scopeBase();
    const filtered = Object.values(filter).some((value) => value !== undefined && value !== '');
    const whole = visibility.all && !filtered;
    if (!whole) query = query.where('s.id', 'in', new RegistryRepository(this.db).scopedSubjectIds(visibility, filter));
    return { query, whole };
  }

  /** Exactly these subjects (a page of a list, the subjects of a reminder). */
  scopeOf(ids: string[]): Scope {
    return { query: this.scopeBase().where('s.id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']), whole: false };
  }

  /** Subject ids (public for the Scope type only). */
  scopeBase() {
    return this.db.selectFrom('subjects as s').select('s.id');
  }

  /**
   * Recomputes the progress rows of the subjects marked stale (T1810 triggers mark them), in batches of
   * REFRESH_BATCH per short transaction, at most `maxBatches`; returns how many were refreshed.
   * Refreshes are serialised by an advisory lock; a stale mark is removed only if unchanged since it was
   * read, so a change committed during the refresh is picked up by the next one. Dashboard reads refresh
   * one batch first (a request never waits for more than one), the job everything every minute.
   */
  async refreshStale({ maxBatches = Infinity, beforeClearing }: { maxBatches?: number; beforeClearing?: (trx: Transaction<DB>) => Promise<void> } = {}): Promise<number> {
    let refreshed = 0;
    for (let batches = 0; batches < maxBatches; batches += 1) {
      const batch = await this.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${PROGRESS_LOCK})`.execute(trx);
        const stale = await trx.selectFrom('subjectProgressStale').select(['subjectId', 'mark']).orderBy('subjectId').limit(REFRESH_BATCH).execute();
        if (stale.length === 0) return 0;
        const ids = stale.map((s) => s.subjectId);
        const ofBatch = sql<boolean>`subject_id = ANY(${ids}::uuid[])`;
        await trx.deleteFrom('subjectTypeProgress').where(ofBatch).execute();
        await trx.deleteFrom('subjectOpenLines').where(ofBatch).execute();
        // One statement, one snapshot: the subject rows, their per-type rows and open lines always agree.
        await sql`${progressFacts(ids)},
          progress_rows AS (
            INSERT INTO subject_progress (subject_id, code, region_code, lead_unit_id, platform_org_id, project_code, program_code, acceptance_date,
              collection_budget, planned, delivered, planned_by_type, delivered_by_type, complete, open_due_by_type, first_open_due,
              released, in_unit, in_platform, in_expert, review_due_at, approved, plan_status, plan_review_due_at, certificate_code, spent, refreshed_at)
            SELECT id, code, region_code, lead_unit_id, platform_org_id, project_code, program_code, acceptance_date,
              collection_budget, planned, delivered, planned_by_type, delivered_by_type, complete, open_due_by_type, first_open_due,
              released, in_unit, in_platform, in_expert, review_due_at, approved, plan_status, plan_review_due_at, certificate_code, spent, now()
            FROM facts
            ON CONFLICT (subject_id) DO UPDATE SET code = excluded.code, region_code = excluded.region_code, lead_unit_id = excluded.lead_unit_id,
              platform_org_id = excluded.platform_org_id, project_code = excluded.project_code, program_code = excluded.program_code,
              acceptance_date = excluded.acceptance_date, collection_budget = excluded.collection_budget, planned = excluded.planned,
              delivered = excluded.delivered, planned_by_type = excluded.planned_by_type, delivered_by_type = excluded.delivered_by_type,
              complete = excluded.complete, open_due_by_type = excluded.open_due_by_type, first_open_due = excluded.first_open_due,
              released = excluded.released, in_unit = excluded.in_unit, in_platform = excluded.in_platform, in_expert = excluded.in_expert,
              review_due_at = excluded.review_due_at, approved = excluded.approved, plan_status = excluded.plan_status,
              plan_review_due_at = excluded.plan_review_due_at, certificate_code = excluded.certificate_code, spent = excluded.spent,
              refreshed_at = excluded.refreshed_at
          ),
          type_rows AS (
            INSERT INTO subject_type_progress (subject_id, resource_type, planned, delivered, due_date, waived)
            SELECT subject_id, resource_type, planned, delivered, due_date, waived FROM types
          )
          INSERT INTO subject_open_lines (subject_id, resource_type, due_date, lines)
          SELECT t.subject_id, t.resource_type, d.due_date, count(*)::int FROM types t, unnest(t.open_dues) AS d (due_date)
          GROUP BY 1, 2, 3`.execute(trx);
        // (Tests change a subject here, as a concurrent request could.)
        await beforeClearing?.(trx);
        // Locked in subject order, as the triggers mark them, so a refresh and a write never deadlock.
        await sql`SELECT 1 FROM subject_progress_stale WHERE subject_id = ANY(${ids}::uuid[]) ORDER BY subject_id FOR UPDATE`.execute(trx);
        await sql`DELETE FROM subject_progress_stale s USING unnest(${ids}::uuid[], ${stale.map((s) => s.mark)}::bigint[]) AS d (id, mark)
          WHERE s.subject_id = d.id AND s.mark = d.mark`.execute(trx);
        return stale.length;
      });
      refreshed += batch;
      if (batch < REFRESH_BATCH) break;
    }
    return refreshed;
  }

  /**
   * The CTEs every dashboard figure is read from: the scope's progress rows (every subject has one once
   * the stale ones are refreshed, which each read does first; the whole country reads this one table),
   * with what depends on the moment derived from their stored deadlines — a plan line past due (the earliest
   * uncovered line's date before today), a review step past its deadline, the plan's review step past due,
   * and how many types have a line past due.
   */
  private stats(scope: Scope, at: AsOf) {
    const overdueTypes = sql.join(RESOURCE_TYPES.map((_, i) => sql`coalesce((p.open_due_by_type[${sql.lit(i + 1)}] < ${at.today}::date)::int, 0)`), sql` + `);
    return sql`
      WITH scope AS (${scope.query}),
      stats AS (
        SELECT p.subject_id AS id, p.code, p.region_code, p.lead_unit_id, p.platform_org_id, p.project_code, p.program_code, p.acceptance_date,
          p.collection_budget AS budget, p.planned, p.delivered,
          coalesce(p.first_open_due < ${at.today}::date, false) AS lines_overdue, (${overdueTypes}) AS overdue_types, p.complete,
          p.released, p.in_unit, p.in_platform, p.in_expert, coalesce(p.review_due_at < ${at.now}, false) AS reviews_overdue,
          p.approved, p.plan_status, coalesce(p.plan_review_due_at < ${at.now}, false) AS plan_review_overdue,
          p.certificate_code, p.spent, p.planned_by_type, p.delivered_by_type
        FROM subject_progress p ${scopeJoin(scope)('p.subject_id')}
      )`;
  }

  /** The overview's totals over the scope, with planned and delivered per type. */
  async overview(scope: Scope, at: AsOf) {
    const within = scopeJoin(scope);
    const typeSums = (column: string) => sql`ARRAY[${sql.join(RESOURCE_TYPES.map((_, i) => sql`coalesce(sum(${sql.ref(column)}[${sql.lit(i + 1)}]), 0)`))}]::int[]`;
    const { rows } = await sql<{
      subjects: number; withApprovedPlan: number; planned: number; delivered: number; inUnit: number; inPlatform: number; inExpert: number;
      overdueSubjects: number; overdueLines: number; overduePlanReviews: number; overdueResourceReviews: number; certified: number; eligible: number;
      acceptanceSoon: number; budget: string; spent: string; flagged: number; plannedByType: number[]; deliveredByType: number[];
    }>`${this.stats(scope, at)}
      SELECT count(*)::int AS subjects, count(*) FILTER (WHERE approved)::int AS with_approved_plan,
        coalesce(sum(planned), 0)::int AS planned, coalesce(sum(delivered), 0)::int AS delivered,
        coalesce(sum(in_unit), 0)::int AS in_unit, coalesce(sum(in_platform), 0)::int AS in_platform, coalesce(sum(in_expert), 0)::int AS in_expert,
        count(*) FILTER (WHERE ${OVERDUE})::int AS overdue_subjects,
        (SELECT coalesce(sum(ol.lines), 0)::int FROM subject_open_lines ol ${within('ol.subject_id')} WHERE ol.due_date < ${at.today}::date) AS overdue_lines,
        count(*) FILTER (WHERE plan_review_overdue)::int AS overdue_plan_reviews,
        (SELECT count(*)::int FROM resources r ${within('r.subject_id')} WHERE r.status IN ${REVIEW_STATUSES} AND r.step_due_at < ${at.now}) AS overdue_resource_reviews,
        count(*) FILTER (WHERE certificate_code IS NOT NULL)::int AS certified,
        count(*) FILTER (WHERE certificate_code IS NULL AND complete)::int AS eligible,
        count(*) FILTER (WHERE certificate_code IS NULL AND acceptance_date <= ${at.today}::date + 90)::int AS acceptance_soon,
        coalesce(sum(budget), 0)::numeric(16, 2)::text AS budget, coalesce(sum(spent), 0)::numeric(16, 2)::text AS spent,
        count(*) FILTER (WHERE spent > 0 AND released = 0)::int AS flagged,
        ${typeSums('planned_by_type')} AS planned_by_type, ${typeSums('delivered_by_type')} AS delivered_by_type
      FROM stats`.execute(this.db);
    const { plannedByType, deliveredByType, ...totals } = rows[0]!;
    const byType = RESOURCE_TYPES.map((type, i) => ({ type: type as string, planned: plannedByType[i] ?? 0, delivered: deliveredByType[i] ?? 0 })).filter((t) => t.planned > 0);
    return { ...totals, byType };
  }

  /** The scope's figures grouped by province, lead unit, platform or program, with the group's names. */
  async breakdown(scope: Scope, at: AsOf, by: BreakdownKey) {
    const key = {
      province: sql`left(region_code, 2) || '0000'`,
      unit: sql`lead_unit_id::text`,
      platform: sql`platform_org_id::text`,
      program: sql`program_code`,
    }[by];
    const names = {
      province: sql`LEFT JOIN regions n ON n.code = b.key`,
      unit: sql`LEFT JOIN organisations n ON n.id::text = b.key`,
      platform: sql`LEFT JOIN organisations n ON n.id::text = b.key`,
      program: sql`LEFT JOIN programs n ON n.code = b.key`,
    }[by];
    const nameColumns = by === 'program' ? sql`n.title_zh AS name, n.title_en AS name_en` : sql`n.name_zh AS name, n.name_en AS name_en`;
    const { rows } = await sql<{ key: string; name: string | null; nameEn: string | null; subjects: number; planned: number; delivered: number; inReview: number; overdueSubjects: number; certified: number }>`
      ${this.stats(scope, at)},
      grouped AS (
        SELECT ${key} AS key, count(*)::int AS subjects, sum(planned)::int AS planned, sum(delivered)::int AS delivered,
          sum(in_unit + in_platform + in_expert)::int AS in_review, count(*) FILTER (WHERE ${OVERDUE})::int AS overdue_subjects,
          count(*) FILTER (WHERE certificate_code IS NOT NULL)::int AS certified
        FROM stats GROUP BY 1
      )
      SELECT b.*, ${nameColumns} FROM grouped b ${names}`.execute(this.db);
    return rows;
  }

  /** One page of subject ids in the requested order, and how many match. */
  async page(scope: Scope, at: AsOf, options: { overdue: boolean; sort: SortKey; order: 'asc' | 'desc'; limit: number; offset: number }) {
    const where = options.overdue ? sql`WHERE ${OVERDUE}` : sql``;
    // Counted apart: a window count would make the default order (by code, indexed) read every row.
    const { rows } = await sql<{ id: string }>`${this.stats(scope, at)}
      SELECT id FROM stats ${where} ORDER BY ${orderBy(options)} LIMIT ${options.limit} OFFSET ${options.offset}`.execute(this.db);
    const counted = await sql<{ total: number }>`${this.stats(scope, at)} SELECT count(*)::int AS total FROM stats ${where}`.execute(this.db);
    return { ids: rows.map((r) => r.id), total: counted.rows[0]!.total };
  }

  /** Full rows (names, lines per type, last reminder) of the scope, ordered; the export reads all, a list one page. */
  async details(scope: Scope, at: AsOf, options: { overdue: boolean; sort: SortKey; order: 'asc' | 'desc'; limit?: number }) {
    const where = options.overdue ? sql`WHERE ${OVERDUE}` : sql``;
    const { rows } = await sql<DetailRow & { plannedByType: number[] | null; deliveredByType: number[] | null }>`${this.stats(scope, at)},
      type_lines AS (
        SELECT t.subject_id, json_agg(json_build_object('type', t.resource_type, 'planned', t.planned, 'delivered', t.delivered, 'dueDate', t.due_date,
          'waived', t.waived, 'overdueLines', (SELECT coalesce(sum(ol.lines), 0) FROM subject_open_lines ol
            WHERE ol.subject_id = t.subject_id AND ol.resource_type = t.resource_type AND ol.due_date < ${at.today}::date))) AS by_type
        FROM subject_type_progress t ${scopeJoin(scope)('t.subject_id')} GROUP BY t.subject_id
      ),
      reminded AS (
        SELECT item_id, max(created_at) AS last_reminder_at FROM reminders
        WHERE item_type = 'subject' ${scope.whole ? sql`` : sql`AND item_id IN (SELECT id::text FROM scope)`} GROUP BY item_id
      )
      SELECT st.*, s.title_zh, s.title_en, pi.display_name AS pi_name, u.name_zh AS lead_unit_name, pf.name_zh AS platform_name,
        left(st.region_code, 2) || '0000' AS province_code, coalesce(rg.name_zh, st.region_code) AS province_name,
        coalesce(tl.by_type, '[]'::json) AS by_type, rm.last_reminder_at
      FROM stats st
      JOIN subjects s ON s.id = st.id
      JOIN organisations u ON u.id = st.lead_unit_id
      JOIN organisations pf ON pf.id = st.platform_org_id
      LEFT JOIN users pi ON pi.id = s.pi_user_id
      LEFT JOIN regions rg ON rg.code = left(st.region_code, 2) || '0000'
      LEFT JOIN type_lines tl ON tl.subject_id = st.id
      LEFT JOIN reminded rm ON rm.item_id = st.id::text
      ${where}
      ORDER BY ${orderBy(options)}
      ${options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`}`.execute(this.db);
    return rows.map(({ plannedByType: _planned, deliveredByType: _delivered, ...row }): DetailRow => row);
  }

  /**
   * What the policies need to know of many subjects at once (lead and co-unit paths, platform, the
   * provincial departments of the region): four queries whatever the number of subjects.
   */
  async subjectRefs(ids: string[]): Promise<Map<string, SubjectRef>> {
    const refs = new Map<string, SubjectRef>();
    if (ids.length === 0) return refs;
    const subjects = await this.db.selectFrom('subjects').select(['id', 'leadUnitId', 'platformOrgId', 'regionCode']).where('id', 'in', ids).execute();
    const coUnits = await this.db.selectFrom('subjectUnits').select(['subjectId', 'orgId']).where('subjectId', 'in', ids).execute();
    const orgIds = [...new Set([...subjects.map((s) => s.leadUnitId), ...coUnits.map((u) => u.orgId)])];
    const { rows: steps } = await sql<{ startId: string; id: string }>`
      WITH RECURSIVE up(start_id, id, parent_id, depth) AS (
        SELECT id, id, parent_id, 0 FROM organisations WHERE id = ANY(${orgIds}::uuid[])
        UNION ALL
        SELECT up.start_id, o.id, o.parent_id, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 32
      )
      SELECT start_id, id FROM up ORDER BY start_id, depth`.execute(this.db);
    const paths = new Map<string, string[]>();
    for (const step of steps) paths.set(step.startId, [...(paths.get(step.startId) ?? []), step.id]);
    const regions = [...new Set(subjects.map((s) => s.regionCode))];
    const departments = await this.db.selectFrom('organisations').select(['id', 'regionCode']).where('kind', '=', 'province_dept').where('regionCode', 'in', regions).execute();
    for (const s of subjects) {
      const leadUnitPath = paths.get(s.leadUnitId) ?? [s.leadUnitId];
      refs.set(s.id, {
        id: s.id, leadUnitPath, platformOrgId: s.platformOrgId,
        unitPaths: [leadUnitPath, ...coUnits.filter((u) => u.subjectId === s.id).map((u) => paths.get(u.orgId) ?? [u.orgId])],
        provinceDeptIds: departments.filter((d) => d.regionCode === s.regionCode).map((d) => d.id),
      });
    }
    return refs;
  }

  findSubjectsByCode(codes: string[]) {
    return this.db.selectFrom('subjects').select(['id', 'code', 'titleZh']).where('code', 'in', codes).execute();
  }
}
