import { PAGE_SIZES } from '../../components/server-pagination';
import { LEVELS, type Level, type ScoreQuery, type ScoreSort } from './evaluation-types';

const SORTS: readonly ScoreSort[] = ['rank', 'total', 'completion', 'sharing'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULTS = { level: 'subject', sort: 'rank', order: 'asc', page: 1, pageSize: 20 } as const;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const text = (value: string | null, max: number) => value?.trim().slice(0, max) || undefined;

/** The ranking of the address bar; anything malformed is dropped rather than sent. */
export function parseScoreQuery(params: URLSearchParams): ScoreQuery {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const province = params.get('province');
  const run = params.get('run');
  const unitId = params.get('unitId');
  const platformId = params.get('platformId');
  return {
    level: oneOf<Level>(params.get('level'), LEVELS) ?? DEFAULTS.level,
    run: run && UUID.test(run) ? run : undefined,
    province: province && /^\d{2}0000$/.test(province) ? province : undefined,
    unitId: unitId && UUID.test(unitId) ? unitId : undefined,
    platformId: platformId && UUID.test(platformId) ? platformId : undefined,
    programCode: text(params.get('programCode'), 50),
    q: text(params.get('q'), 100),
    sort: oneOf(params.get('sort'), SORTS) ?? DEFAULTS.sort,
    order: params.get('order') === 'desc' ? 'desc' : params.get('order') === 'asc' ? 'asc' : DEFAULTS.order,
    page: Number.isInteger(page) && page >= 1 ? page : DEFAULTS.page,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULTS.pageSize,
  };
}

/** The ranking as address-bar parameters, leaving out defaults so links stay short. */
export function scoreQueryParams(query: ScoreQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [keyof ScoreQuery, ScoreQuery[keyof ScoreQuery]][]) {
    if (value === undefined || value === '') continue;
    // The order goes with any sort but the rank's, whose ascending order is the default.
    if (key === 'order' && (query.sort !== 'rank' || value !== 'asc')) {
      params.set(key, String(value));
      continue;
    }
    if (key in DEFAULTS && DEFAULTS[key as keyof typeof DEFAULTS] === value) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The query string of GET /api/evaluation/scores (the level always sent). */
export function scoreApiParams(query: ScoreQuery): URLSearchParams {
  const params = scoreQueryParams(query);
  params.set('level', query.level);
  params.set('page', String(query.page));
  params.set('pageSize', String(query.pageSize));
  return params;
}

/** True when a narrowing filter is set (level, run, sort and page do not count). */
export function hasScoreFilters(query: ScoreQuery): boolean {
  return [query.province, query.unitId, query.platformId, query.programCode, query.q].some((value) => value !== undefined);
}
