import { sql, type Kysely, type RawBuilder } from 'kysely';
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
  overdueLines: number;
  overdueTypes: number;
  complete: boolean;
  released: number;
  inUnit: number;
  inPlatform: number;
  inExpert: number;
  overdueReviews: number;
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

const OVERDUE = sql`(overdue_lines > 0 OR plan_review_overdue OR overdue_reviews > 0)`;
const SORTS: Record<SortKey, RawBuilder<unknown>> = {
  code: sql`code`,
  completion: sql`CASE WHEN planned > 0 THEN delivered::float8 / planned ELSE 0 END`,
  daysToAcceptance: sql`acceptance_date`,
  overdue: sql`(overdue_types + plan_review_overdue::int + (overdue_reviews > 0)::int)`,
};

/**
 * Set-based dashboard queries: every figure is aggregated per subject with GROUP BY over the scope in
 * one statement (no query per subject), so the ministry's view of 100 000 subjects stays one pass.
 */
export class SupervisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The visible subjects, narrowed by the filters, with the columns the figures are grouped by. */
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

  /** Subjects with the columns the figures are grouped by (public for the Scope type only). */
  scopeBase() {
    return this.db
      .selectFrom('subjects as s')
      .innerJoin('projects as j', 'j.id', 's.projectId')
      .innerJoin('programs as p', 'p.id', 'j.programId')
      .select(['s.id', 's.code', 's.regionCode', 's.leadUnitId', 's.platformOrgId', 's.acceptanceDate', 's.collectionBudget', 'j.code as projectCode', 'p.code as programCode']);
  }

  /**
   * The CTEs every dashboard figure is read from: approved lines with their cumulative planned count per
   * type (a line is covered once the type's releases reach it); resources counted per subject in one
   * pass, releases per type as an array in DESIGN §3's type order (a lineage has one released version
   * at a time: release supersedes the older one); waivers, the latest plan version, the newest funding
   * report and the certificate; all joined into `stats`.
   */
  private stats(scope: Scope, at: AsOf) {
    const within = scopeJoin(scope);
    return sql`
      WITH scope AS (${scope.query}),
      res_subject AS (
        SELECT r.subject_id,
          count(*) FILTER (WHERE r.status = 'released')::int AS released,
          ARRAY[${sql.join(RESOURCE_TYPES.map((type) => sql`count(*) FILTER (WHERE r.status = 'released' AND r.resource_type = ${type})`))}]::int[] AS released_by_type,
          count(*) FILTER (WHERE r.status = 'unit_review')::int AS in_unit,
          count(*) FILTER (WHERE r.status = 'platform_review')::int AS in_platform,
          count(*) FILTER (WHERE r.status = 'expert_review')::int AS in_expert,
          count(*) FILTER (WHERE r.status <> 'released' AND r.step_due_at < ${at.now})::int AS overdue_reviews
        FROM resources r ${within('r.subject_id')}
        WHERE r.status IN ('released', 'unit_review', 'platform_review', 'expert_review', 'returned')
        GROUP BY r.subject_id
      ),
      lines AS (
        SELECT pl.subject_id, l.resource_type COLLATE "C" AS resource_type, l.planned_count, l.due_date,
          coalesce(rs.released_by_type[array_position(${[...RESOURCE_TYPES]}::text[], l.resource_type)], 0) AS released,
          sum(l.planned_count) OVER (PARTITION BY pl.subject_id, l.resource_type COLLATE "C" ORDER BY l.due_date, l.position) AS cum
        FROM plans pl ${within('pl.subject_id')}
        JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
        LEFT JOIN res_subject rs ON rs.subject_id = pl.subject_id
      ),
      types AS (
        SELECT l.subject_id, l.resource_type,
          sum(l.planned_count)::int AS planned,
          least(max(l.released), sum(l.planned_count))::int AS delivered,
          bool_or(w.subject_id IS NOT NULL) AS waived,
          count(*) FILTER (WHERE w.subject_id IS NULL AND l.due_date < ${at.today}::date AND l.released < l.cum)::int AS overdue_lines,
          coalesce(min(l.due_date) FILTER (WHERE l.released < l.cum), max(l.due_date)) AS due_date
        FROM lines l
        LEFT JOIN plan_waivers w ON w.subject_id = l.subject_id AND w.resource_type = l.resource_type
        GROUP BY l.subject_id, l.resource_type
      ),
      per_subject AS (
        SELECT subject_id, sum(planned)::int AS planned, sum(delivered)::int AS delivered, sum(overdue_lines)::int AS overdue_lines,
          count(*) FILTER (WHERE overdue_lines > 0)::int AS overdue_types, bool_and(waived OR delivered >= planned) AS complete
        FROM types GROUP BY subject_id
      ),
      plan_state AS (
        SELECT DISTINCT ON (pl.id) pl.subject_id, pl.approved_version_id IS NOT NULL AS approved, v.status AS plan_status,
          (v.status IN ('unit_review', 'platform_review', 'returned') AND v.step_due_at < ${at.now}) AS plan_review_overdue
        FROM plans pl ${within('pl.subject_id')}
        JOIN plan_versions v ON v.plan_id = pl.id
        ORDER BY pl.id, v.version_no DESC
      ),
      spent AS (
        SELECT DISTINCT ON (f.subject_id) f.subject_id, f.amount_spent
        FROM funding_reports f ${within('f.subject_id')}
        ORDER BY f.subject_id, f.reported_at DESC, f.id DESC
      ),
      stats AS (
        SELECT sc.id, sc.code, sc.region_code, sc.lead_unit_id, sc.platform_org_id, sc.project_code, sc.program_code, sc.acceptance_date,
          sc.collection_budget AS budget,
          coalesce(ps.planned, 0) AS planned, coalesce(ps.delivered, 0) AS delivered,
          coalesce(ps.overdue_lines, 0) AS overdue_lines, coalesce(ps.overdue_types, 0) AS overdue_types, coalesce(ps.complete, false) AS complete,
          coalesce(rs.released, 0) AS released, coalesce(rs.in_unit, 0) AS in_unit, coalesce(rs.in_platform, 0) AS in_platform,
          coalesce(rs.in_expert, 0) AS in_expert, coalesce(rs.overdue_reviews, 0) AS overdue_reviews,
          coalesce(pst.approved, false) AS approved, coalesce(pst.plan_status, 'none') AS plan_status,
          coalesce(pst.plan_review_overdue, false) AS plan_review_overdue,
          c.code AS certificate_code,
          coalesce(sp.amount_spent, 0)::numeric(14, 2) AS spent
        FROM scope sc
        LEFT JOIN per_subject ps ON ps.subject_id = sc.id
        LEFT JOIN res_subject rs ON rs.subject_id = sc.id
        LEFT JOIN plan_state pst ON pst.subject_id = sc.id
        LEFT JOIN certificates c ON c.subject_id = sc.id
        LEFT JOIN spent sp ON sp.subject_id = sc.id
      )`;
  }

  /** The overview's totals over the scope, with planned and delivered per type. */
  async overview(scope: Scope, at: AsOf) {
    const { rows } = await sql<{
      subjects: number; withApprovedPlan: number; planned: number; delivered: number; inUnit: number; inPlatform: number; inExpert: number;
      overdueSubjects: number; overdueLines: number; overduePlanReviews: number; overdueResourceReviews: number; certified: number; eligible: number;
      acceptanceSoon: number; budget: string; spent: string; flagged: number; byType: Array<{ type: string; planned: number; delivered: number }>;
    }>`${this.stats(scope, at)}
      SELECT count(*)::int AS subjects, count(*) FILTER (WHERE approved)::int AS with_approved_plan,
        coalesce(sum(planned), 0)::int AS planned, coalesce(sum(delivered), 0)::int AS delivered,
        coalesce(sum(in_unit), 0)::int AS in_unit, coalesce(sum(in_platform), 0)::int AS in_platform, coalesce(sum(in_expert), 0)::int AS in_expert,
        count(*) FILTER (WHERE ${OVERDUE})::int AS overdue_subjects, coalesce(sum(overdue_lines), 0)::int AS overdue_lines,
        count(*) FILTER (WHERE plan_review_overdue)::int AS overdue_plan_reviews, coalesce(sum(overdue_reviews), 0)::int AS overdue_resource_reviews,
        count(*) FILTER (WHERE certificate_code IS NOT NULL)::int AS certified,
        count(*) FILTER (WHERE certificate_code IS NULL AND complete)::int AS eligible,
        count(*) FILTER (WHERE certificate_code IS NULL AND acceptance_date <= ${at.today}::date + 90)::int AS acceptance_soon,
        coalesce(sum(budget), 0)::numeric(16, 2)::text AS budget, coalesce(sum(spent), 0)::numeric(16, 2)::text AS spent,
        count(*) FILTER (WHERE spent > 0 AND released = 0)::int AS flagged,
        (SELECT coalesce(json_agg(json_build_object('type', t.resource_type, 'planned', t.planned, 'delivered', t.delivered)), '[]'::json)
           FROM (SELECT resource_type, sum(planned)::int AS planned, sum(delivered)::int AS delivered FROM types GROUP BY resource_type) t) AS by_type
      FROM stats`.execute(this.db);
    return rows[0]!;
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
    const direction = options.order === 'desc' ? sql`DESC` : sql`ASC`;
    const { rows } = await sql<{ id: string; total: number }>`${this.stats(scope, at)}
      SELECT id, count(*) OVER ()::int AS total FROM stats ${where}
      ORDER BY ${SORTS[options.sort]} ${direction} NULLS LAST, code ASC
      LIMIT ${options.limit} OFFSET ${options.offset}`.execute(this.db);
    if (rows.length > 0 || options.offset === 0) return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
    const counted = await sql<{ total: number }>`${this.stats(scope, at)} SELECT count(*)::int AS total FROM stats ${where}`.execute(this.db);
    return { ids: [], total: counted.rows[0]!.total };
  }

  /** Full rows (names, lines per type, last reminder) of the scope, ordered; the export reads all, a list one page. */
  async details(scope: Scope, at: AsOf, options: { overdue: boolean; sort: SortKey; order: 'asc' | 'desc'; limit?: number }) {
    const where = options.overdue ? sql`WHERE ${OVERDUE}` : sql``;
    const direction = options.order === 'desc' ? sql`DESC` : sql`ASC`;
    const { rows } = await sql<DetailRow>`${this.stats(scope, at)},
      type_lines AS (
        SELECT subject_id, json_agg(json_build_object('type', resource_type, 'planned', planned, 'delivered', delivered, 'dueDate', due_date,
          'overdueLines', overdue_lines, 'waived', waived)) AS by_type
        FROM types GROUP BY subject_id
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
      ORDER BY ${SORTS[options.sort]} ${direction} NULLS LAST, code ASC
      ${options.limit === undefined ? sql`` : sql`LIMIT ${options.limit}`}`.execute(this.db);
    return rows;
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
