import { chinaDate } from '../../platform/china-time';
import { el, type XmlElement } from './xml';
import { accessRight, creatorsOf, dcmiType, descriptionOf, fieldOf, kindLabel, licenceOf, str, strings, typeLabel, valueTexts, type InteropRecord } from './interop-record';

export const OAI_DC_NS = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const OAI_DC_SCHEMA = 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const DC_ELEMENTS = ['title', 'creator', 'subject', 'description', 'publisher', 'contributor', 'date', 'type', 'format', 'identifier', 'source', 'language', 'relation', 'coverage', 'rights'] as const;
type DcElement = (typeof DC_ELEMENTS)[number];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Fields the core mapping carries; the standard's `dc` crosswalk maps the others. Contact details stay out. */
const CORE_FIELDS = new Set(['titleZh', 'titleEn', 'descriptionZh', 'descriptionEn', 'keywordsZh', 'keywordsEn', 'discipline', 'language', 'creators', 'contact', 'bookingContact', 'subjectCode', 'programName', 'dateCreated', 'licence', 'sharingMode', 'relatedIdentifiers']);

/** Simple Dublin Core (oai_dc) of a resource version: core fields, then whatever the standard's crosswalk maps. */
export function oaiDc(record: InteropRecord, today = chinaDate()): XmlElement {
  const m = record.metadata;
  const values: Array<{ name: DcElement; value: string; lang?: string }> = [];
  const add = (name: DcElement, value: string | null | undefined, lang?: string) => {
    if (value && value.trim() && !values.some((v) => v.name === name && v.value === value.trim())) values.push({ name, value: value.trim(), lang });
  };
  add('title', record.titleZh, 'zh');
  add('title', str(m.titleEn), 'en');
  for (const creator of creatorsOf(record)) add('creator', creator.name);
  for (const keyword of strings(m.keywordsZh)) add('subject', keyword, 'zh');
  for (const keyword of strings(m.keywordsEn)) add('subject', keyword, 'en');
  add('subject', valueTexts(record, 'discipline')[0], 'zh');
  add('description', descriptionOf(record, 'zh'), 'zh');
  add('description', descriptionOf(record, 'en'), 'en');
  if (record.status === 'withdrawn') add('description', `已撤回：${record.withdrawalReason ?? ''}`, 'zh');
  add('publisher', record.context.platformNameZh, 'zh');
  add('date', chinaDate(record.releasedAt));
  add('type', dcmiType(record.resourceType));
  add('type', kindLabel(record) ?? typeLabel(record).zh, 'zh');
  for (const mediaType of new Set(record.files.map((f) => f.mediaType))) add('format', mediaType);
  add('identifier', record.cstr);
  add('identifier', record.url);
  const language = str(m.language);
  if (language === 'zh' || language === 'zh-en') add('language', 'zh');
  if (language === 'en' || language === 'zh-en') add('language', 'en');
  add('relation', `${record.context.programTitle}：${record.context.subjectCode}`, 'zh');
  for (const related of Array.isArray(m.relatedIdentifiers) ? (m.relatedIdentifiers as Array<Record<string, unknown>>) : []) add('relation', str(related?.identifier));
  for (const version of record.versions) if (version.id !== record.id) add('relation', version.cstr);
  const licence = licenceOf(record);
  if (licence) add('rights', licence.uri ?? licence.label.zh);
  add('rights', accessRight(record, today).uri);

  for (const [key, target] of Object.entries(record.document?.crosswalk?.dc ?? {})) {
    const name = target.replace(/^dc:/, '') as DcElement;
    if (CORE_FIELDS.has(key) || !DC_ELEMENTS.includes(name) || !fieldOf(record, key)) continue;
    const label = fieldOf(record, key)?.['x-label']?.zh ?? key;
    for (const text of valueTexts(record, key)) {
      const value = name === 'description' || name === 'format' || name === 'coverage' ? `${label}：${text}` : text;
      add(name, value, CJK.test(value) ? 'zh' : undefined);
    }
  }

  // oai_dc.xsd is a sequence of choices, so the elements may come in any order; grouped reads better.
  values.sort((a, b) => DC_ELEMENTS.indexOf(a.name) - DC_ELEMENTS.indexOf(b.name));
  return el('oai_dc:dc', {
    'xmlns:oai_dc': OAI_DC_NS, 'xmlns:dc': DC_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${OAI_DC_NS} ${OAI_DC_SCHEMA}`,
  }, values.map((v) => el(`dc:${v.name}`, v.lang ? { 'xml:lang': v.lang } : {}, v.value)));
}
