import { chinaDate } from '../../platform/china-time';
import { el, type XmlElement } from './xml';
import {
  accessRight, bareCstr, creatorsOf, descriptionOf, fieldOf, kindLabel, licenceOf, resourceTypeGeneral, str, strings, typeLabel, valueTexts, type InteropRecord,
} from './interop-record';

export const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
export const DATACITE_SCHEMA = 'http://schema.datacite.org/meta/kernel-4/metadata.xsd';

/**
 * A DataCite kernel 4.7 record in the JSON shape of DataCite's REST API attributes. The XML is
 * rendered from this, so both say the same.
 *
 * Identifier: kernel 4 requires one `<identifier>`, whose documented type is DOI. These resources
 * have a CSTR, not a DOI (the platform mints none; a publication's own DOI is the paper's and goes
 * to alternateIdentifiers, as the standards' crosswalk says). The schema (4.2+) no longer fixes the
 * type, so the record names its real persistent identifier, `identifierType="CSTR"`, rather than
 * inventing a DOI: a DataCite-formatted record for harvesters, not one DataCite could register.
 * The CSTR is repeated as alternateIdentifier (type CSTR) for DOI-minded consumers, and other
 * versions are related by CSTR (`relatedIdentifierType="CSTR"`, in the list since 4.6).
 */
export interface DataCiteRecord {
  id: string;
  doi: null;
  identifier: { identifier: string; identifierType: string };
  url: string;
  types: { resourceTypeGeneral: string; resourceType: string; schemaOrg: string; bibtex: string; ris: string };
  creators: Array<{ name: string; nameType?: 'Personal' | 'Organizational'; nameIdentifiers: Array<{ nameIdentifier: string; nameIdentifierScheme: string; schemeUri: string }>; affiliation: Array<{ name: string }> }>;
  titles: Array<{ title: string; lang: string; titleType?: string }>;
  publisher: { name: string; lang: string };
  publicationYear: number;
  subjects: Array<{ subject: string; lang?: string; subjectScheme?: string; classificationCode?: string }>;
  contributors: Array<{ name: string; contributorType: string }>;
  dates: Array<{ date: string; dateType: string; dateInformation?: string }>;
  language: string | null;
  identifiers: Array<{ identifier: string; identifierType: string }>;
  relatedIdentifiers: Array<{ relatedIdentifier: string; relatedIdentifierType: string; relationType: string; resourceTypeGeneral?: string }>;
  relatedItems: Array<{ relatedItemType: string; relationType: string; titles: Array<{ title: string }>; volume?: string; issue?: string; firstPage?: string; lastPage?: string }>;
  sizes: string[];
  formats: string[];
  version: string;
  rightsList: Array<{ rights: string; rightsUri?: string; rightsIdentifier?: string; rightsIdentifierScheme?: string; schemeUri?: string; lang?: string }>;
  descriptions: Array<{ description: string; descriptionType: string; lang?: string }>;
  geoLocations: Array<{ geoLocationPlace: string }>;
  fundingReferences: Array<{ funderName: string; awardNumber?: string; awardTitle?: string }>;
  schemaVersion: string;
}

const RELATED_TYPES = new Set(['ARK', 'arXiv', 'bibcode', 'CSTR', 'DOI', 'EAN13', 'EISSN', 'Handle', 'IGSN', 'ISBN', 'ISSN', 'ISTC', 'LISSN', 'LSID', 'PMID', 'PURL', 'RAiD', 'RRID', 'SWHID', 'UPC', 'URL', 'URN', 'w3id']);
const RELATION_TYPES = new Set(['IsCitedBy', 'Cites', 'IsSupplementTo', 'IsSupplementedBy', 'IsContinuedBy', 'Continues', 'IsNewVersionOf', 'IsPreviousVersionOf', 'IsPartOf', 'HasPart', 'IsPublishedIn', 'IsReferencedBy', 'References', 'IsDocumentedBy', 'Documents', 'IsCompiledBy', 'Compiles', 'IsVariantFormOf', 'IsOriginalFormOf', 'IsIdenticalTo', 'HasMetadata', 'IsMetadataFor', 'Reviews', 'IsReviewedBy', 'IsDerivedFrom', 'IsSourceOf', 'Describes', 'IsDescribedBy', 'HasVersion', 'IsVersionOf', 'Requires', 'IsRequiredBy', 'Obsoletes', 'IsObsoletedBy', 'Collects', 'IsCollectedBy', 'HasTranslation', 'IsTranslationOf', 'Other']);
const CONTRIBUTOR_TYPES = new Set(['ContactPerson', 'DataCollector', 'DataCurator', 'DataManager', 'Distributor', 'Editor', 'HostingInstitution', 'Other', 'Producer', 'ProjectLeader', 'ProjectManager', 'ProjectMember', 'RegistrationAgency', 'RegistrationAuthority', 'RelatedPerson', 'ResearchGroup', 'RightsHolder', 'Researcher', 'Sponsor', 'Supervisor', 'Translator', 'WorkPackageLeader']);
const DATE_TYPES = new Set(['Accepted', 'Available', 'Collected', 'Copyrighted', 'Coverage', 'Created', 'Issued', 'Other', 'Submitted', 'Updated', 'Valid', 'Withdrawn']);
const DESCRIPTION_TYPES = new Set(['Abstract', 'Methods', 'SeriesInformation', 'TableOfContents', 'TechnicalInfo', 'Other']);

/** Fields the core mapping below already carries; the crosswalk pass handles the rest. */
const CORE_FIELDS = new Set(['titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'keywordsZh', 'keywordsEn', 'discipline', 'language', 'creators', 'subjectCode', 'programName', 'dateCreated', 'licence', 'sharingMode', 'relatedIdentifiers', 'publisher', 'year', 'issuingBody']);

const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ATTRIBUTE = /\[@([\w:]+)='([^']*)'\]/g;

/** Splits a crosswalk target like `subjects/subject[@subjectScheme='IPC']` into its path and attribute tests. */
function parseTarget(target: string): { path: string; attrs: Record<string, string> } {
  const attrs: Record<string, string> = {};
  for (const match of target.matchAll(ATTRIBUTE)) attrs[match[1]!] = match[2]!;
  return { path: target.replace(ATTRIBUTE, ''), attrs };
}

/** Names from a list of strings or of objects with a name (contacts, units, people). */
function names(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (typeof item === 'object' && item !== null ? str((item as Record<string, unknown>).name) : str(item))).filter((v): v is string => v !== null);
}

/** Adds what the standard's DataCite crosswalk maps, for the fields the core mapping does not cover. */
function applyCrosswalk(record: InteropRecord, out: DataCiteRecord): void {
  const crosswalk = record.document?.crosswalk?.datacite ?? {};
  const coverage: Record<string, string> = {};
  const publishedIn: { title?: string; volume?: string; issue?: string } = {};
  for (const [key, target] of Object.entries(crosswalk)) {
    if (CORE_FIELDS.has(key) || !fieldOf(record, key)) continue;
    const value = record.metadata[key];
    if (value === undefined || value === null || value === '') continue;
    const { path, attrs } = parseTarget(target);
    const texts = valueTexts(record, key);
    const label = fieldOf(record, key)?.['x-label']?.zh ?? key;
    switch (path) {
      case 'subjects/subject':
        for (const subject of texts) out.subjects.push({ subject, ...(attrs.subjectScheme ? { subjectScheme: attrs.subjectScheme } : {}) });
        break;
      case 'dates/date': {
        const type = attrs.dateType ?? 'Other';
        if (!DATE_TYPES.has(type)) break;
        const date = str(value);
        if (!date || !DATE_VALUE.test(date)) break;
        if (type === 'Coverage' && /(Start|End)$/.test(key)) coverage[key.endsWith('Start') ? 'start' : 'end'] = date;
        else out.dates.push({ date, dateType: type, ...(type === 'Other' ? { dateInformation: label } : {}) });
        break;
      }
      case 'descriptions/description': {
        const type = attrs.descriptionType ?? 'Other';
        if (DESCRIPTION_TYPES.has(type)) out.descriptions.push({ description: `${label}：${texts.join('；')}`, descriptionType: type, lang: 'zh' });
        break;
      }
      case 'alternateIdentifiers/alternateIdentifier':
        for (const identifier of texts) out.identifiers.push({ identifier, identifierType: attrs.alternateIdentifierType ?? label });
        break;
      case 'contributors/contributor':
        if (CONTRIBUTOR_TYPES.has(attrs.contributorType ?? '')) for (const name of names(value)) out.contributors.push({ name, contributorType: attrs.contributorType! });
        break;
      case 'creators/creator':
      case 'creators/creator/creatorName':
        for (const name of names(value)) if (!out.creators.some((c) => c.name === name)) out.creators.push({ name, nameIdentifiers: [], affiliation: [] });
        break;
      case 'formats/format':
        out.formats.push(...texts);
        break;
      case 'sizes/size':
        out.sizes.push(...texts.map((t) => `${label}：${t}`));
        break;
      case 'geoLocations/geoLocation/geoLocationPlace':
        out.geoLocations.push(...texts.map((geoLocationPlace) => ({ geoLocationPlace })));
        break;
      case 'rightsList/rights':
        out.rightsList.push(...texts.map((rights) => ({ rights: `${label}：${rights}`, lang: 'zh' })));
        break;
      case 'relatedIdentifiers/relatedIdentifier':
        if (RELATED_TYPES.has(attrs.relatedIdentifierType ?? '') && RELATION_TYPES.has(attrs.relationType ?? '')) {
          for (const relatedIdentifier of strings(Array.isArray(value) ? value : [value])) out.relatedIdentifiers.push({ relatedIdentifier, relatedIdentifierType: attrs.relatedIdentifierType!, relationType: attrs.relationType! });
        }
        break;
      case 'resourceType':
        break; // the kind's label is the resourceType text already
      default:
        if (path.startsWith('relatedItems/relatedItem')) {
          if (path.endsWith('/titles/title')) publishedIn.title = texts[0];
          if (path.endsWith('/volume')) publishedIn.volume = texts[0];
          if (path.endsWith('/issue')) publishedIn.issue = texts[0];
        }
    }
  }
  if (coverage.start || coverage.end) out.dates.push({ date: `${coverage.start ?? 'unknown'}/${coverage.end ?? 'open'}`, dateType: 'Coverage' });
  if (publishedIn.title) {
    const [firstPage, lastPage] = (str(record.metadata.pages) ?? '').split(/\s*[-–—]+\s*/);
    out.relatedItems.push({
      relatedItemType: resourceTypeGeneral(record) === 'ConferencePaper' ? 'ConferenceProceeding' : 'Journal', relationType: 'IsPublishedIn', titles: [{ title: publishedIn.title }],
      ...(publishedIn.volume ? { volume: publishedIn.volume } : {}), ...(publishedIn.issue ? { issue: publishedIn.issue } : {}),
      ...(record.resourceType === 'publication' && firstPage ? { firstPage } : {}), ...(record.resourceType === 'publication' && lastPage ? { lastPage } : {}),
    });
  }
}

/** The DataCite record of a resource version (public metadata only: no e-mail addresses or phone numbers). */
export function dataciteRecord(record: InteropRecord, today = chinaDate()): DataCiteRecord {
  const m = record.metadata;
  const general = resourceTypeGeneral(record);
  const licence = licenceOf(record);
  const access = accessRight(record, today);
  const cstr = bareCstr(record.cstr);
  const discipline = str(m.discipline);
  const language = str(m.language);
  const released = chinaDate(record.releasedAt);
  const availableFrom = record.sharingMode === 'embargo' && record.embargoEnd ? record.embargoEnd : released;
  const out: DataCiteRecord = {
    id: record.url,
    doi: null,
    identifier: { identifier: cstr, identifierType: 'CSTR' },
    url: record.url,
    types: {
      resourceTypeGeneral: general, resourceType: kindLabel(record) ?? typeLabel(record).zh,
      schemaOrg: general === 'Dataset' ? 'Dataset' : general === 'Report' ? 'Report' : general === 'JournalArticle' ? 'ScholarlyArticle' : 'CreativeWork',
      bibtex: general === 'Dataset' ? 'misc' : general === 'Report' ? 'techreport' : general === 'JournalArticle' ? 'article' : 'misc',
      ris: general === 'Dataset' ? 'DATA' : general === 'Report' ? 'RPRT' : general === 'JournalArticle' ? 'JOUR' : 'GEN',
    },
    creators: creatorsOf(record).map((c) => ({
      name: c.name, nameType: 'Personal' as const,
      nameIdentifiers: c.orcid ? [{ nameIdentifier: `https://orcid.org/${c.orcid}`, nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' }] : [],
      affiliation: c.unit ? [{ name: c.unit }] : [],
    })),
    titles: [{ title: record.titleZh, lang: 'zh' }, ...(str(m.titleEn) ? [{ title: str(m.titleEn)!, lang: 'en', titleType: 'TranslatedTitle' }] : [])],
    publisher: { name: record.context.platformNameZh, lang: 'zh' },
    // DataCite: the year the resource became available; after an embargo, the year it ends.
    publicationYear: Number(availableFrom.slice(0, 4)),
    subjects: [
      ...strings(m.keywordsZh).map((subject) => ({ subject, lang: 'zh' })),
      ...strings(m.keywordsEn).map((subject) => ({ subject, lang: 'en' })),
      ...(discipline ? [{ subject: valueTexts(record, 'discipline')[0] ?? discipline, lang: 'zh', subjectScheme: 'GB/T 13745', classificationCode: discipline }] : []),
    ],
    contributors: [],
    dates: [
      ...(str(m.dateCreated) && DATE_VALUE.test(str(m.dateCreated)!) ? [{ date: str(m.dateCreated)!, dateType: 'Created' }] : []),
      { date: released, dateType: 'Issued' },
      { date: availableFrom, dateType: 'Available' },
      ...(record.withdrawnAt ? [{ date: chinaDate(record.withdrawnAt), dateType: 'Withdrawn' }] : []),
    ],
    language: language === 'zh' || language === 'zh-en' ? 'zh' : language === 'en' ? 'en' : null,
    identifiers: [{ identifier: cstr, identifierType: 'CSTR' }, { identifier: record.url, identifierType: 'URL' }],
    relatedIdentifiers: [],
    relatedItems: [],
    sizes: record.files.length ? [`${record.files.length} files`, `${record.files.reduce((sum, f) => sum + f.size, 0)} bytes`] : [],
    formats: [...new Set(record.files.map((f) => f.mediaType))],
    version: String(record.versionNo),
    rightsList: [
      ...(licence ? [{ rights: licence.label.zh, lang: 'zh', ...(licence.uri ? { rightsUri: licence.uri, rightsIdentifier: licence.spdx!, rightsIdentifierScheme: 'SPDX', schemeUri: 'https://spdx.org/licenses/' } : {}) }] : []),
      { rights: access.label, rightsUri: access.uri },
    ],
    descriptions: [
      ...(descriptionOf(record, 'zh') ? [{ description: descriptionOf(record, 'zh')!, descriptionType: 'Abstract', lang: 'zh' }] : []),
      ...(descriptionOf(record, 'en') ? [{ description: descriptionOf(record, 'en')!, descriptionType: 'Abstract', lang: 'en' }] : []),
      ...(record.status === 'withdrawn' ? [{ description: `已撤回：${record.withdrawalReason ?? ''}`.trim(), descriptionType: 'Other', lang: 'zh' }] : []),
    ],
    geoLocations: [],
    fundingReferences: [{ funderName: record.funder, awardNumber: record.context.subjectCode, awardTitle: record.context.programTitle }],
    schemaVersion: DATACITE_NS,
  };
  if (out.creators.length === 0) out.creators.push({ name: record.context.unitName, nameType: 'Organizational', nameIdentifiers: [], affiliation: [] });
  const previous = record.versions.filter((v) => v.versionNo < record.versionNo).at(-1);
  const next = record.versions.find((v) => v.versionNo > record.versionNo);
  if (previous) out.relatedIdentifiers.push({ relatedIdentifier: bareCstr(previous.cstr), relatedIdentifierType: 'CSTR', relationType: 'IsNewVersionOf', resourceTypeGeneral: general });
  if (next) out.relatedIdentifiers.push({ relatedIdentifier: bareCstr(next.cstr), relatedIdentifierType: 'CSTR', relationType: 'IsPreviousVersionOf', resourceTypeGeneral: general });
  for (const related of Array.isArray(m.relatedIdentifiers) ? (m.relatedIdentifiers as Array<Record<string, unknown>>) : []) {
    const type = str(related?.type);
    const relation = str(related?.relation);
    const identifier = str(related?.identifier);
    if (!identifier || !type || !relation || !RELATED_TYPES.has(type) || !RELATION_TYPES.has(relation)) continue;
    out.relatedIdentifiers.push({ relatedIdentifier: type === 'CSTR' ? bareCstr(identifier) : identifier, relatedIdentifierType: type, relationType: relation });
  }
  applyCrosswalk(record, out);
  out.formats = [...new Set(out.formats)];
  out.sizes = [...new Set(out.sizes)];
  out.geoLocations = [...new Map(out.geoLocations.map((g) => [g.geoLocationPlace, g])).values()];
  return out;
}

/** The record as kernel-4 XML (`<resource>` root, to validate against metadata.xsd). */
export function dataciteXml(record: DataCiteRecord, options: { schemaLocation?: boolean } = {}): XmlElement {
  const lang = (value: string | undefined) => (value ? { 'xml:lang': value } : {});
  const list = <T>(name: string, items: T[], render: (item: T) => XmlElement) => (items.length ? el(name, {}, items.map(render)) : null);
  return el('resource', {
    xmlns: DATACITE_NS,
    ...(options.schemaLocation === false ? {} : { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${DATACITE_NS} ${DATACITE_SCHEMA}` }),
  },
  el('identifier', { identifierType: record.identifier.identifierType }, record.identifier.identifier),
  el('creators', {}, record.creators.map((c) => el('creator', {},
    el('creatorName', { nameType: c.nameType }, c.name),
    c.nameIdentifiers.map((n) => el('nameIdentifier', { nameIdentifierScheme: n.nameIdentifierScheme, schemeURI: n.schemeUri }, n.nameIdentifier)),
    c.affiliation.map((a) => el('affiliation', {}, a.name))))),
  el('titles', {}, record.titles.map((t) => el('title', { ...lang(t.lang), titleType: t.titleType }, t.title))),
  el('publisher', lang(record.publisher.lang), record.publisher.name),
  el('publicationYear', {}, String(record.publicationYear)),
  el('resourceType', { resourceTypeGeneral: record.types.resourceTypeGeneral }, record.types.resourceType),
  list('subjects', record.subjects, (s) => el('subject', { ...lang(s.lang), subjectScheme: s.subjectScheme, classificationCode: s.classificationCode }, s.subject)),
  list('contributors', record.contributors, (c) => el('contributor', { contributorType: c.contributorType }, el('contributorName', {}, c.name))),
  list('dates', record.dates, (d) => el('date', { dateType: d.dateType, dateInformation: d.dateInformation }, d.date)),
  record.language ? el('language', {}, record.language) : null,
  list('alternateIdentifiers', record.identifiers, (i) => el('alternateIdentifier', { alternateIdentifierType: i.identifierType }, i.identifier)),
  list('relatedIdentifiers', record.relatedIdentifiers, (r) => el('relatedIdentifier', { relatedIdentifierType: r.relatedIdentifierType, relationType: r.relationType, resourceTypeGeneral: r.resourceTypeGeneral }, r.relatedIdentifier)),
  list('sizes', record.sizes, (s) => el('size', {}, s)),
  list('formats', record.formats, (f) => el('format', {}, f)),
  el('version', {}, record.version),
  list('rightsList', record.rightsList, (r) => el('rights', { ...lang(r.lang), rightsURI: r.rightsUri, rightsIdentifier: r.rightsIdentifier, rightsIdentifierScheme: r.rightsIdentifierScheme, schemeURI: r.schemeUri }, r.rights)),
  list('descriptions', record.descriptions, (d) => el('description', { ...lang(d.lang), descriptionType: d.descriptionType }, d.description)),
  list('geoLocations', record.geoLocations, (g) => el('geoLocation', {}, el('geoLocationPlace', {}, g.geoLocationPlace))),
  list('fundingReferences', record.fundingReferences, (f) => el('fundingReference', {}, el('funderName', {}, f.funderName), f.awardNumber ? el('awardNumber', {}, f.awardNumber) : null, f.awardTitle ? el('awardTitle', {}, f.awardTitle) : null)),
  list('relatedItems', record.relatedItems, (r) => el('relatedItem', { relatedItemType: r.relatedItemType, relationType: r.relationType },
    el('titles', {}, r.titles.map((t) => el('title', {}, t.title))),
    r.volume ? el('volume', {}, r.volume) : null, r.issue ? el('issue', {}, r.issue) : null,
    r.firstPage ? el('firstPage', {}, r.firstPage) : null, r.lastPage ? el('lastPage', {}, r.lastPage) : null)));
}
