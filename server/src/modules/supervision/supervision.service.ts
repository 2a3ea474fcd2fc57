import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { authorize, can } from '../../platform/authz';
import type { Ctx } from '../../platform/context';
import { chinaDate } from '../../platform/china-time';
import { subjectVisibility, type SubjectVisibility } from '../registry/registry.policy';
import type { RegistryService } from '../registry/registry.service';
import { monthRange, monthsBefore } from '../usage/usage-keys';
import { ChartsRepository, type ChartWindow } from './charts.repository';
import { FundingService } from './funding.service';
import { RemindersService } from './reminders.service';
import { buildExport } from './supervision-export';
import { SupervisionRepository, type AsOf, type BreakdownKey, type SortKey, type SupervisionFilter } from './supervision.repository';
import { presentBreakdownRow, presentOverview, presentSubjectRow } from './supervision.presenter';
import type { Breakdown, Charts, Overview, SubjectRow } from './supervision.schemas';

const NOBODY: SubjectVisibility = { all: false, subjectIds: [], unitRoots: [], platformIds: [], provinceDeptIds: [] };
export const MAX_EXPORT_ROWS = 100_000;

/** List options shared by the subjects list and its export. */
export interface ListOptions extends SupervisionFilter {
  overdue?: boolean;
  sort?: SortKey;
  order?: 'asc' | 'desc';
}

const zhCollator = new Intl.Collator('zh-CN');
const asOf = (now: Date): AsOf => ({ now, today: chinaDate(now) });

/** Supervision dashboards, reminders and collection funding (docs/supervision-and-evaluation.md). */
export class SupervisionService {
  readonly reminders: RemindersService;
  readonly funding: FundingService;
  private readonly repo: SupervisionRepository;
  private readonly charts: ChartsRepository;

  constructor(db: Kysely<DB>, config: Config, registry: RegistryService) {
    this.repo = new SupervisionRepository(db);
    this.charts = new ChartsRepository(db);
    this.reminders = new RemindersService(db, config);
    this.funding = new FundingService(db, registry);
  }

  /**
   * The scope of a supervision read: what the actor sees (DESIGN §4), narrowed by the filters. The
   * progress rows of subjects changed since the last refresh are recomputed first (up to one batch of
   * 5 000; after a bulk change the job catches up within minutes), so figures are live.
   */
  private async scope(ctx: Ctx, filter: SupervisionFilter) {
    authorize(ctx.actor, 'supervision.read', null);
    await this.repo.refreshStale({ maxBatches: 1 });
    return this.repo.scope(subjectVisibility(ctx.actor) ?? NOBODY, clean(filter));
  }

  async overview(ctx: Ctx, filter: SupervisionFilter, now = new Date()): Promise<Overview> {
    return presentOverview(await this.repo.overview(await this.scope(ctx, filter), asOf(now)));
  }

  /** The figures per province, lead unit, platform or program, sorted by (Chinese) name. */
  async breakdown(ctx: Ctx, by: BreakdownKey, filter: SupervisionFilter, now = new Date()): Promise<Breakdown> {
    const rows = (await this.repo.breakdown(await this.scope(ctx, filter), asOf(now), by)).map(presentBreakdownRow);
    return { by, rows: rows.sort((a, b) => zhCollator.compare(a.name, b.name) || a.key.localeCompare(b.key)) };
  }

  /** One page of subject rows; canRemind is decided per row by the same policy the reminder checks. */
  async subjects(ctx: Ctx, query: ListOptions & { page: number; pageSize: number }, now = new Date()): Promise<{ total: number; items: SubjectRow[] }> {
    const at = asOf(now);
    const options = listOptions(query);
    const { ids, total } = await this.repo.page(await this.scope(ctx, query), at, { ...options, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    const [details, refs] = await Promise.all([this.repo.details(this.repo.scopeOf(ids), at, options), this.repo.subjectRefs(ids)]);
    const byId = new Map(details.map((d) => [d.id, d]));
    const items = ids.map((id) => byId.get(id)).filter((d) => d !== undefined).map((d) => presentSubjectRow(d, at.today, can(ctx.actor, 'supervision.remind', refs.get(d.id)!)));
    return { total, items };
  }

  /** Every matching row (up to 100 000) as a workbook with sheets 课题 and 汇总, in the same scope. */
  async export(ctx: Ctx, query: ListOptions, now = new Date()): Promise<Buffer> {
    const at = asOf(now);
    const scope = await this.scope(ctx, query);
    const details = await this.repo.details(scope, at, { ...listOptions(query), limit: MAX_EXPORT_ROWS });
    const overview = presentOverview(await this.repo.overview(scope, at));
    return buildExport(details.map((d) => presentSubjectRow(d, at.today, false)), overview);
  }

  /** Monthly series of the last `months` China months (the current one last). */
  async chartData(ctx: Ctx, filter: SupervisionFilter & { months: number }, now = new Date()): Promise<Charts> {
    const scope = await this.scope(ctx, filter);
    const today = chinaDate(now);
    const current = today.slice(0, 7);
    const first = monthsBefore(current, filter.months - 1);
    const months = monthRange(first, current);
    const [year, month] = current.split('-').map(Number) as [number, number];
    const [firstYear, firstMonth] = first.split('-').map(Number) as [number, number];
    const window: ChartWindow = {
      firstDay: `${first}-01`,
      lastDay: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10),
      since: new Date(Date.UTC(firstYear, firstMonth - 1, 1) - 8 * 3_600_000),
      today,
    };
    const [completion, overdue, turnaround, usage] = await Promise.all([
      this.charts.completion(scope, window), this.charts.overdueLines(scope, window), this.charts.turnaround(scope, window), this.charts.usage(scope, window),
    ]);
    const cumulative = (kind: 'planned' | 'delivered', upTo: string) => completion.filter((r) => r.kind === kind && r.month <= upTo).reduce((sum, r) => sum + r.n, 0);
    const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
    return {
      months,
      completion: months.map((m) => ({ month: m, planned: cumulative('planned', m), delivered: cumulative('delivered', m) })),
      overdue: months.map((m) => ({ month: m, lines: overdue.find((r) => r.month === m)?.lines ?? 0 })),
      turnaround: (['unit', 'platform', 'expert'] as const).map((tier) => {
        const row = turnaround.find((r) => r.tier === tier);
        return { tier, count: row?.count ?? 0, meanDays: round2(row?.meanDays ?? null), medianDays: round2(row?.medianDays ?? null) };
      }),
      usage: months.map((m) => {
        const row = usage.find((r) => r.month === m);
        return { month: m, views: row?.views ?? 0, downloads: row?.downloads ?? 0, searchHits: row?.searchHits ?? 0 };
      }),
    };
  }

  /** Recomputes the progress of the subjects changed since the last refresh (job `supervision-progress`). */
  refreshProgress(): Promise<number> {
    return this.repo.refreshStale();
  }

  /** The automatic reminder schedule (job `supervision-reminders`). */
  remindScheduled(now = new Date()): Promise<number> {
    return this.reminders.remindScheduled(now);
  }
}

/** Blank text filters mean no filter. */
function clean(filter: SupervisionFilter): SupervisionFilter {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return { province: filter.province, unitId: filter.unitId, platformId: filter.platformId, programCode: text(filter.programCode), projectCode: text(filter.projectCode), q: text(filter.q) };
}

function listOptions(query: ListOptions): { overdue: boolean; sort: SortKey; order: 'asc' | 'desc' } {
  return { overdue: query.overdue === true, sort: query.sort ?? 'code', order: query.order ?? 'asc' };
}
