import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import type { SearchDocument } from './search-document';

/** The facets of DESIGN §8 / docs/portal.md, and the resource_search column each counts. */
export const FACET_COLUMNS = {
  type: 'resource_type',
  platform: 'platform_org_id',
  discipline: 'discipline',
  program: 'program_code',
  unit: 'lead_unit_id',
  province: 'province_code',
  year: 'year',
  sharingMode: 'sharing_mode',
  licence: 'licence',
} as const;
export type Facet = keyof typeof FACET_COLUMNS;
export const FACETS = Object.keys(FACET_COLUMNS) as Facet[];

export type SearchSort = 'relevance' | 'newest' | 'most_used';

/** What narrows the match set: the text query (a tsquery), exact identifiers, facet filters. */
export interface MatchSpec {
  /** tsquery literal of the Han words (may be empty). */
  han: string;
  /** Latin-script words, for plainto_tsquery('english', …) (may be empty). */
  latin: string;
  /** Lower-cased identifier forms: when set, the query matches identifiers instead of text. */
  identifiers: string[] | null;
  filters: Partial<Record<Facet, Array<string | number>>>;
}

const HIT_COLUMNS = sql`id, resource_type, platform_org_id, lead_unit_id, province_code, year, sharing_mode, licence, title_zh, title_en,
  description_zh, description_en, keywords_zh, keywords_en, cstr, released_at, views, downloads`;

export interface HitRow {
  id: string;
  resourceType: string;
  platformOrgId: string;
  leadUnitId: string;
  provinceCode: string;
  year: number;
  sharingMode: string;
  licence: string;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  keywordsZh: string[];
  keywordsEn: string[];
  cstr: string;
  releasedAt: Date;
  views: number;
  downloads: number;
}

/** Queries of resource_search: keeping it in step with resources, and searching it. */
export class SearchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The resources, with what their search rows are built from (listed or not: the caller decides). */
  sources(ids: string[]) {
    return this.db
      .selectFrom('resources as r')
      .innerJoin('subjects as s', 's.id', 'r.subjectId')
      .innerJoin('projects as p', 'p.id', 's.projectId')
      .innerJoin('programs as g', 'g.id', 'p.programId')
      .select([
        'r.id', 'r.status', 'r.sharingMode', 'r.resourceType', 'r.titleZh', 'r.metadata', 'r.cstr', 'r.licence', 'r.releasedAt',
        's.code as subjectCode', 's.platformOrgId', 's.leadUnitId', 's.regionCode', 'p.code as projectCode', 'g.code as programCode',
      ])
      .where('r.id', 'in', ids)
      .execute();
  }

  /** Ids of listed resources (released, not restricted), in id order after `after`. */
  listedIds(after: string | null, limit: number) {
    let query = this.db.selectFrom('resources').select('id').where('status', '=', 'released').where('sharingMode', '!=', 'restricted').where('cstr', 'is not', null);
    if (after) query = query.where('id', '>', after);
    return query.orderBy('id').limit(limit).execute().then((rows) => rows.map((r) => r.id));
  }

  countListed() {
    return this.db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'released').where('sharingMode', '!=', 'restricted').executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  countIndexed() {
    return this.db.selectFrom('resourceSearch').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
  }

  /** Writes documents (insert or replace); usage counters of existing rows stay. */
  async upsert(documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.db
      .insertInto('resourceSearch')
      .values(documents.map((d) => ({
        id: d.id, resourceType: d.resourceType, platformOrgId: d.platformOrgId, discipline: d.discipline, programCode: d.programCode, leadUnitId: d.leadUnitId,
        provinceCode: d.provinceCode, year: d.year, sharingMode: d.sharingMode, licence: d.licence, titleZh: d.titleZh, titleEn: d.titleEn,
        descriptionZh: d.descriptionZh, descriptionEn: d.descriptionEn, keywordsZh: d.keywordsZh, keywordsEn: d.keywordsEn, cstr: d.cstr, doi: d.doi,
        subjectCode: d.subjectCode, identifiers: d.identifiers, releasedAt: d.releasedAt, indexedAt: new Date(),
        fts: sql<string>`${d.hanVector}::tsvector || setweight(to_tsvector('english', ${d.latinA}), 'A') || setweight(to_tsvector('english', ${d.latinB}), 'B') || setweight(to_tsvector('english', ${d.latinD}), 'D')`,
      })))
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({
        resourceType: eb.ref('excluded.resourceType'), platformOrgId: eb.ref('excluded.platformOrgId'), discipline: eb.ref('excluded.discipline'),
        programCode: eb.ref('excluded.programCode'), leadUnitId: eb.ref('excluded.leadUnitId'), provinceCode: eb.ref('excluded.provinceCode'), year: eb.ref('excluded.year'),
        sharingMode: eb.ref('excluded.sharingMode'), licence: eb.ref('excluded.licence'), titleZh: eb.ref('excluded.titleZh'), titleEn: eb.ref('excluded.titleEn'),
        descriptionZh: eb.ref('excluded.descriptionZh'), descriptionEn: eb.ref('excluded.descriptionEn'), keywordsZh: eb.ref('excluded.keywordsZh'), keywordsEn: eb.ref('excluded.keywordsEn'),
        cstr: eb.ref('excluded.cstr'), doi: eb.ref('excluded.doi'), subjectCode: eb.ref('excluded.subjectCode'), identifiers: eb.ref('excluded.identifiers'),
        releasedAt: eb.ref('excluded.releasedAt'), indexedAt: eb.ref('excluded.indexedAt'), fts: eb.ref('excluded.fts'),
      })))
      .execute();
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.deleteFrom('resourceSearch').where('id', 'in', ids).execute();
  }

  /** Removes rows whose resource is no longer listed (or no longer exists). */
  async removeUnlisted(): Promise<number> {
    const result = await sql`
      DELETE FROM resource_search rs WHERE NOT EXISTS (
        SELECT 1 FROM resources r WHERE r.id = rs.id AND r.status = 'released' AND r.sharing_mode <> 'restricted')`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }

  /**
   * The capped match set in one round trip: how many matched (up to cap + 1), facet counts over the
   * first `cap` matches, and one page of ids ordered within them (exact when fewer than cap match).
   */
  async matchSet(spec: MatchSpec, options: { cap: number; sort: SearchSort; limit: number; offset: number }) {
    const tsq = tsquery(spec);
    const rank = tsq ? sql`ts_rank(fts, ${tsq})` : sql`0::real`;
    const facetColumn = (f: Facet) => sql.raw(FACET_COLUMNS[f]);
    const facetOf = sql.join(FACETS.map((f) => sql`WHEN grouping(${facetColumn(f)}) = 0 THEN ${f}`), sql` `);
    const valueOf = sql.join(FACETS.map((f) => sql`WHEN grouping(${facetColumn(f)}) = 0 THEN ${facetColumn(f)}::text`), sql` `);
    const sets = sql.join(FACETS.map((f) => sql`(${facetColumn(f)})`));
    const { rows } = await sql<{ matched: number; facets: Array<{ facet: Facet; value: string | null; count: number }>; page: string[] | null; stems: string[] }>`
      WITH m AS MATERIALIZED (
        SELECT id, ${rank} AS rank, released_at, downloads, views, ${sql.join(FACETS.map(facetColumn))}
        FROM resource_search WHERE ${where(spec, tsq)} LIMIT ${options.cap + 1}
      ), s AS (SELECT * FROM m LIMIT ${options.cap})
      SELECT (SELECT count(*) FROM m)::int AS matched,
        (SELECT coalesce(json_agg(f), '[]') FROM (
          SELECT CASE ${facetOf} END AS facet, CASE ${valueOf} END AS value, count(*)::int AS count
          FROM s GROUP BY GROUPING SETS (${sets})) f) AS facets,
        (SELECT array_agg(p.id::text ORDER BY p.n) FROM (
          SELECT id, row_number() OVER (ORDER BY ${orderBy(options.sort)}) AS n FROM s
          ORDER BY n LIMIT ${options.limit} OFFSET ${options.offset}) p) AS page,
        ${spec.latin ? sql`tsvector_to_array(to_tsvector('english', ${spec.latin}))` : sql`ARRAY[]::text[]`} AS stems`.execute(this.db);
    const row = rows[0]!;
    return { matched: row.matched, facets: row.facets, page: row.page ?? [], stems: row.stems };
  }

  /** One page of ids in exact global order (newest, most used) when the match set is capped. */
  async orderedPage(spec: MatchSpec, sort: Exclude<SearchSort, 'relevance'>, limit: number, offset: number): Promise<string[]> {
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM resource_search WHERE ${where(spec, tsquery(spec))} ORDER BY ${orderBy(sort)} LIMIT ${limit} OFFSET ${offset}`.execute(this.db);
    return rows.map((r) => r.id);
  }

  /** The stored fields of the hits, in the order given. */
  async hits(ids: string[]): Promise<HitRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await sql<HitRow>`SELECT ${HIT_COLUMNS} FROM resource_search WHERE id = ANY(${ids}::uuid[])`.execute(this.db);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is HitRow => !!r);
  }

  /** Names for facet values and hits: organisations by id, programs by code, provinces by code. */
  async labels(orgIds: string[], programCodes: string[], regionCodes: string[]) {
    const { rows } = await sql<{ kind: 'org' | 'program' | 'region'; key: string; zh: string; en: string | null }>`
      SELECT 'org' AS kind, id::text AS key, name_zh AS zh, name_en AS en FROM organisations WHERE id = ANY(${orgIds}::uuid[])
      UNION ALL SELECT 'program', code, title_zh, title_en FROM programs WHERE code = ANY(${programCodes}::text[])
      UNION ALL SELECT 'region', code, name_zh, name_en FROM regions WHERE code = ANY(${regionCodes}::text[])`.execute(this.db);
    return rows;
  }
}

/** The text query as a tsquery expression: Han lexemes exactly, Latin words stemmed; all must match. */
function tsquery(spec: MatchSpec): RawBuilder<unknown> | null {
  if (spec.identifiers) return null;
  if (spec.han && spec.latin) return sql`(${spec.han}::tsquery && plainto_tsquery('english', ${spec.latin}))`;
  if (spec.han) return sql`${spec.han}::tsquery`;
  if (spec.latin) return sql`plainto_tsquery('english', ${spec.latin})`;
  return null;
}

/** Array types matching the columns, so their indexes serve `= ANY(…)`. */
const COLUMN_TYPES: Partial<Record<Facet, string>> = { platform: 'uuid[]', unit: 'uuid[]', province: 'bpchar[]', year: 'int[]' };

function where(spec: MatchSpec, tsq: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [];
  if (spec.identifiers) conditions.push(sql`identifiers && ${spec.identifiers}::text[]`);
  if (tsq) conditions.push(sql`fts @@ ${tsq}`);
  const years = (spec.filters.year ?? []).map(Number);
  if (years.length > 0) {
    // The year is that of released_at: a range on it lets the newest-first index scan start at the right place.
    const chinaNewYear = (year: number) => new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
    conditions.push(sql`released_at >= ${chinaNewYear(Math.min(...years))} AND released_at < ${chinaNewYear(Math.max(...years) + 1)}`);
  }
  for (const facet of FACETS) {
    const values = spec.filters[facet];
    if (!values || values.length === 0) continue;
    const column = sql.raw(FACET_COLUMNS[facet]);
    const type = sql.raw(COLUMN_TYPES[facet] ?? 'text[]');
    conditions.push(sql`${column} = ANY(${values.map(String)}::${type})`);
  }
  return conditions.length > 0 ? sql.join(conditions, sql` AND `) : sql`true`;
}

function orderBy(sort: SearchSort): RawBuilder<unknown> {
  if (sort === 'relevance') return sql`rank DESC, released_at DESC, id DESC`;
  if (sort === 'most_used') return sql`downloads DESC, views DESC, released_at DESC, id DESC`;
  return sql`released_at DESC, id DESC`;
}
