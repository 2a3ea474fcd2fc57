import { PAGE_SIZES } from '../../components/server-pagination';
import type { BreakdownBy, ScopeFilter, SortOrder, SubjectSort } from './supervision-types';

/** Everything the supervision screen keeps in the address bar: the scope filters, the subject list's view, the tab. */
export interface SupervisionQuery extends ScopeFilter {
  overdue?: boolean;
  sort?: SubjectSort;
  order?: SortOrder;
  page: number;
  pageSize: number;
  tab?: 'reminders' | 'settings';
}

/** Where the drill-down stands: the whole country (rows are provinces), one province (rows are units), one unit (its subjects). */
export type DrillLevel = 'national' | 'province' | 'unit';

const SORTS: readonly SubjectSort[] = ['code', 'completion', 'daysToAcceptance', 'overdue'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROVINCE = /^\d{2}0000$/;
const CODE = /^[A-Za-z0-9._-]{1,64}$/;

const uuid = (value: string | null) => (value && UUID.test(value) ? value : undefined);
const code = (value: string | null) => (value && CODE.test(value) ? value : undefined);

/** The query from the address bar; anything malformed is dropped rather than sent. */
export function parseSupervisionQuery(params: URLSearchParams): SupervisionQuery {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const province = params.get('province');
  const sort = params.get('sort');
  const order = params.get('order');
  const tab = params.get('tab');
  return {
    province: province && PROVINCE.test(province) ? province : undefined,
    unitId: uuid(params.get('unitId')),
    platformId: uuid(params.get('platformId')),
    programCode: code(params.get('programCode')),
    projectCode: code(params.get('projectCode')),
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    overdue: params.get('overdue') === 'true' || undefined,
    sort: sort && (SORTS as readonly string[]).includes(sort) ? (sort as SubjectSort) : undefined,
    order: order === 'asc' || order === 'desc' ? order : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    tab: tab === 'reminders' || tab === 'settings' ? tab : undefined,
  };
}

/** The query as address-bar parameters, leaving out defaults so shared links stay short. */
export function supervisionParams(query: SupervisionQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === 20) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The scope filters alone, as every supervision endpoint takes them. */
export function scopeOf(query: ScopeFilter): ScopeFilter {
  const { province, unitId, platformId, programCode, projectCode, q } = query;
  return { province, unitId, platformId, programCode, projectCode, q };
}

export function drillLevel(filter: ScopeFilter): DrillLevel {
  if (filter.unitId) return 'unit';
  if (filter.province) return 'province';
  return 'national';
}

/** What the breakdown groups by at a level; at a unit the subjects themselves are the rows. */
export function breakdownBy(level: DrillLevel): BreakdownBy | null {
  if (level === 'national') return 'province';
  if (level === 'province') return 'unit';
  return null;
}

/** The export link: the same rows as the list (all pages), with the current filters. */
export function exportHref(query: SupervisionQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(scopeOf(query))) if (value) params.set(key, value);
  if (query.overdue) params.set('overdue', 'true');
  const text = params.toString();
  return text ? `/api/supervision/export.xlsx?${text}` : '/api/supervision/export.xlsx';
}

/** The province code a region code belongs to (330106 → 330000). */
export function provinceOf(regionCode: string | null | undefined): string | undefined {
  return regionCode && /^\d{6}$/.test(regionCode) ? `${regionCode.slice(0, 2)}0000` : undefined;
}
