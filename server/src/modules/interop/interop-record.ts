import type { SharingMode } from '../../db/schema';
import { LICENCES } from '../reviews/review-settings';
import { RESOURCE_TYPE_LABELS, type FieldSchema, type ResourceType, type StandardDocument } from '../standards/standard-document';
import { fieldText } from '../portal/field-text';
import type { Bilingual } from '../../platform/i18n';
import { citationRecordOf, type CitationRecord } from './citations';

/**
 * Everything the exports (DataCite, Dublin Core, JSON-LD, citations, BagIt) say about one resource
 * version, gathered once: the row, where it belongs, its standard, files and sibling versions.
 */
export interface InteropRecord {
  id: string;
  lineageId: string;
  versionNo: number;
  status: string;
  resourceType: string;
  titleZh: string;
  metadata: Record<string, unknown>;
  cstr: string;
  sharingMode: SharingMode | string;
  embargoEnd: string | null;
  licence: string | null;
  releasedAt: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  /** Last change (release, supersession, withdrawal, embargo lifted): the OAI-PMH datestamp. */
  updatedAt: Date;
  context: {
    subjectCode: string; subjectTitle: string; projectCode: string; projectTitle: string; programCode: string; programTitle: string; programTitleEn: string | null;
    platformId: string; platformNameZh: string; platformNameEn: string | null; unitId: string; unitName: string;
  };
  document: StandardDocument | null;
  files: Array<{ id: string; path: string; name: string; size: number; mediaType: string; sha256: string }>;
  /** Other versions of the lineage that were released and are not restricted. */
  versions: Array<{ id: string; versionNo: number; status: string; cstr: string }>;
  /** The landing page. */
  url: string;
  /** The body funding the program (the ministry). */
  funder: string;
}

/** Without `CSTR:`: the form typed identifier fields carry (the type names the scheme, as for DOIs). */
export const bareCstr = (cstr: string): string => cstr.replace(/^CSTR:\s*/i, '');

/** Licences with a public legal text: their URI and SPDX identifier. */
export const LICENCE_URIS: Record<string, { uri: string; spdx: string }> = {
  'CC-BY-4.0': { uri: 'https://creativecommons.org/licenses/by/4.0/legalcode', spdx: 'CC-BY-4.0' },
  'CC-BY-NC-4.0': { uri: 'https://creativecommons.org/licenses/by-nc/4.0/legalcode', spdx: 'CC-BY-NC-4.0' },
  'CC-BY-SA-4.0': { uri: 'https://creativecommons.org/licenses/by-sa/4.0/legalcode', spdx: 'CC-BY-SA-4.0' },
  'CC0-1.0': { uri: 'https://creativecommons.org/publicdomain/zero/1.0/legalcode', spdx: 'CC0-1.0' },
};

export function licenceOf(record: Pick<InteropRecord, 'licence'>): { id: string; label: Bilingual; uri: string | null; spdx: string | null } | null {
  if (!record.licence) return null;
  const known = LICENCES.find((l) => l.id === record.licence);
  const uris = LICENCE_URIS[record.licence];
  return { id: record.licence, label: known?.label ?? { zh: record.licence, en: record.licence }, uri: uris?.uri ?? null, spdx: uris?.spdx ?? null };
}

export const SHARING_LABELS: Record<string, Bilingual> = {
  open: { zh: '完全开放', en: 'Open' },
  registered: { zh: '注册用户开放', en: 'Registered users' },
  application: { zh: '申请审批后开放', en: 'On approved application' },
  embargo: { zh: '保护期后开放', en: 'Open after embargo' },
  offline: { zh: '线下共享（联系提供方）', en: 'Offline (contact the provider)' },
  restricted: { zh: '受限', en: 'Restricted' },
};

/** The access right in the info:eu-repo vocabulary that OpenAIRE and most aggregators read. */
export function accessRight(record: Pick<InteropRecord, 'sharingMode' | 'embargoEnd' | 'status'>, today: string): { uri: string; label: string } {
  if (record.status === 'withdrawn') return { uri: 'info:eu-repo/semantics/closedAccess', label: 'Closed Access' };
  if (record.sharingMode === 'open' || (record.sharingMode === 'embargo' && record.embargoEnd && record.embargoEnd <= today)) return { uri: 'info:eu-repo/semantics/openAccess', label: 'Open Access' };
  if (record.sharingMode === 'embargo') return { uri: 'info:eu-repo/semantics/embargoedAccess', label: 'Embargoed Access' };
  return { uri: 'info:eu-repo/semantics/restrictedAccess', label: 'Restricted Access' };
}

export const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : null);
export const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(str).filter((v): v is string => v !== null) : []);

/** The kind within the type (report type, publication kind, patent or standard, …), when the metadata names one. */
export function kindOf(record: Pick<InteropRecord, 'resourceType' | 'metadata'>): string | null {
  const m = record.metadata;
  switch (record.resourceType) {
    case 'publication': return str(m.publicationKind);
    case 'patent_standard': return str(m.kind);
    case 'report': return str(m.reportType);
    case 'instrument': return str(m.instrumentClass);
    case 'physical': return str(m.physicalKind);
    default: return null;
  }
}

/** DataCite resourceTypeGeneral (kernel 4.7 list) of a type and kind. */
export function resourceTypeGeneral(record: Pick<InteropRecord, 'resourceType' | 'metadata'>): string {
  const kind = kindOf(record);
  switch (record.resourceType) {
    case 'data': return 'Dataset';
    case 'report': return 'Report';
    case 'publication':
      return kind === 'conference_paper' ? 'ConferencePaper' : kind === 'monograph' ? 'Book' : kind === 'thesis' ? 'Dissertation' : kind === 'journal_article' ? 'JournalArticle' : 'Text';
    case 'patent_standard': return kind === 'standard' ? 'Standard' : 'Other';
    case 'instrument': return 'Instrument';
    case 'physical': return 'PhysicalObject';
    default: return 'Other';
  }
}

/** DCMI Type vocabulary term (what dc:type carries first). */
export function dcmiType(resourceType: string): string {
  return { data: 'Dataset', report: 'Text', publication: 'Text', patent_standard: 'Text', instrument: 'PhysicalObject', physical: 'PhysicalObject' }[resourceType] ?? 'Text';
}

/** The type's label from the standard, else DESIGN §3's. */
export function typeLabel(record: Pick<InteropRecord, 'resourceType' | 'document'>): Bilingual {
  const type = record.resourceType as ResourceType;
  return record.document?.resourceTypes[type]?.label ?? RESOURCE_TYPE_LABELS[type] ?? { zh: record.resourceType, en: record.resourceType };
}

/** The field's schema in the record's standard. */
export function fieldOf(record: Pick<InteropRecord, 'resourceType' | 'document'>, key: string): FieldSchema | undefined {
  return record.document?.resourceTypes[record.resourceType as ResourceType]?.schema.properties?.[key];
}

/** A metadata value as text (vocabulary codes by label), one string per list item. */
export function valueTexts(record: Pick<InteropRecord, 'resourceType' | 'document' | 'metadata'>, key: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string[] {
  const value = record.metadata[key];
  if (value === undefined || value === null || value === '') return [];
  const field = fieldOf(record, key) ?? {};
  const doc = record.document ?? { vocabularies: {} } as unknown as StandardDocument;
  const items = Array.isArray(value) ? value : [value];
  // A list's vocabulary may sit on the list or on its items.
  const vocabulary = field.items?.['x-vocabulary'] ?? field['x-vocabulary'];
  const itemField: FieldSchema = Array.isArray(value) ? { ...(field.items ?? {}), ...(vocabulary ? { 'x-vocabulary': vocabulary } : {}) } : field;
  return items.map((item) => {
    // A quantity ({ value, unit }) reads as "35 MB", the unit by its label.
    const quantity = item as { value?: unknown; unit?: unknown } | null;
    if (quantity && typeof quantity === 'object' && !Array.isArray(quantity) && Object.keys(quantity).every((k) => k === 'value' || k === 'unit') && quantity.value !== undefined) {
      const unit = quantity.unit === undefined ? '' : fieldText(itemField.properties?.unit ?? {}, doc, quantity.unit, lang);
      return `${String(quantity.value)}${unit ? ` ${unit}` : ''}`;
    }
    return fieldText(itemField, doc, item, lang).trim();
  }).filter(Boolean);
}

/** The kind's label (e.g. 期刊论文, 实验报告), for resourceType text. */
export function kindLabel(record: Pick<InteropRecord, 'resourceType' | 'document' | 'metadata'>): string | null {
  const key = { publication: 'publicationKind', patent_standard: 'kind', report: 'reportType', instrument: 'instrumentClass', physical: 'physicalKind' }[record.resourceType];
  return key ? valueTexts(record, key)[0] ?? null : null;
}

export interface Person { name: string; unit: string | null; orcid: string | null }

/** The core creators (people with unit and ORCID). */
export function creatorsOf(record: Pick<InteropRecord, 'metadata'>): Person[] {
  const list = Array.isArray(record.metadata.creators) ? (record.metadata.creators as Array<Record<string, unknown>>) : [];
  return list.map((c) => ({ name: str(c?.name) ?? '', unit: str(c?.unit), orcid: str(c?.orcid) })).filter((c) => c.name);
}

/** The description in a language, if given. */
export function descriptionOf(record: Pick<InteropRecord, 'metadata'>, lang: 'zh' | 'en'): string | null {
  return str(lang === 'zh' ? record.metadata.descriptionZh : record.metadata.descriptionEn);
}

/** The citation record of this version. */
export function citationOf(record: InteropRecord, accessed?: string): CitationRecord {
  return citationRecordOf({ resource: record, metadata: record.metadata, publisher: record.context.platformNameZh, url: record.url, accessed });
}
