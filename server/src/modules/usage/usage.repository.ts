import { randomBytes } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB, UsageKind } from '../../db/schema';
import { subtreeIds } from '../orgs/orgs.repository';
import { RegistryRepository } from '../registry/registry.repository';
import type { SubjectVisibility } from '../registry/registry.policy';

/** One raw event as stored: hashed client and session, never the IP or user agent. */
export interface UsageEventRow {
  occurredAt: Date;
  /** First day of the China month, YYYY-MM-01. */
  month: string;
  resourceId: string;
  kind: UsageKind;
  userId: string | null;
  sessionKey: string;
  clientHash: string;
  robot: boolean;
  machine: boolean;
}

/** What the roll-ups group by: a resource, or every resource under a subject, project, unit, program or platform. */
export type UsageLevel = 'resource' | 'subject' | 'project' | 'unit' | 'program' | 'platform';

/** The COUNTER metrics as stored, summed over whatever a query groups. */
export interface MonthlyCounts {
  totalItemInvestigations: number;
  uniqueItemInvestigations: number;
  totalItemRequests: number;
  uniqueItemRequests: number;
  searchHits: number;
  applicationsApproved: number;
  machineInvestigations: number;
  machineRequests: number;
  uniqueMachineInvestigations: number;
  uniqueMachineRequests: number;
}

// Serialises aggregation runs (job, demo loader, several instances) so two never rebuild one month at once.
const AGGREGATE_LOCK_KEY = 72_011_720;

type MonthlyScope = ExpressionBuilder<DB & { m: DB['usageMonthly'] }, 'm'>;
const sums = (eb: MonthlyScope) => [
  eb.fn.sum<number>('m.totalItemInvestigations').as('totalItemInvestigations'),
  eb.fn.sum<number>('m.uniqueItemInvestigations').as('uniqueItemInvestigations'),
  eb.fn.sum<number>('m.totalItemRequests').as('totalItemRequests'),
  eb.fn.sum<number>('m.uniqueItemRequests').as('uniqueItemRequests'),
  eb.fn.sum<number>('m.searchHits').as('searchHits'),
  eb.fn.sum<number>('m.applicationsApproved').as('applicationsApproved'),
  eb.fn.sum<number>('m.machineInvestigations').as('machineInvestigations'),
  eb.fn.sum<number>('m.machineRequests').as('machineRequests'),
  eb.fn.sum<number>('m.uniqueMachineInvestigations').as('uniqueMachineInvestigations'),
  eb.fn.sum<number>('m.uniqueMachineRequests').as('uniqueMachineRequests'),
];

/** Queries over raw usage events and their monthly aggregates. */
export class UsageRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The day's client-hash salt, created by whichever instance asks first. */
  async saltFor(day: string): Promise<string> {
    await this.db.insertInto('usageSalts').values({ day, salt: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('day').doNothing()).execute();
    const row = await this.db.selectFrom('usageSalts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    return row.salt;
  }

  /** Forgets the salts of days before `day`: their client hashes can no longer be linked to an address. */
  async deleteSaltsBefore(day: string): Promise<number> {
    const result = await this.db.deleteFrom('usageSalts').where('day', '<', day).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Appends events in one statement (column arrays through unnest: no parameter limit, one parse) and
   * marks their months dirty in the same transaction. The upsert takes a row lock on each month, so an
   * aggregation of that month waits for this commit and then sees these events.
   */
  async insertEvents(rows: UsageEventRow[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <T>(pick: (row: UsageEventRow) => T) => rows.map(pick);
    const months = [...new Set(col((r) => r.month))].sort();
    await this.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO usage_events (occurred_at, month, resource_id, kind, user_id, session_key, client_hash, robot, machine)
        SELECT * FROM unnest(
          ${col((r) => r.occurredAt.toISOString())}::timestamptz[], ${col((r) => r.month)}::date[], ${col((r) => r.resourceId)}::uuid[],
          ${col((r) => r.kind)}::text[], ${col((r) => r.userId)}::uuid[], ${col((r) => r.sessionKey)}::text[], ${col((r) => r.clientHash)}::text[],
          ${col((r) => r.robot)}::boolean[], ${col((r) => r.machine)}::boolean[])`.execute(trx);
      await sql`
        INSERT INTO usage_dirty_months (month) SELECT unnest(${months}::date[])
        ON CONFLICT (month) DO UPDATE SET touched_at = now()`.execute(trx);
    });
  }

  /** Months waiting for aggregation, oldest first. */
  async dirtyMonths(): Promise<string[]> {
    const rows = await this.db.selectFrom('usageDirtyMonths').select('month').orderBy('month').execute();
    return rows.map((row) => row.month);
  }

  /** Marks every month that has events or aggregates dirty, for a full recomputation. */
  async markAllDirty(): Promise<void> {
    await sql`
      INSERT INTO usage_dirty_months (month)
      SELECT DISTINCT month FROM usage_events UNION SELECT DISTINCT month FROM usage_monthly
      ON CONFLICT (month) DO UPDATE SET touched_at = now()`.execute(this.db);
  }

  /**
   * Rebuilds one month's aggregates from its raw events, in one transaction: the same events always
   * give the same rows (COUNTER R5, DESIGN §7). Robots are left out. An event is counted unless the next
   * event of the same session, resource, kind and access method follows within 30 s (double-click:
   * the last click of a burst counts). Approvals are counted one by one. Unique = distinct sessions.
   * Returns the resources whose figures may have changed.
   */
  async recomputeMonth(month: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${AGGREGATE_LOCK_KEY})`.execute(trx);
      await trx.deleteFrom('usageDirtyMonths').where('month', '=', month).execute();
      const before = await trx.deleteFrom('usageMonthly').where('month', '=', month).returning('resourceId').execute();
      const after = await sql<{ resourceId: string }>`
        INSERT INTO usage_monthly (resource_id, month, total_item_investigations, unique_item_investigations, total_item_requests,
          unique_item_requests, search_hits, applications_approved, machine_investigations, machine_requests,
          unique_machine_investigations, unique_machine_requests)
        SELECT e.resource_id, ${month}::date,
          count(*) FILTER (WHERE NOT e.machine AND e.kind IN ('view', 'download')),
          count(DISTINCT e.session_key) FILTER (WHERE NOT e.machine AND e.kind IN ('view', 'download')),
          count(*) FILTER (WHERE NOT e.machine AND e.kind = 'download'),
          count(DISTINCT e.session_key) FILTER (WHERE NOT e.machine AND e.kind = 'download'),
          count(*) FILTER (WHERE NOT e.machine AND e.kind = 'search_hit'),
          count(*) FILTER (WHERE e.kind = 'application_approved'),
          count(*) FILTER (WHERE e.machine AND e.kind IN ('view', 'download')),
          count(*) FILTER (WHERE e.machine AND e.kind = 'download'),
          count(DISTINCT e.session_key) FILTER (WHERE e.machine AND e.kind IN ('view', 'download')),
          count(DISTINCT e.session_key) FILTER (WHERE e.machine AND e.kind = 'download')
        FROM (
          SELECT resource_id, kind, machine, session_key, occurred_at,
            lead(occurred_at) OVER (PARTITION BY resource_id, session_key, kind, machine ORDER BY occurred_at, id) AS next_at
          FROM usage_events
          WHERE month = ${month}::date AND NOT robot
        ) e
        JOIN resources r ON r.id = e.resource_id
        WHERE e.kind = 'application_approved' OR e.next_at IS NULL OR e.next_at > e.occurred_at + interval '30 seconds'
        GROUP BY e.resource_id
        RETURNING resource_id`.execute(trx);
      const touched = [...new Set([...before.map((row) => row.resourceId), ...after.rows.map((row) => row.resourceId)])];
      await refreshSearchCounters(trx, touched);
      return touched;
    });
  }

  /**
   * Brings the search index's usage counters (sort by most used) in step with the aggregates: of every
   * row, or only of rows still at zero (resources indexed after their use was aggregated).
   */
  async syncSearchCounters(scope: 'all' | 'unset'): Promise<number> {
    const rows = sql`SELECT id FROM resource_search ${scope === 'unset' ? sql`WHERE views = 0 AND downloads = 0` : sql``}`;
    const result = await sql`
      UPDATE resource_search rs SET views = t.views, downloads = t.downloads
      FROM (
        SELECT r.id, coalesce(sum(m.total_item_investigations + m.machine_investigations), 0)::int AS views,
          coalesce(sum(m.total_item_requests + m.machine_requests), 0)::int AS downloads
        FROM (${rows}) r ${scope === 'unset' ? sql`JOIN` : sql`LEFT JOIN`} usage_monthly m ON m.resource_id = r.id
        GROUP BY r.id
      ) t
      WHERE rs.id = t.id AND (rs.views, rs.downloads) IS DISTINCT FROM (t.views, t.downloads)`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /** A resource's figures per month, oldest first. */
  resourceMonths(resourceId: string) {
    return this.db
      .selectFrom('usageMonthly as m')
      .select((eb) => ['m.month', ...sums(eb)])
      .where('m.resourceId', '=', resourceId)
      .groupBy('m.month')
      .orderBy('m.month')
      .execute();
  }

  /** All-time figures of several resources at once (for lists and landing pages). */
  resourceTotals(resourceIds: string[]) {
    if (resourceIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('usageMonthly as m')
      .select((eb) => ['m.resourceId', ...sums(eb)])
      .where('m.resourceId', 'in', resourceIds)
      .groupBy('m.resourceId')
      .execute();
  }

  /** The resource as the portal's visibility rule needs it. */
  findResource(id: string) {
    return this.db.selectFrom('resources').select(['id', 'status', 'sharingMode', 'subjectId']).where('id', '=', id).executeTakeFirst();
  }

  /** Whether the level's object exists. */
  async exists(level: UsageLevel, id: string): Promise<boolean> {
    const query = (() => {
      switch (level) {
        case 'resource': return this.db.selectFrom('resources').select('id').where('id', '=', id);
        case 'subject': return this.db.selectFrom('subjects').select('id').where('id', '=', id);
        case 'project': return this.db.selectFrom('projects').select('id').where('id', '=', id);
        case 'program': return this.db.selectFrom('programs').select('id').where('id', '=', id);
        case 'platform': return this.db.selectFrom('organisations').select('id').where('id', '=', id).where('kind', '=', 'domain_platform');
        case 'unit': return this.db.selectFrom('organisations').select('id').where('id', '=', id);
      }
    })();
    return (await query.executeTakeFirst()) !== undefined;
  }

  /** How many of the level's subjects there are, and how many of them the visibility covers. */
  async subjectScope(level: UsageLevel, id: string, visibility: SubjectVisibility) {
    const visible = new RegistryRepository(this.db).visibleSubjectIds(visibility);
    const row = await this.db
      .selectFrom('subjects as s')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.countAll<number>().filterWhere('s.id', 'in', visible).as('visible')])
      .where('s.id', 'in', this.subjectsOf(level, id))
      .executeTakeFirstOrThrow();
    return { total: Number(row.total), visible: visibility.all ? Number(row.total) : Number(row.visible) };
  }

  /** The level's figures per month within [from, to] (first days of months), narrowed to the visible subjects. */
  summary(level: UsageLevel, id: string, from: string, to: string, visibility: SubjectVisibility) {
    let query = this.db
      .selectFrom('usageMonthly as m')
      .innerJoin('resources as r', 'r.id', 'm.resourceId')
      .select((eb) => ['m.month', ...sums(eb)])
      .where('m.month', '>=', from)
      .where('m.month', '<=', to)
      .where('r.subjectId', 'in', this.subjectsOf(level, id));
    if (level === 'resource') query = query.where('r.id', '=', id);
    if (!visibility.all) query = query.where('r.subjectId', 'in', new RegistryRepository(this.db).visibleSubjectIds(visibility));
    return query.groupBy('m.month').orderBy('m.month').execute();
  }

  /** A subquery of the subject ids a level's object covers (the unit level: subjects led within the unit's subtree). */
  private subjectsOf(level: UsageLevel, id: string) {
    const subjects = this.db.selectFrom('subjects as s').innerJoin('projects as j', 'j.id', 's.projectId').select('s.id');
    switch (level) {
      case 'resource': return this.db.selectFrom('resources').select('subjectId as id').where('id', '=', id);
      case 'subject': return subjects.where('s.id', '=', id);
      case 'project': return subjects.where('s.projectId', '=', id);
      case 'program': return subjects.where('j.programId', '=', id);
      case 'platform': return subjects.where('s.platformOrgId', '=', id);
      case 'unit': return subjects.where('s.leadUnitId', 'in', subtreeIds(this.db, [id]));
    }
  }
}

/** The search index's counters of some resources, as their landing pages show them (regular + machine use). */
async function refreshSearchCounters(trx: Kysely<DB>, resourceIds: string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  await sql`
    UPDATE resource_search rs SET views = t.views, downloads = t.downloads
    FROM (
      SELECT r.id, coalesce(sum(m.total_item_investigations + m.machine_investigations), 0)::int AS views,
        coalesce(sum(m.total_item_requests + m.machine_requests), 0)::int AS downloads
      FROM unnest(${resourceIds}::uuid[]) AS r(id) LEFT JOIN usage_monthly m ON m.resource_id = r.id
      GROUP BY r.id
    ) t
    WHERE rs.id = t.id AND (rs.views, rs.downloads) IS DISTINCT FROM (t.views, t.downloads)`.execute(trx);
}
