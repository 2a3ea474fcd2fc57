import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Bilingual } from '../../platform/i18n';
import type { UsageRecorder } from '../usage/usage-event';
import { LICENCES } from '../reviews/review-settings';
import { loadCoreFields, RESOURCE_TYPE_LABELS, type ResourceType } from '../standards/standard-document';
import { FACETS, PostgresSearchIndex, type Facet, type SearchIndex, type SearchQuery, type SearchResult } from './search-index';
import { SearchRepository } from './search.repository';
import type { SearchAnswer, SearchQuerystring } from './search.schemas';

/** Who is searching, for the search-hit usage events. */
export interface SearchClient {
  userId: string | null;
  ip: string;
  userAgent: string;
  machine: boolean;
}

export const SHARING_MODE_LABELS: Record<string, Bilingual> = {
  open: { zh: '公开', en: 'open' },
  registered: { zh: '注册用户', en: 'registered' },
  application: { zh: '申请审批', en: 'application' },
  embargo: { zh: '保护期', en: 'embargo' },
  offline: { zh: '线下', en: 'offline' },
};

/** Facet buckets shown per facet (the most frequent first; years newest first). */
const BUCKETS_PER_FACET = 100;

let disciplineLabels: Map<string, Bilingual> | undefined;
function disciplineLabel(code: string): Bilingual | undefined {
  if (!disciplineLabels) {
    try {
      disciplineLabels = new Map(loadCoreFields().vocabularies.discipline?.terms.map((t) => [t.code, t.label]) ?? []);
    } catch {
      disciplineLabels = new Map();
    }
  }
  return disciplineLabels.get(code);
}

/** The portal's search: listed resources only (the index holds nothing else), labelled facets, counted impressions. */
export class SearchService {
  private readonly repo: SearchRepository;

  constructor(db: Kysely<DB>, private readonly usage: UsageRecorder | null, private readonly index: SearchIndex = new PostgresSearchIndex(db)) {
    this.repo = new SearchRepository(db);
  }

  /** Answers a portal search and records one search hit per returned item. */
  async search(query: SearchQuerystring, client: SearchClient): Promise<SearchAnswer> {
    const filters: SearchQuery['filters'] = {};
    for (const facet of FACETS) {
      const values = query[facet];
      if (values && values.length > 0) filters[facet] = [...new Set<string | number>(values)];
    }
    const result = await this.index.search({ q: query.q, filters, sort: query.sort, page: query.page, pageSize: query.pageSize });
    const answer = await this.present(result);
    for (const item of answer.items) {
      this.usage?.record({ resourceId: item.id, kind: 'search_hit', userId: client.userId, ip: client.ip, userAgent: client.userAgent, machine: client.machine });
    }
    return answer;
  }

  /** Names every facet value and hit: organisations, programs and provinces from the database, the rest from fixed vocabularies. */
  private async present(result: SearchResult): Promise<SearchAnswer> {
    const orgIds = new Set<string>();
    const programCodes = new Set<string>();
    const regionCodes = new Set<string>();
    for (const item of result.items) {
      orgIds.add(item.platformOrgId).add(item.leadUnitId);
      regionCodes.add(item.provinceCode);
    }
    result.facets.platform.forEach((b) => orgIds.add(b.value));
    result.facets.unit.forEach((b) => orgIds.add(b.value));
    result.facets.program.forEach((b) => programCodes.add(b.value));
    result.facets.province.forEach((b) => regionCodes.add(b.value));
    const rows = orgIds.size + programCodes.size + regionCodes.size > 0 ? await this.repo.labels([...orgIds], [...programCodes], [...regionCodes]) : [];
    const names = new Map(rows.map((r) => [`${r.kind}:${r.key.trim()}`, { zh: r.zh, en: r.en ?? r.zh }]));
    const named = (kind: 'org' | 'program' | 'region', key: string): Bilingual => names.get(`${kind}:${key.trim()}`) ?? { zh: key, en: key };

    const label = (facet: Facet, value: string): Bilingual => {
      switch (facet) {
        case 'type': return RESOURCE_TYPE_LABELS[value as ResourceType] ?? { zh: value, en: value };
        case 'platform': case 'unit': return named('org', value);
        case 'program': return named('program', value);
        case 'province': return named('region', value);
        case 'discipline': return disciplineLabel(value) ?? { zh: value, en: value };
        case 'year': return { zh: `${value}年`, en: value };
        case 'sharingMode': return SHARING_MODE_LABELS[value] ?? { zh: value, en: value };
        case 'licence': return LICENCES.find((l) => l.id === value)?.label ?? { zh: value, en: value };
      }
    };
    const facets = Object.fromEntries(FACETS.map((facet) => {
      const buckets = [...result.facets[facet]].sort((a, b) => (facet === 'year' ? Number(b.value) - Number(a.value) : b.count - a.count || a.value.localeCompare(b.value)));
      return [facet, buckets.slice(0, BUCKETS_PER_FACET).map((b) => ({ value: b.value.trim(), label: label(facet, b.value), count: b.count }))];
    })) as SearchAnswer['facets'];

    return {
      total: result.total,
      totalCapped: result.totalCapped,
      facetsApproximate: result.facetsApproximate,
      facets,
      items: result.items.map((hit) => ({
        id: hit.id,
        titleZh: hit.titleZh,
        titleEn: hit.titleEn,
        snippet: hit.snippet,
        resourceType: hit.resourceType,
        typeLabel: label('type', hit.resourceType),
        platform: { id: hit.platformOrgId, name: named('org', hit.platformOrgId) },
        unit: { id: hit.leadUnitId, name: named('org', hit.leadUnitId).zh },
        province: { code: hit.provinceCode.trim(), name: named('region', hit.provinceCode) },
        year: hit.year,
        sharingMode: hit.sharingMode,
        licence: hit.licence,
        cstr: hit.cstr,
        releasedAt: new Date(hit.releasedAt).toISOString(),
        usage: { views: hit.views, downloads: hit.downloads },
      })),
    };
  }
}
