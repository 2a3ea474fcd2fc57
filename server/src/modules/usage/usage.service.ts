import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, fieldError, type ErrorCode } from '../../platform/errors';
import { authorize, can } from '../../platform/authz';
import type { Ctx } from '../../platform/context';
import { isListed, metadataVisible } from '../portal/portal-access';
import { subjectVisibility } from '../registry/registry.policy';
import { subjectRef } from '../registry/registry.service';
import { RegistryRepository } from '../registry/registry.repository';
import type { UsageEventInput, UsageRecorder, UsageTotals } from './usage-event';
import { chinaDay, monthLabel, monthRange, monthStart, monthsBefore } from './usage-keys';
import { UsageRepository, type MonthlyCounts, type UsageLevel } from './usage.repository';
import { UsageWriter, type UsageLog, type UsageWriterOptions } from './usage-writer';
import { addCounts, presentCounts, presentLandingTotals, ZERO_COUNTS } from './usage.presenter';
import type { ResourceUsage, SummaryQuery, UsageCounts, UsageSummary } from './usage.schemas';

const DAY = 86_400_000;
const MAX_MONTHS = 120;
const NOT_FOUND: Record<UsageLevel, ErrorCode> = {
  resource: 'resource.not_found', subject: 'subject.not_found', project: 'project.not_found', program: 'program.not_found', unit: 'org.not_found', platform: 'org.not_found',
};

/** What one aggregation run did. */
export interface AggregationRun {
  months: string[];
  resources: number;
}

/**
 * Usage counting (DESIGN §7, COUNTER R5): records events without making requests wait, aggregates
 * them per resource and month, and answers the portal's and the managers' usage questions.
 */
export class UsageService implements UsageRecorder {
  private readonly repo: UsageRepository;
  private readonly writer: UsageWriter;

  constructor(private readonly db: Kysely<DB>, options: UsageWriterOptions = {}) {
    this.repo = new UsageRepository(db);
    this.writer = new UsageWriter(db, options);
  }

  /** Prometheus metrics of the writer (buffered, written, dropped events). */
  get metrics() {
    return this.writer.metrics;
  }

  set log(log: UsageLog) {
    this.writer.log = log;
  }

  /** Buffers the event and returns at once; a background flusher writes batches. */
  record(event: UsageEventInput): void {
    this.writer.record(event);
  }

  /** Events recorded and not yet written. */
  get pending(): number {
    return this.writer.pending;
  }

  /** Writes the buffered events now (tests, benchmarks, the aggregation job). */
  flush(): Promise<number> {
    return this.writer.flush();
  }

  /** Writes what is left and stops the flusher; the app calls this when the server closes. */
  close(): Promise<void> {
    return this.writer.close();
  }

  /**
   * Rebuilds the monthly aggregates of every month with new events (or of all months), from the raw
   * events, so a run over the same events always gives the same figures. Keeps the search index's
   * counters in step and forgets old client salts.
   */
  async aggregate(options: { all?: boolean } = {}): Promise<AggregationRun> {
    // This instance's buffered events join the run; if the database refuses them, the run fails below anyway.
    await this.writer.flush().catch(() => undefined);
    if (options.all) await this.repo.markAllDirty();
    const months = await this.repo.dirtyMonths();
    const resources = new Set<string>();
    for (const month of months) for (const id of await this.repo.recomputeMonth(month)) resources.add(id);
    await this.repo.syncSearchCounters(options.all ? 'all' : 'unset');
    await this.repo.deleteSaltsBefore(chinaDay(new Date(Date.now() - DAY)));
    return { months: months.map(monthLabel), resources: resources.size };
  }

  /**
   * A resource's usage, all time and per month, for its landing page: public wherever the page is
   * (listed resources, older versions, tombstones); restricted ones only for their providers (404).
   */
  async resourceUsage(ctx: Ctx, id: string): Promise<ResourceUsage> {
    const resource = await this.repo.findResource(id);
    if (!resource || !(isListed(resource) || metadataVisible(resource, { provider: await this.isProvider(ctx, resource.subjectId) }))) {
      throw new AppError('portal.not_found');
    }
    const rows = await this.repo.resourceMonths(id);
    if (rows.length === 0) return { totals: { ...ZERO_COUNTS }, months: [] };
    const now = monthLabel(monthStart(new Date()));
    const last = monthLabel(rows[rows.length - 1]!.month);
    return series(rows, monthLabel(rows[0]!.month), last > now ? last : now);
  }

  /** All-time counts of several resources (search results, lists); absent ones are zero. */
  async countsOf(resourceIds: string[]): Promise<Map<string, UsageCounts>> {
    const rows = await this.repo.resourceTotals(resourceIds);
    const byId = new Map(rows.map((row) => [row.resourceId, presentCounts(row)]));
    return new Map(resourceIds.map((id) => [id, byId.get(id) ?? { ...ZERO_COUNTS }]));
  }

  /** A resource's all-time use for its landing page: regular and machine together, robots never. */
  async landingTotals(resourceId: string): Promise<UsageTotals> {
    const [row] = await this.repo.resourceTotals([resourceId]);
    return presentLandingTotals(row);
  }

  /**
   * Figures per month of a resource, subject, project, unit (subjects led within its subtree), program
   * or platform, counting only the subjects the actor may read (DESIGN §4); 403 when that is none.
   */
  async summary(ctx: Ctx, query: SummaryQuery): Promise<UsageSummary> {
    authorize(ctx.actor, 'usage.summary', null);
    const to = query.to ?? monthLabel(monthStart(new Date()));
    const from = query.from ?? monthsBefore(to, 11);
    if (from > to) throw fieldError('usage.bad_period', '/from', { max: MAX_MONTHS });
    if (monthRange(from, to).length > MAX_MONTHS) throw fieldError('usage.bad_period', '/to', { max: MAX_MONTHS });
    if (!(await this.repo.exists(query.level, query.id))) throw new AppError(NOT_FOUND[query.level]);
    const visibility = subjectVisibility(ctx.actor)!;
    const scope = await this.repo.subjectScope(query.level, query.id, visibility);
    if (scope.visible === 0 && !visibility.all) throw new AppError('auth.forbidden');
    const rows = await this.repo.summary(query.level, query.id, `${from}-01`, `${to}-01`, visibility);
    return { level: query.level, id: query.id, from, to, partial: scope.visible < scope.total, ...series(rows, from, to) };
  }

  private async isProvider(ctx: Ctx, subjectId: string): Promise<boolean> {
    if (!ctx.actor) return false;
    const subject = await new RegistryRepository(this.db).findSubject(subjectId);
    return subject !== undefined && can(ctx.actor, 'subject.read', await subjectRef(this.db, subject));
  }
}

/** Every month of [from, to] (zero where nothing was used) and their sum. */
function series(rows: Array<MonthlyCounts & { month: string }>, from: string, to: string): ResourceUsage {
  const byMonth = new Map(rows.map((row) => [monthLabel(row.month), presentCounts(row)]));
  const months = monthRange(from, to).map((month) => ({ month, ...(byMonth.get(month) ?? ZERO_COUNTS) }));
  const totals = months.reduce<UsageCounts>((sum, { month: _month, ...counts }) => addCounts(sum, counts), { ...ZERO_COUNTS });
  return { totals, months };
}
