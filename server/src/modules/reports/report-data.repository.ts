import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { ScopeType } from './reports.repository';

/** The window one report reads: instants [from, until) and the months [firstMonth, lastMonth] (YYYY-MM-01). */
export interface ReportWindow {
  from: Date;
  until: Date;
  firstMonth: string;
  lastMonth: string;
}

/** Usage of one resource or month in the window (usage_monthly, COUNTER names mapped to the report's). */
export interface UsageFigures {
  views: number;
  downloads: number;
  searchHits: number;
  uniqueUsers: number;
  applications: number;
}

const usageSums = sql`
  SUM(m.total_item_investigations) AS views, SUM(m.total_item_requests) AS downloads, SUM(m.search_hits) AS search_hits,
  SUM(m.unique_item_investigations) AS unique_users, SUM(m.applications_approved) AS applications`;

const figures = (row: Record<string, unknown>): UsageFigures => ({
  views: Number(row.views ?? 0), downloads: Number(row.downloads ?? 0), searchHits: Number(row.searchHits ?? 0),
  uniqueUsers: Number(row.uniqueUsers ?? 0), applications: Number(row.applications ?? 0),
});

/** The reads a utilisation report is made of, per batch of subjects so progress can be shown. */
export class ReportDataRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The subjects of a program (through its projects) or of a project, by code. */
  async subjectIds(scopeType: ScopeType, scopeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('subjects as s')
      .innerJoin('projects as pj', 'pj.id', 's.projectId')
      .select('s.id')
      .where(scopeType === 'program' ? 'pj.programId' : 'pj.id', '=', scopeId)
      .orderBy('s.code')
      .execute();
    return rows.map((r) => r.id);
  }

  subjects(ids: string[]) {
    return this.db
      .selectFrom('subjects as s')
      .innerJoin('projects as pj', 'pj.id', 's.projectId')
      .innerJoin('organisations as lu', 'lu.id', 's.leadUnitId')
      .leftJoin('users as pi', 'pi.id', 's.piUserId')
      .select(['s.id', 's.code', 's.titleZh', 'pj.code as projectCode', 'lu.nameZh as leadUnit', 'pi.displayName as piName'])
      .where('s.id', 'in', ids)
      .orderBy('s.code')
      .execute();
  }

  /** Planned counts per subject and type of the approved plan versions. */
  async planned(ids: string[]) {
    const rows = await this.db
      .selectFrom('plans as p')
      .innerJoin('planLines as l', 'l.planVersionId', 'p.approvedVersionId')
      .select(['p.subjectId', 'l.resourceType', (eb) => eb.fn.sum<string>('l.plannedCount').as('n')])
      .where('p.subjectId', 'in', ids)
      .groupBy(['p.subjectId', 'l.resourceType'])
      .execute();
    return rows.map((r) => ({ subjectId: r.subjectId, resourceType: r.resourceType, n: Number(r.n) }));
  }

  /** Lineages per subject and type with a version released before `until` and not withdrawn by then. */
  async releasedLineages(ids: string[], until: Date) {
    const rows = await this.db
      .selectFrom('resources')
      .select(['subjectId', 'resourceType', (eb) => eb.fn.count<string>('lineageId').distinct().as('n')])
      .where('subjectId', 'in', ids)
      .where('releasedAt', '<', until)
      .where((eb) => eb.or([eb('withdrawnAt', 'is', null), eb('withdrawnAt', '>=', until)]))
      .groupBy(['subjectId', 'resourceType'])
      .execute();
    return rows.map((r) => ({ subjectId: r.subjectId, resourceType: r.resourceType, n: Number(r.n) }));
  }

  /** Resources used in the window's months or released within it, with their usage there. */
  async resources(ids: string[], window: ReportWindow) {
    const { rows } = await sql<Record<string, unknown> & { id: string; subjectId: string; subjectCode: string; resourceType: string; titleZh: string; cstr: string | null; versionNo: number; releasedAt: Date | null; releasedInPeriod: boolean }>`
      SELECT r.id, r.subject_id, s.code AS subject_code, r.resource_type, r.title_zh, r.cstr, r.version_no, r.released_at,
             COALESCE(r.released_at >= ${window.from} AND r.released_at < ${window.until}, false) AS released_in_period,
             u.views, u.downloads, u.search_hits, u.unique_users, u.applications
      FROM resources r
      JOIN subjects s ON s.id = r.subject_id
      LEFT JOIN (
        SELECT m.resource_id, ${usageSums}
        FROM usage_monthly m
        WHERE m.month >= ${window.firstMonth}::date AND m.month <= ${window.lastMonth}::date
        GROUP BY m.resource_id) u ON u.resource_id = r.id
      WHERE r.subject_id IN (${sql.join(ids)})
        AND (u.resource_id IS NOT NULL OR (r.released_at >= ${window.from} AND r.released_at < ${window.until}))`.execute(this.db);
    return rows.map((r) => ({
      id: r.id, subjectId: r.subjectId, subjectCode: r.subjectCode, resourceType: r.resourceType, titleZh: r.titleZh, cstr: r.cstr,
      versionNo: r.versionNo, releasedAt: r.releasedAt ? new Date(r.releasedAt) : null, releasedInPeriod: r.releasedInPeriod, ...figures(r),
    }));
  }

  /** Usage per month (YYYY-MM-01) of the subjects' resources in the window. */
  async monthly(ids: string[], window: ReportWindow) {
    const { rows } = await sql<Record<string, unknown> & { month: string | Date }>`
      SELECT m.month, ${usageSums}
      FROM usage_monthly m JOIN resources r ON r.id = m.resource_id
      WHERE r.subject_id IN (${sql.join(ids)}) AND m.month >= ${window.firstMonth}::date AND m.month <= ${window.lastMonth}::date
      GROUP BY m.month`.execute(this.db);
    return rows.map((r) => ({ month: typeof r.month === 'string' ? r.month.slice(0, 7) : r.month.toISOString().slice(0, 7), ...figures(r) }));
  }

  /** Reuse of the subjects' resources accepted by their platform within the window. */
  reuse(ids: string[], window: ReportWindow) {
    return this.db
      .selectFrom('reuseReports as rr')
      .innerJoin('resources as r', 'r.id', 'rr.resourceId')
      .leftJoin('users as u', 'u.id', 'rr.reportedBy')
      .select(['rr.id', 'r.subjectId', 'r.titleZh as resourceTitle', 'r.cstr', 'rr.kind', 'rr.citation', 'rr.doi', 'rr.url', 'rr.description', 'u.displayName as reportedByName', 'rr.reviewedAt'])
      .where('rr.status', '=', 'accepted')
      .where('rr.reviewedAt', '>=', window.from)
      .where('rr.reviewedAt', '<', window.until)
      .where('r.subjectId', 'in', ids)
      .orderBy('rr.reviewedAt')
      .orderBy('rr.id')
      .execute();
  }

  /** The newest finished evaluation run, if any has finished yet. */
  newestDoneRun() {
    return this.db
      .selectFrom('evaluationRuns')
      .select(['id', 'asOf', 'ruleVersion'])
      .where('status', '=', 'done')
      .orderBy('asOf', 'desc')
      .orderBy('finishedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Scores of the subjects in a run (completion, sharing, total 0–100; rank among all scored subjects). */
  scores(runId: string, ids: string[]) {
    return this.db.selectFrom('subjectScores').select(['subjectId', 'completion', 'sharing', 'total', 'rank']).where('runId', '=', runId).where('subjectId', 'in', ids).execute();
  }

  /** A program's roll-up in a run and how many programs were ranked. */
  async programRollup(runId: string, programCode: string) {
    const [row, count] = await Promise.all([
      this.db.selectFrom('rollupScores').select(['total', 'rank']).where('runId', '=', runId).where('level', '=', 'program').where('key', '=', programCode).executeTakeFirst(),
      this.db.selectFrom('rollupScores').select((eb) => eb.fn.countAll<string>().as('n')).where('runId', '=', runId).where('level', '=', 'program').executeTakeFirstOrThrow(),
    ]);
    return row ? { rank: row.rank, of: Number(count.n) } : null;
  }

  /** The program a project belongs to (for its code and title on a project report). */
  scopeNames(scopeType: ScopeType, scopeId: string) {
    return scopeType === 'program'
      ? this.db.selectFrom('programs').select(['code', 'titleZh', 'titleEn', 'code as programCode', 'titleZh as programTitle']).where('id', '=', scopeId).executeTakeFirstOrThrow()
      : this.db.selectFrom('projects as pj').innerJoin('programs as pg', 'pg.id', 'pj.programId').select(['pj.code', 'pj.titleZh', 'pj.titleEn', 'pg.code as programCode', 'pg.titleZh as programTitle']).where('pj.id', '=', scopeId).executeTakeFirstOrThrow();
  }
}
