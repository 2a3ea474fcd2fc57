import { FACET_NAMES, SORTS, type FacetName, type SearchSort } from './portal-types';

export const DEFAULT_PAGE_SIZE = 20;

/** A portal search as the page URL and the API both spell it (docs/portal.md, "Search query"). */
export interface SearchQuery {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  /** null: the default (relevance with a query, else newest). */
  sort: SearchSort | null;
  page: number;
  pageSize: number;
}

const isSort = (value: string | null): value is SearchSort => value !== null && (SORTS as readonly string[]).includes(value);

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}

/** Reads a search from a URL query string; unknown or malformed parameters are ignored. */
export function parseSearch(params: URLSearchParams): SearchQuery {
  const filters: SearchQuery['filters'] = {};
  for (const name of FACET_NAMES) {
    const values = [...new Set(params.getAll(name).filter((v) => v !== ''))];
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: isSort(sort) ? sort : null,
    page: positiveInt(params.get('page'), 1, 1000),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 50),
  };
}

/** The canonical query string of a search (no defaults, filters in facet order): the page URL and the API request use it. */
export function searchParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const name of FACET_NAMES) for (const value of query.filters[name] ?? []) params.append(name, value);
  if (query.sort) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(query.pageSize));
  return params;
}

/** The order results come in: relevance needs words to rank by. */
export function effectiveSort(query: Pick<SearchQuery, 'q' | 'sort'>): SearchSort {
  if (query.sort === 'relevance' && !query.q) return 'newest';
  return query.sort ?? (query.q ? 'relevance' : 'newest');
}

/** Adds or removes one facet value; any change of filters starts again at page 1. */
export function toggleFilter(query: SearchQuery, name: FacetName, value: string): SearchQuery {
  const current = query.filters[name] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...query.filters };
  if (next.length > 0) filters[name] = next;
  else delete filters[name];
  return { ...query, filters, page: 1 };
}

export function activeFilters(query: SearchQuery): Array<{ name: FacetName; value: string }> {
  return FACET_NAMES.flatMap((name) => (query.filters[name] ?? []).map((value) => ({ name, value })));
}

export function withSearch(query: SearchQuery, patch: Partial<SearchQuery>): SearchQuery {
  return { ...query, page: 1, ...patch };
}
