import { PAGE_SIZES } from '../../components/server-pagination';
import type { SubjectFilter, SubjectStatus } from './registry-types';

export const PLAN_FILTER_STATUSES = ['none', 'draft', 'unit_review', 'platform_review', 'returned', 'approved'] as const;
export const SUBJECT_STATUSES: readonly SubjectStatus[] = ['active', 'accepted', 'terminated'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
const uuid = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/** The registry filter from the address bar; anything malformed is dropped rather than sent. */
export function parseSubjectFilter(params: URLSearchParams): SubjectFilter {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const region = params.get('regionCode');
  return {
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    programId: uuid(params.get('programId')),
    projectId: uuid(params.get('projectId')),
    platformId: uuid(params.get('platformId')),
    unitId: uuid(params.get('unitId')),
    regionCode: region && /^\d{6}$/.test(region) ? region : undefined,
    status: oneOf(params.get('status'), SUBJECT_STATUSES),
    planStatus: oneOf(params.get('planStatus'), PLAN_FILTER_STATUSES),
    overdue: params.get('overdue') === 'true' || undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The filter as address-bar parameters, leaving out defaults so links stay short. */
export function subjectFilterParams(filter: SubjectFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    if (key === 'page' && value === 1) continue;
    if (key === 'pageSize' && value === 20) continue;
    params.set(key, String(value));
  }
  return params;
}

/** True when any narrowing filter is set (page and size do not count). */
export function hasFilters(filter: SubjectFilter): boolean {
  const { page: _page, pageSize: _pageSize, ...rest } = filter;
  return Object.values(rest).some((value) => value !== undefined);
}
