import { Type, type Static, type TSchema } from 'typebox';
import { RESOURCE_TYPES } from '../standards/standard-document';

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const many = <T extends TSchema>(item: T, description: string) => Type.Optional(Type.Array(item, { maxItems: 50, description }));

/** GET /api/portal/search: text, repeatable filters (OR within one, AND across), sort, page (docs/portal.md). */
export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Chinese and/or English words, or a CSTR, DOI or subject code' })),
  type: many(Type.Enum([...RESOURCE_TYPES]), 'resource type'),
  platform: many(Type.String({ format: 'uuid' }), 'domain platform (organisation id)'),
  discipline: many(Type.String({ maxLength: 20 }), 'GB/T 13745 discipline code'),
  program: many(Type.String({ maxLength: 40 }), 'program code'),
  unit: many(Type.String({ format: 'uuid' }), 'lead undertaking unit (organisation id)'),
  province: many(Type.String({ pattern: '^\\d{6}$' }), 'GB/T 2260 province code, e.g. 330000'),
  year: many(Type.Integer({ minimum: 1900, maximum: 9999 }), 'year of release'),
  sharingMode: many(Type.Enum(['open', 'registered', 'application', 'embargo', 'offline']), 'sharing mode'),
  licence: many(Type.String({ maxLength: 40 }), 'licence id'),
  sort: Type.Optional(Type.Enum(['relevance', 'newest', 'most_used'], { description: 'relevance needs q; default relevance with q, else newest' })),
  page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
}, { additionalProperties: false });
export type SearchQuerystring = Static<typeof SearchQuerystring>;

const FacetBuckets = Type.Array(Type.Object({ value: Type.String(), label: Bilingual, count: Type.Integer() }));

export const SearchItem = Type.Object({
  id: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  snippet: Type.String({ description: 'escaped text; the only markup is <mark>…</mark> around matches' }),
  resourceType: Type.String(),
  typeLabel: Bilingual,
  platform: Type.Object({ id: Type.String(), name: Bilingual }),
  unit: Type.Object({ id: Type.String(), name: Type.String() }),
  province: Type.Object({ code: Type.String(), name: Bilingual }),
  year: Type.Integer(),
  sharingMode: Type.String(),
  licence: Type.String(),
  cstr: Type.String(),
  releasedAt: Type.String({ format: 'date-time' }),
  usage: Type.Object({ views: Type.Integer(), downloads: Type.Integer() }),
});

export const SearchAnswer = Type.Object({
  total: Type.Integer(),
  totalCapped: Type.Boolean({ description: 'more than the cap matched: show "1,000+"' }),
  items: Type.Array(SearchItem),
  facets: Type.Object({
    type: FacetBuckets, platform: FacetBuckets, discipline: FacetBuckets, program: FacetBuckets, unit: FacetBuckets,
    province: FacetBuckets, year: FacetBuckets, sharingMode: FacetBuckets, licence: FacetBuckets,
  }),
  facetsApproximate: Type.Boolean({ description: 'counted over the first matches only (see totalCapped)' }),
});
export type SearchAnswer = Static<typeof SearchAnswer>;
