import { chinaYear } from '../../platform/china-time';
import { hanVectorLiteral, latinText } from './segmenter';

/** What the index knows of one listed resource, before segmentation. */
export interface DocumentSource {
  id: string;
  resourceType: string;
  platformOrgId: string;
  discipline: string | null;
  programCode: string;
  projectCode: string | null;
  subjectCode: string;
  leadUnitId: string;
  regionCode: string;
  sharingMode: string;
  licence: string;
  cstr: string;
  doi: string | null;
  releasedAt: Date;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string | null;
  descriptionEn: string | null;
  keywordsZh: string[];
  keywordsEn: string[];
  /** Lesser text (creators, units, species…): found, ranked lowest. */
  extra: string[];
}

/** A row of resource_search, with the parts its tsvector is built from in SQL. */
export interface SearchDocument {
  id: string;
  resourceType: string;
  platformOrgId: string;
  discipline: string | null;
  programCode: string;
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
  doi: string | null;
  subjectCode: string;
  identifiers: string[];
  releasedAt: Date;
  /** tsvector literal of the jieba-segmented Han text, weighted. */
  hanVector: string;
  /** Latin-script text by weight, stemmed by PostgreSQL's English configuration. */
  latinA: string;
  latinB: string;
  latinD: string;
}

/** GB/T 2260 province of a region code: its first two digits + 0000. */
export function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/** A DOI without resolver prefix, lower-cased (DOIs are case-insensitive). */
export function normaliseDoi(doi: string): string {
  return doi.trim().replace(/^(doi:\s*|https?:\/\/(dx\.)?doi\.org\/)/i, '').toLowerCase();
}

const latinOf = (texts: Array<string | null | undefined>) => texts.filter((t): t is string => !!t).map(latinText).filter(Boolean).join(' ');

/** Segments a resource's text and derives its facet values: the one place a search row is built. */
export function buildDocument(source: DocumentSource): SearchDocument {
  const keywordsZh = source.keywordsZh.join('；');
  const keywordsEn = source.keywordsEn.join('; ');
  const extra = source.extra.join('；');
  const identifiers = [source.cstr, source.doi ? normaliseDoi(source.doi) : null, source.subjectCode, source.projectCode, source.programCode]
    .filter((id): id is string => !!id)
    .map((id) => id.trim().toLowerCase());
  return {
    id: source.id,
    resourceType: source.resourceType,
    platformOrgId: source.platformOrgId,
    discipline: source.discipline,
    programCode: source.programCode,
    leadUnitId: source.leadUnitId,
    provinceCode: provinceOf(source.regionCode),
    year: chinaYear(source.releasedAt),
    sharingMode: source.sharingMode,
    licence: source.licence,
    titleZh: source.titleZh,
    titleEn: source.titleEn,
    descriptionZh: source.descriptionZh,
    descriptionEn: source.descriptionEn,
    keywordsZh: source.keywordsZh,
    keywordsEn: source.keywordsEn,
    cstr: source.cstr,
    doi: source.doi ? normaliseDoi(source.doi) : null,
    subjectCode: source.subjectCode,
    identifiers: [...new Set(identifiers)],
    releasedAt: source.releasedAt,
    hanVector: hanVectorLiteral([
      { text: source.titleZh, weight: 'A' },
      { text: source.titleEn, weight: 'A' },
      { text: keywordsZh, weight: 'A' },
      { text: source.descriptionZh, weight: 'B' },
      { text: source.descriptionEn, weight: 'B' },
      { text: extra, weight: 'D' },
    ]),
    latinA: latinOf([source.titleZh, source.titleEn, keywordsZh, keywordsEn]),
    latinB: latinOf([source.descriptionZh, source.descriptionEn]),
    latinD: latinOf([extra]),
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);

/** Lesser descriptive fields worth finding a resource by (the rest of a standard's fields are codes, dates, numbers). */
const EXTRA_FIELDS = ['scientificName', 'variety', 'venue', 'publisher', 'manufacturer', 'model', 'compilingUnit', 'managingUnit', 'issuingBody'];

/** The text fields of a resource's metadata (core fields of every standard, DESIGN §3). */
export function metadataText(metadata: unknown): Pick<DocumentSource, 'titleEn' | 'descriptionZh' | 'descriptionEn' | 'keywordsZh' | 'keywordsEn' | 'discipline' | 'doi' | 'extra'> {
  const m = (metadata && typeof metadata === 'object' ? metadata : {}) as Record<string, unknown>;
  const creators = Array.isArray(m.creators) ? (m.creators as Array<Record<string, unknown>>).flatMap((c) => [text(c?.name), text(c?.unit)]) : [];
  return {
    titleEn: text(m.titleEn),
    descriptionZh: text(m.descriptionZh),
    descriptionEn: text(m.descriptionEn),
    keywordsZh: texts(m.keywordsZh),
    keywordsEn: texts(m.keywordsEn),
    discipline: text(m.discipline),
    doi: text(m.doi),
    extra: [...creators, ...texts(m.authors), ...EXTRA_FIELDS.map((f) => text(m[f]))].filter((t): t is string => !!t),
  };
}
