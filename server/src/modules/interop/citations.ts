import { chinaDate, chinaYear } from '../../platform/china-time';

/**
 * What a citation of a released resource needs. `publisher` is the platform that publishes the
 * record; the optional bibliographic fields come from the type's metadata (see citationRecordOf).
 */
export interface CitationRecord {
  creators: Array<{ name: string }>;
  title: string;
  titleEn?: string;
  /** The domain platform's name: who makes the resource available. */
  publisher: string;
  year: number;
  /** `CSTR:{RA}.{type}.{id}`. */
  cstr: string;
  /** The landing page. */
  url: string;
  resourceType: string;
  versionNo: number;
  /** ISO timestamp of the release of this version. */
  releasedAt: string;
  /** publication: journal_article | conference_paper | monograph | thesis; patent_standard: patent | standard. */
  kind?: string;
  /** Journal or proceedings title (publications). */
  venue?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  /** The book's or thesis's own publisher / degree-granting body, when it is not the platform. */
  originalPublisher?: string;
  /** Patent number, standard number or report number. */
  number?: string;
  /** Date of grant / issue (patents, standards), YYYY-MM-DD. */
  issued?: string;
  doi?: string;
  /** The reader's citation date (GB/T 7714 [引用日期]), YYYY-MM-DD; today in China when absent. */
  accessed?: string;
}

export type CitationFormat = 'gbt7714' | 'bibtex' | 'ris';
export const CITATION_FORMATS: readonly CitationFormat[] = ['gbt7714', 'bibtex', 'ris'];

/** The media type and file extension each format is served with. */
export const CITATION_MEDIA: Record<CitationFormat, { type: string; extension: string }> = {
  gbt7714: { type: 'text/plain; charset=utf-8', extension: 'txt' },
  bibtex: { type: 'text/plain; charset=utf-8', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Which kind of document the record is, in the terms the three formats share. */
function documentKind(record: CitationRecord): 'dataset' | 'report' | 'article' | 'proceedings' | 'book' | 'thesis' | 'patent' | 'standard' | 'other' {
  switch (record.resourceType) {
    case 'data':
      return 'dataset';
    case 'report':
      return 'report';
    case 'publication':
      if (record.kind === 'conference_paper' && record.venue) return 'proceedings';
      if (record.kind === 'thesis') return 'thesis';
      if (record.kind === 'monograph') return 'book';
      return record.kind === 'journal_article' || !record.kind ? 'article' : 'other';
    case 'patent_standard':
      return record.kind === 'standard' ? 'standard' : 'patent';
    default:
      return 'other';
  }
}

/** GB/T 7714-2015 Appendix B document type codes; every record is cited from its online landing page (/OL). */
const GBT_TYPE_CODES = { dataset: 'DS', report: 'R', article: 'J', proceedings: 'C', book: 'M', thesis: 'D', patent: 'P', standard: 'S', other: 'Z' } as const;

/** Main creators: the first three, then “等” (“et al.” for non-Chinese names); “佚名” when there is none (GB/T 7714 8.1). */
function gbtCreators(creators: Array<{ name: string }>): string {
  const names = creators.map((c) => c.name.trim()).filter(Boolean);
  if (names.length === 0) return '佚名';
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')}, ${CJK.test(names[0]!) ? '等' : 'et al'}`;
}

/** Joins the parts of a reference with “. ”, each part ending in exactly one full stop. */
function sentences(parts: Array<string | null | undefined | false>): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.trim().replace(/[.。]+$/, ''))
    .join('. ')
    .concat('.');
}

/**
 * The reference in GB/T 7714-2015 form (信息与文献 参考文献著录规则), e.g. for a dataset:
 * `作者. 题名[DS/OL]. 出版者, 年[引用日期]. URL. CSTR:….` Online resources omit the place of
 * publication (8.4.1.3); the first version is not stated (8.3), later ones as `V{n}`; the CSTR
 * stands where the standard puts the persistent identifier (after a DOI when there is one).
 */
export function gbt7714(record: CitationRecord): string {
  const kind = documentKind(record);
  const code = `[${GBT_TYPE_CODES[kind]}/OL]`;
  const accessed = `[${record.accessed ?? chinaDate()}]`;
  const title = record.title.trim().replace(/[.。]+$/, '');
  const version = record.versionNo > 1 ? `V${record.versionNo}` : null;
  const identifiers = [record.url, record.doi ? `DOI:${record.doi}` : null, record.cstr || null];
  const creators = gbtCreators(record.creators);
  const numbered = record.number ? `${title}: ${record.number}${code}` : `${title}${code}`;
  switch (kind) {
    case 'article': {
      const volume = [record.volume, record.issue ? `(${record.issue})` : ''].join('');
      const issue = [record.venue, String(record.year), volume || null].filter(Boolean).join(', ');
      return sentences([creators, `${title}${code}`, `${issue}${record.pages ? `: ${record.pages}` : ''}${accessed}`, ...identifiers]);
    }
    case 'proceedings':
      return sentences([creators, `${title}${code}//${record.venue}`, `${record.originalPublisher ?? record.publisher}, ${record.year}${record.pages ? `: ${record.pages}` : ''}${accessed}`, ...identifiers]);
    case 'patent':
      return sentences([creators, numbered, `${record.issued ?? chinaDate(new Date(record.releasedAt))}${accessed}`, ...identifiers]);
    case 'book':
    case 'thesis':
      return sentences([creators, `${title}${code}`, version, `${record.originalPublisher ?? record.publisher}, ${record.year}${accessed}`, ...identifiers]);
    case 'standard':
    case 'report':
      return sentences([creators, numbered, version, `${record.originalPublisher ?? record.publisher}, ${record.year}${accessed}`, ...identifiers]);
    default:
      return sentences([creators, `${title}${code}`, version, `${record.publisher}, ${record.year}${accessed}`, ...identifiers]);
  }
}

/** Escapes text for a BibTeX field value in braces: LaTeX specials become commands, braces are balanced. */
export function bibtexEscape(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/[\\{}$&%#_^~]/g, (c) => {
      switch (c) {
        case '\\':
          return '\\textbackslash{}';
        case '^':
          return '\\textasciicircum{}';
        case '~':
          return '\\textasciitilde{}';
        default:
          return `\\${c}`;
      }
    })
    .trim();
}

/** A citation key that never changes: the CSTR (which is minted once), lower-cased, in key-safe characters. */
export function citationKey(record: Pick<CitationRecord, 'cstr' | 'year'>): string {
  const id = record.cstr.replace(/^CSTR:/i, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '_');
  return id ? `cstr:${id}` : `huijiao:${record.year}`;
}

/** A BibTeX (biblatex-compatible) entry: @dataset for data, @techreport, @article, @book, … and @misc otherwise. */
export function bibtex(record: CitationRecord): string {
  const kind = documentKind(record);
  const type = { dataset: 'dataset', report: 'techreport', article: 'article', proceedings: 'inproceedings', book: 'book', thesis: 'phdthesis', patent: 'patent', standard: 'misc', other: 'misc' }[kind];
  const names = record.creators.map((c) => c.name.trim()).filter(Boolean);
  const fields: Array<[string, string | undefined]> = [
    ['author', names.length ? names.map((n) => (/[\s,]/.test(n) && CJK.test(n) ? `{${bibtexEscape(n)}}` : bibtexEscape(n))).join(' and ') : undefined],
    ['title', `{${bibtexEscape(record.title)}}`],
    ['journal', kind === 'article' ? record.venue && bibtexEscape(record.venue) : undefined],
    ['booktitle', kind === 'proceedings' ? record.venue && bibtexEscape(record.venue) : undefined],
    ['volume', record.volume && bibtexEscape(record.volume)],
    ['number', (kind === 'article' ? record.issue : record.number) && bibtexEscape((kind === 'article' ? record.issue : record.number)!)],
    ['pages', record.pages && bibtexEscape(record.pages).replace(/-+/g, '--')],
    [kind === 'report' ? 'institution' : kind === 'thesis' ? 'school' : 'publisher', bibtexEscape(record.originalPublisher ?? record.publisher)],
    ['year', String(record.year)],
    ['date', kind === 'patent' && record.issued ? record.issued : undefined],
    ['version', record.versionNo > 1 || kind === 'dataset' ? String(record.versionNo) : undefined],
    ['doi', record.doi && bibtexEscape(record.doi)],
    ['url', record.url.replace(/[{}\\%#\s]/g, (c) => encodeURIComponent(c))],
    ['note', record.cstr ? bibtexEscape(record.cstr) : undefined],
  ];
  const body = fields.filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '').map(([name, value]) => `  ${name} = {${value}}`);
  return `@${type}{${citationKey(record)},\n${body.join(',\n')}\n}\n`;
}

/** RIS type tags (RIS specification; DATA and STAND as EndNote and Zotero read them). */
const RIS_TYPES = { dataset: 'DATA', report: 'RPRT', article: 'JOUR', proceedings: 'CPAPER', book: 'BOOK', thesis: 'THES', patent: 'PAT', standard: 'STAND', other: 'GEN' } as const;

/** A RIS record: `TAG  - value` lines with CRLF, ending with `ER  - `. */
export function ris(record: CitationRecord): string {
  const kind = documentKind(record);
  const line = (tag: string, value: string | undefined | null) => (value && value.trim() ? [`${tag}  - ${value.replace(/[\r\n]+/g, ' ').trim()}`] : []);
  const [start, end] = (record.pages ?? '').split(/\s*[-–—]+\s*/);
  const lines = [
    `TY  - ${RIS_TYPES[kind]}`,
    ...record.creators.flatMap((c) => line('AU', c.name)),
    ...line('TI', record.title),
    ...line('TT', record.titleEn),
    ...line(kind === 'article' ? 'JO' : 'T2', kind === 'article' || kind === 'proceedings' ? record.venue : undefined),
    ...line('VL', record.volume),
    ...line('IS', record.issue),
    ...line('SP', start),
    ...line('EP', end),
    ...line('PY', String(record.year)),
    ...line('DA', (kind === 'patent' && record.issued ? record.issued : chinaDate(new Date(record.releasedAt))).replace(/-/g, '/')),
    ...line('PB', record.originalPublisher ?? record.publisher),
    ...line('ET', record.versionNo > 1 || kind === 'dataset' ? `V${record.versionNo}` : undefined),
    ...line(kind === 'patent' ? 'IS' : 'SN', kind === 'patent' || kind === 'standard' || kind === 'report' ? record.number : undefined),
    ...line('DO', record.doi),
    ...line('UR', record.url),
    ...line('N1', record.cstr),
    'ER  - ',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** The citation in one of the formats. */
export function formatCitation(record: CitationRecord, format: CitationFormat): string {
  if (format === 'bibtex') return bibtex(record);
  if (format === 'ris') return ris(record);
  return gbt7714(record);
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/**
 * The citation record of a released resource from its row and metadata (the core fields plus the
 * bibliographic fields of publications, patents, standards and reports).
 */
export function citationRecordOf(input: {
  resource: { resourceType: string; titleZh: string; cstr: string | null; versionNo: number; releasedAt: Date | string | null; createdAt?: Date | string };
  metadata: Record<string, unknown>;
  publisher: string;
  url: string;
  accessed?: string;
}): CitationRecord {
  const { resource, metadata } = input;
  const releasedAt = new Date(resource.releasedAt ?? resource.createdAt ?? Date.now()).toISOString();
  const type = resource.resourceType;
  const creators = Array.isArray(metadata.creators)
    ? (metadata.creators as Array<Record<string, unknown>>).map((c) => ({ name: str(c?.name) ?? '' })).filter((c) => c.name)
    : [];
  const authors = Array.isArray(metadata.authors) ? (metadata.authors as unknown[]).map((a) => ({ name: str(typeof a === 'object' && a ? (a as Record<string, unknown>).name : a) ?? '' })).filter((a) => a.name) : [];
  const kind = type === 'publication' ? str(metadata.publicationKind) : type === 'patent_standard' ? str(metadata.kind) : undefined;
  const year = type === 'publication' && /^\d{4}$/.test(String(metadata.year ?? '')) ? Number(metadata.year) : chinaYear(new Date(releasedAt));
  return {
    creators: type === 'publication' && authors.length ? authors : creators,
    title: resource.titleZh,
    titleEn: str(metadata.titleEn),
    publisher: input.publisher,
    year,
    cstr: resource.cstr ?? '',
    url: input.url,
    resourceType: type,
    versionNo: resource.versionNo,
    releasedAt,
    kind,
    venue: type === 'publication' ? str(metadata.venue) : undefined,
    volume: type === 'publication' ? str(metadata.volume) : undefined,
    issue: type === 'publication' ? str(metadata.issue) : undefined,
    pages: type === 'publication' ? str(metadata.pages) : undefined,
    originalPublisher: type === 'publication' ? str(metadata.publisher) : type === 'patent_standard' && kind === 'standard' ? str(metadata.issuingBody) : undefined,
    number: type === 'report' ? str(metadata.reportNumber) : type === 'patent_standard' ? str(kind === 'standard' ? metadata.standardNumber : metadata.patentNumber) : undefined,
    issued: type === 'patent_standard' ? str(kind === 'standard' ? metadata.issueDate : metadata.grantDate ?? metadata.applicationDate) : undefined,
    doi: type === 'publication' ? str(metadata.doi) : undefined,
    accessed: input.accessed,
  };
}
