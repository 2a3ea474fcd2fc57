import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { isListed } from '../portal/portal-access';
import { buildDocument, metadataText, normaliseDoi } from './search-document';
import { SearchRepository, FACETS, type Facet, type HitRow, type MatchSpec, type SearchSort } from './search.repository';
import { hanQuery, latinText } from './segmenter';
import { snippetOf, type MatchTerms } from './snippet';

export { FACETS, type Facet, type SearchSort } from './search.repository';

/** Totals and facets are counted over at most this many matches (notes/search-at-scale.md). */
export const MATCH_CAP = 1000;

export interface SearchQuery {
  q?: string;
  filters: Partial<Record<Facet, Array<string | number>>>;
  sort?: SearchSort;
  page: number;
  pageSize: number;
}

export type SearchHit = Omit<HitRow, 'descriptionZh' | 'descriptionEn' | 'keywordsZh' | 'keywordsEn'> & { snippet: string };

export interface SearchResult {
  total: number;
  /** More than MATCH_CAP matched: `total` is the cap. */
  totalCapped: boolean;
  /** Facets were counted over the first MATCH_CAP matches only. */
  facetsApproximate: boolean;
  items: SearchHit[];
  facets: Record<Facet, Array<{ value: string; count: number }>>;
}

/**
 * Full-text search over listed resources, behind an interface so a dedicated engine (OpenSearch)
 * can replace PostgreSQL. Writes take the database handle of the caller's transaction, so the index
 * changes with the resource, never after it.
 */
export interface SearchIndex {
  /** Brings a resource's entry up to date: written if it is listed (released, not restricted), removed otherwise. */
  index(db: Kysely<DB>, resourceId: string): Promise<void>;
  /** Removes entries (superseded, withdrawn resources). */
  remove(db: Kysely<DB>, resourceIds: string[]): Promise<void>;
  /** Rebuilds every entry from the resources (idempotent); returns how many are listed. */
  reindexAll(db: Kysely<DB>): Promise<number>;
  search(query: SearchQuery): Promise<SearchResult>;
}

/** Re-indexes resources after a change to them (release, embargo lift, sharing mode): pass the transaction. */
export async function indexResources(db: Kysely<DB>, resourceIds: string[]): Promise<void> {
  if (resourceIds.length === 0) return;
  const repo = new SearchRepository(db);
  const rows = await repo.sources(resourceIds);
  const listed = rows.filter((r) => isListed({ status: r.status, sharingMode: r.sharingMode }) && r.cstr && r.releasedAt);
  const listedIds = new Set(listed.map((r) => r.id));
  await repo.remove(resourceIds.filter((id) => !listedIds.has(id)));
  await repo.upsert(listed.map((r) => buildDocument({
    id: r.id, resourceType: r.resourceType, platformOrgId: r.platformOrgId, programCode: r.programCode, projectCode: r.projectCode, subjectCode: r.subjectCode,
    leadUnitId: r.leadUnitId, regionCode: r.regionCode, sharingMode: r.sharingMode!, licence: r.licence ?? '', cstr: r.cstr!, releasedAt: r.releasedAt!, titleZh: r.titleZh,
    ...metadataText(r.metadata),
  })));
}

/** Re-indexes one resource; the shape the embargo-lift job's `afterEach(trx, id)` expects. */
export function reindexResource(db: Kysely<DB>, resourceId: string): Promise<void> {
  return indexResources(db, [resourceId]);
}

/** Removes resources from the index. */
export function removeFromIndex(db: Kysely<DB>, resourceIds: string[]): Promise<void> {
  return new SearchRepository(db).remove(resourceIds);
}

/** Rebuilds the whole index from the resources, in batches; safe to run again at any time. */
export async function reindexAll(db: Kysely<DB>, batchSize = 200): Promise<number> {
  const repo = new SearchRepository(db);
  await repo.removeUnlisted();
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const ids = await repo.listedIds(after, batchSize);
    if (ids.length === 0) return count;
    await indexResources(db, ids);
    count += ids.length;
    after = ids[ids.length - 1]!;
  }
}

/** At start: builds the index when it is empty but listed resources exist (a data directory from before search). */
export async function reindexIfEmpty(db: Kysely<DB>): Promise<number> {
  const repo = new SearchRepository(db);
  if ((await repo.countIndexed()) > 0 || (await repo.countListed()) === 0) return 0;
  return reindexAll(db);
}

const CSTR_QUERY = /^(?:https?:\/\/cstr\.cn\/|cstr:\s*)?(\w{5}\.\d{2}\.[\w.-]+)$/i;
const DOI_QUERY = /^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)?(10\.\d{4,9}\/\S+)$/i;
const CODE_QUERY = /^\d{4}[A-Z]{2,4}\d{5,9}$/i;

/** The identifier a query is, lower-cased as stored (CSTR, DOI, subject/project/program code), or null for a text query. */
export function identifierQuery(q: string): string[] | null {
  const text = q.trim();
  const cstr = CSTR_QUERY.exec(text);
  if (cstr) return [`cstr:${cstr[1]!.toLowerCase()}`];
  if (DOI_QUERY.test(text)) return [normaliseDoi(text)];
  if (CODE_QUERY.test(text)) return [text.toLowerCase()];
  return null;
}

/** The PostgreSQL implementation: a denormalised table, GIN over jieba + English tsvectors, capped counts. */
export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<DB>, private readonly cap = MATCH_CAP) {}

  index(db: Kysely<DB>, resourceId: string): Promise<void> {
    return reindexResource(db, resourceId);
  }

  remove(db: Kysely<DB>, resourceIds: string[]): Promise<void> {
    return removeFromIndex(db, resourceIds);
  }

  reindexAll(db: Kysely<DB>): Promise<number> {
    return reindexAll(db);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const repo = new SearchRepository(this.db);
    const q = query.q?.trim() ?? '';
    const identifiers = q ? identifierQuery(q) : null;
    const text = q && !identifiers ? q : '';
    const han = hanQuery(text);
    const latin = latinText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const spec: MatchSpec = { han: han.literal, latin, identifiers, filters: query.filters };
    const textQuery = !!(spec.han || spec.latin);
    if (q && !identifiers && !textQuery) return emptyResult(); // only stop words or punctuation
    const sort: SearchSort = query.sort === 'relevance' && !textQuery ? 'newest' : (query.sort ?? (textQuery ? 'relevance' : 'newest'));
    const offset = (query.page - 1) * query.pageSize;

    const set = await repo.matchSet(spec, { cap: this.cap, sort, limit: query.pageSize, offset });
    const capped = set.matched > this.cap;
    // Past the cap, newest and most used come from an ordered index scan (exact); relevance ranks the first matches.
    const ids = capped && sort !== 'relevance' ? await repo.orderedPage(spec, sort, query.pageSize, offset) : set.page;
    const rows = await repo.hits(ids);
    const terms: MatchTerms = { han: new Set(han.words), latin: new Set(latin.toLowerCase().split(' ').filter(Boolean)), stems: set.stems };
    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as Array<{ value: string; count: number }>])) as SearchResult['facets'];
    for (const bucket of set.facets) if (bucket.value !== null) facets[bucket.facet].push({ value: bucket.value, count: bucket.count });
    return {
      total: Math.min(set.matched, this.cap),
      totalCapped: capped,
      facetsApproximate: capped,
      items: rows.map(({ descriptionZh, descriptionEn, keywordsZh, keywordsEn, ...hit }) => ({
        ...hit,
        snippet: snippetOf({ descriptionZh, descriptionEn, keywordsZh, keywordsEn, titleZh: hit.titleZh, titleEn: hit.titleEn }, terms),
      })),
      facets,
    };
  }
}

function emptyResult(): SearchResult {
  return { total: 0, totalCapped: false, facetsApproximate: false, items: [], facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as SearchResult['facets'] };
}
