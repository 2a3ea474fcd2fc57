import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { scopeJoin, type Scope } from './supervision.repository';

/** China calendar month of a timestamptz column, whatever the session's time zone. */
const chinaMonth = (column: string) => sql.raw(`to_char((${column} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`);
const chinaDay = (column: string) => sql.raw(`((${column} AT TIME ZONE 'UTC') + interval '8 hours')::date`);

/** The window of a chart: its first and last day (China dates) and the instant its first month begins. */
export interface ChartWindow {
  firstDay: string;
  lastDay: string;
  since: Date;
  today: string;
}

/**
 * Lineages of the scope that are released now, with the moment of their first release, for the
 * completion and overdue charts. A lineage has one released version at a time; only a later version
 * looks back for the first release of its lineage.
 */
const releasedLineages = (scope: Scope) => sql`
  lineages AS (
    SELECT r.subject_id, r.resource_type, r.lineage_id,
      CASE WHEN r.version_no = 1 THEN r.released_at ELSE coalesce((
        SELECT min(o.released_at) FROM resources o WHERE o.lineage_id = r.lineage_id AND o.version_no < r.version_no
      ), r.released_at) END AS first_at
    FROM resources r ${scopeJoin(scope)('r.subject_id')}
    WHERE r.status = 'released' AND r.released_at IS NOT NULL
  )`;

/** Time series of the supervision charts, each one set-based statement over the scope. */
export class ChartsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Planned counts by the month their line falls due, and releases by month capped per subject and type
   * at the type's planned count (each release adds only what still fits under the cap).
   */
  async completion(scope: Scope, window: ChartWindow) {
    const { rows } = await sql<{ kind: 'planned' | 'delivered'; month: string; n: number }>`
      WITH scope AS (${scope.query}),
      lines AS (
        SELECT pl.subject_id, l.resource_type, l.planned_count, l.due_date
        FROM plans pl ${scopeJoin(scope)('pl.subject_id')} JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
      ),
      planned_types AS (SELECT subject_id, resource_type, sum(planned_count) AS planned FROM lines GROUP BY subject_id, resource_type),
      ${releasedLineages(scope)},
      release_months AS (
        SELECT subject_id, resource_type, ${chinaMonth('first_at')} AS month, count(*) AS n FROM lineages GROUP BY 1, 2, 3
      ),
      gains AS (
        SELECT rm.month,
          least(sum(rm.n) OVER w, pt.planned) - least(sum(rm.n) OVER w - rm.n, pt.planned) AS gain
        FROM release_months rm JOIN planned_types pt ON pt.subject_id = rm.subject_id AND pt.resource_type = rm.resource_type
        WINDOW w AS (PARTITION BY rm.subject_id, rm.resource_type ORDER BY rm.month)
      )
      SELECT 'planned' AS kind, to_char(due_date, 'YYYY-MM') AS month, sum(planned_count)::int AS n FROM lines WHERE due_date <= ${window.lastDay}::date GROUP BY 2
      UNION ALL
      SELECT 'delivered', month, sum(gain)::int FROM gains WHERE month <= ${window.lastDay.slice(0, 7)} GROUP BY 2`.execute(this.db);
    return rows;
  }

  /**
   * Approved lines due in the window (and already past) that were not covered by their due date: the
   * type's releases by then fall short of the planned count up to and including the line. Waived
   * types are not late.
   */
  async overdueLines(scope: Scope, window: ChartWindow) {
    const { rows } = await sql<{ month: string; lines: number }>`
      WITH scope AS (${scope.query}),
      lines AS (
        SELECT pl.subject_id, l.id AS line_id, l.resource_type, l.due_date,
          sum(l.planned_count) OVER (PARTITION BY pl.subject_id, l.resource_type ORDER BY l.due_date, l.position) AS cum
        FROM plans pl ${scopeJoin(scope)('pl.subject_id')} JOIN plan_lines l ON l.plan_version_id = pl.approved_version_id
      ),
      ${releasedLineages(scope)},
      covered AS (
        SELECT l.line_id, l.due_date, l.cum, count(lg.lineage_id) AS released
        FROM lines l
        LEFT JOIN lineages lg ON lg.subject_id = l.subject_id AND lg.resource_type = l.resource_type AND ${chinaDay('lg.first_at')} <= l.due_date
        WHERE l.due_date >= ${window.firstDay}::date AND l.due_date <= ${window.lastDay}::date AND l.due_date < ${window.today}::date
          AND NOT EXISTS (SELECT 1 FROM plan_waivers w WHERE w.subject_id = l.subject_id AND w.resource_type = l.resource_type)
        GROUP BY l.line_id, l.due_date, l.cum
      )
      SELECT to_char(due_date, 'YYYY-MM') AS month, count(*)::int AS lines FROM covered WHERE released < cum GROUP BY 1`.execute(this.db);
    return rows;
  }

  /**
   * Review decisions (not skipped tiers) in the window, timed from entering the tier: the round's
   * submission, or the latest earlier decision of a lower tier in the same round.
   */
  async turnaround(scope: Scope, window: ChartWindow) {
    const rank = (tier: string) => sql.raw(`CASE ${tier} WHEN 'unit' THEN 1 WHEN 'platform' THEN 2 ELSE 3 END`);
    const { rows } = await sql<{ tier: 'unit' | 'platform' | 'expert'; count: number; meanDays: number | null; medianDays: number | null }>`
      WITH scope AS (${scope.query}),
      timed AS (
        SELECT d.tier, extract(epoch FROM d.decided_at - greatest(rr.submitted_at, coalesce((
          SELECT max(p.decided_at) FROM review_decisions p
          WHERE p.resource_id = d.resource_id AND p.round = d.round AND p.decided_at <= d.decided_at AND ${rank('p.tier')} < ${rank('d.tier')}
        ), rr.submitted_at))) / 86400 AS days
        FROM review_decisions d
        JOIN resources r ON r.id = d.resource_id ${scopeJoin(scope)('r.subject_id')}
        JOIN review_rounds rr ON rr.resource_id = d.resource_id AND rr.round = d.round
        WHERE d.decision IN ('approve', 'return') AND d.decided_at >= ${window.since}
      )
      SELECT tier, count(*)::int AS count, avg(days)::float8 AS mean_days, percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days
      FROM timed GROUP BY tier`.execute(this.db);
    return rows;
  }

  /** Usage (COUNTER R5 totals) of the scope's resources per month of the window. */
  async usage(scope: Scope, window: ChartWindow) {
    const { rows } = await sql<{ month: string; views: number; downloads: number; searchHits: number }>`
      WITH scope AS (${scope.query})
      SELECT to_char(m.month, 'YYYY-MM') AS month, sum(m.total_item_investigations)::float8 AS views,
        sum(m.total_item_requests)::float8 AS downloads, sum(m.search_hits)::float8 AS search_hits
      FROM usage_monthly m JOIN resources r ON r.id = m.resource_id ${scopeJoin(scope)('r.subject_id')}
      WHERE m.month >= ${window.firstDay}::date AND m.month <= ${window.lastDay}::date
      GROUP BY 1`.execute(this.db);
    return rows;
  }
}
