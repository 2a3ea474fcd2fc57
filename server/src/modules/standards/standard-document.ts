import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Bilingual } from '../../platform/i18n';

/** The six resource types of DESIGN §3, in display order. */
export const RESOURCE_TYPES = ['data', 'report', 'publication', 'patent_standard', 'instrument', 'physical'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** The six types' names (DESIGN §3), for places that have no standard document at hand. */
export const RESOURCE_TYPE_LABELS: Record<ResourceType, Bilingual> = {
  data: { zh: '科学数据', en: 'Scientific data' },
  report: { zh: '研究实验报告', en: 'Research & experiment report' },
  publication: { zh: '论文论著', en: 'Paper / monograph' },
  patent_standard: { zh: '专利标准', en: 'Patent / standard' },
  instrument: { zh: '大型仪器设备', en: 'Large instrument' },
  physical: { zh: '实物资源', en: 'Physical resource' },
};

export interface VocabularyTerm {
  code: string;
  label: Bilingual;
}
export interface Vocabulary {
  label: Bilingual;
  terms: VocabularyTerm[];
}

/** A JSON Schema node with Huijiao's annotations. */
export interface FieldSchema {
  type?: string | string[];
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  required?: string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  'x-label'?: Bilingual;
  'x-help'?: Bilingual;
  'x-group'?: string;
  'x-widget'?: string;
  'x-vocabulary'?: string;
  'x-example'?: unknown;
  'x-order'?: string[];
  [keyword: string]: unknown;
}

export interface StandardDocument {
  domain: string;
  version: string;
  name: Bilingual;
  description?: Bilingual;
  groups: Array<{ id: string; label: Bilingual }>;
  vocabularies: Record<string, Vocabulary>;
  resourceTypes: Partial<Record<ResourceType, { label: Bilingual; schema: FieldSchema }>>;
  crosswalk?: Record<string, Record<string, string>>;
}

export interface CoreFields {
  version: string;
  groups: Array<{ id: string; label: Bilingual }>;
  vocabularies: Record<string, Vocabulary>;
  properties: Record<string, FieldSchema>;
  required: string[];
}

/** One thing wrong with an uploaded standard, with where it is. */
export interface DocumentProblem {
  path: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export const PROBLEM_MESSAGES = {
  'standard.not_object': { zh: '标准文件须为 JSON 对象', en: 'The standard must be a JSON object' },
  'standard.bad_domain': { zh: '领域标识须为小写字母、数字和连字符', en: 'The domain must be lowercase letters, digits and hyphens' },
  'standard.domain_mismatch': { zh: '领域标识须为“{expected}”', en: 'The domain must be "{expected}"' },
  'standard.bad_version': { zh: '版本号须符合语义化版本（如 1.2.0）', en: 'The version must be semantic (e.g. 1.2.0)' },
  'standard.label_missing': { zh: '缺少中文或英文名称', en: 'A Chinese or English label is missing' },
  'standard.no_types': { zh: '至少须包含一种资源类型', en: 'At least one resource type is required' },
  'standard.unknown_type': { zh: '未知的资源类型“{type}”', en: 'Unknown resource type "{type}"' },
  'standard.invalid_schema': { zh: '不是有效的 JSON Schema 2020-12：{reason}', en: 'Not a valid JSON Schema 2020-12: {reason}' },
  'standard.schema_not_object': { zh: '资源类型的模式须为 object 类型', en: 'A resource type schema must be of type object' },
  'standard.core_field_missing': { zh: '缺少核心字段“{field}”', en: 'Core field "{field}" is missing' },
  'standard.core_field_weakened': { zh: '核心字段“{field}”的约束“{keyword}”被删除或放宽', en: 'Core field "{field}" drops or weakens "{keyword}"' },
  'standard.core_required_dropped': { zh: '核心必填字段“{field}”不能改为选填', en: 'Core required field "{field}" must stay required' },
  'standard.unknown_vocabulary': { zh: '引用了不存在的词表“{vocabulary}”', en: 'Unknown vocabulary "{vocabulary}"' },
  'standard.bad_vocabulary': { zh: '词表须有中英文名称和不重复的术语', en: 'A vocabulary needs zh/en labels and unique terms' },
  'standard.unknown_group': { zh: '引用了不存在的分组“{group}”', en: 'Unknown group "{group}"' },
  'standard.unknown_order_field': { zh: '字段顺序中的“{field}”不存在', en: 'Field "{field}" in the order does not exist' },
  'standard.unknown_crosswalk_field': { zh: '映射中的字段“{field}”不存在', en: 'Crosswalk field "{field}" does not exist' },
} satisfies Record<string, Bilingual>;
export type ProblemCode = keyof typeof PROBLEM_MESSAGES;

/** Annotation keywords: they describe a field, they do not constrain it. */
const ANNOTATIONS = new Set(['x-label', 'x-help', 'x-group', 'x-widget', 'x-example', 'x-order', 'title', 'description', 'default', 'examples']);

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

let coreCache: CoreFields | undefined;

/** The core fields every standard must carry (standards/core/core-fields.json). */
export function loadCoreFields(root = path.resolve('standards')): CoreFields {
  coreCache ??= JSON.parse(fs.readFileSync(path.join(root, 'core', 'core-fields.json'), 'utf8')) as CoreFields;
  return coreCache;
}

/** Compares semantic versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

export function isSemver(value: unknown): value is string {
  return typeof value === 'string' && SEMVER.test(value);
}

const hasLabel = (value: unknown): boolean => {
  const label = value as Partial<Bilingual> | undefined;
  return typeof label?.zh === 'string' && label.zh.trim() !== '' && typeof label.en === 'string' && label.en.trim() !== '';
};

/** A schema validator used only to check that uploaded schemas are themselves valid. */
function metaValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  return ajv;
}

/**
 * Checks an uploaded standard: structure, valid JSON Schema per type, core fields present and not
 * weakened, vocabularies and groups resolvable, labels complete in zh and en. Returns every problem.
 */
export function checkStandardDocument(input: unknown, core: CoreFields, expectedDomain?: string): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path: '/', code: 'standard.not_object' }];
  const doc = input as Partial<StandardDocument>;

  if (typeof doc.domain !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(doc.domain)) problems.push({ path: '/domain', code: 'standard.bad_domain' });
  else if (expectedDomain && doc.domain !== expectedDomain) problems.push({ path: '/domain', code: 'standard.domain_mismatch', params: { expected: expectedDomain } });
  if (!isSemver(doc.version)) problems.push({ path: '/version', code: 'standard.bad_version' });
  if (!hasLabel(doc.name)) problems.push({ path: '/name', code: 'standard.label_missing' });

  const ownVocabularies: Record<string, Partial<Vocabulary>> = isRecord<Partial<Vocabulary>>(doc.vocabularies) ? doc.vocabularies : {};
  const vocabularies: Record<string, unknown> = { ...core.vocabularies, ...ownVocabularies };
  for (const [code, vocabulary] of Object.entries(ownVocabularies)) {
    const terms = Array.isArray(vocabulary?.terms) ? vocabulary.terms : [];
    const codes = terms.map((t) => t?.code);
    const sound = hasLabel(vocabulary?.label) && terms.length > 0 && new Set(codes).size === codes.length
      && terms.every((t) => typeof t?.code === 'string' && t.code !== '' && hasLabel(t.label));
    if (!sound) problems.push({ path: `/vocabularies/${code}`, code: 'standard.bad_vocabulary' });
  }
  const groups = new Set([...core.groups, ...(Array.isArray(doc.groups) ? doc.groups : [])].map((g) => g?.id));
  for (const [index, group] of (Array.isArray(doc.groups) ? doc.groups : []).entries()) {
    if (!hasLabel(group?.label)) problems.push({ path: `/groups/${index}/label`, code: 'standard.label_missing' });
  }

  const types: Record<string, Partial<{ label: Bilingual; schema: FieldSchema }>> = isRecord<Partial<{ label: Bilingual; schema: FieldSchema }>>(doc.resourceTypes) ? doc.resourceTypes : {};
  if (Object.keys(types).length === 0) problems.push({ path: '/resourceTypes', code: 'standard.no_types' });
  const ajv = metaValidator();
  const allFields = new Set<string>();
  for (const [type, definition] of Object.entries(types)) {
    const base = `/resourceTypes/${type}`;
    if (!(RESOURCE_TYPES as readonly string[]).includes(type)) {
      problems.push({ path: base, code: 'standard.unknown_type', params: { type } });
      continue;
    }
    if (!hasLabel(definition?.label)) problems.push({ path: `${base}/label`, code: 'standard.label_missing' });
    const schema = definition?.schema;
    if (!isRecord(schema) || !ajv.validateSchema(schema as object)) {
      const reason = ajv.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ') ?? 'not an object';
      problems.push({ path: `${base}/schema`, code: 'standard.invalid_schema', params: { reason } });
      continue;
    }
    if (schema.type !== 'object' || !isRecord<FieldSchema>(schema.properties)) {
      problems.push({ path: `${base}/schema`, code: 'standard.schema_not_object' });
      continue;
    }
    const properties = schema.properties;
    for (const key of Object.keys(properties)) allFields.add(key);

    for (const [field, coreField] of Object.entries(core.properties)) {
      const own = properties[field];
      const fieldPath = `${base}/schema/properties/${field}`;
      if (!own) problems.push({ path: fieldPath, code: 'standard.core_field_missing', params: { field } });
      else for (const keyword of weakenedKeywords(coreField, own)) problems.push({ path: fieldPath, code: 'standard.core_field_weakened', params: { field, keyword } });
    }
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const field of core.required) {
      if (properties[field] && !required.has(field)) problems.push({ path: `${base}/schema/required`, code: 'standard.core_required_dropped', params: { field } });
    }
    walkProperties(properties, `${base}/schema/properties`, (node, nodePath) => {
      if (!hasLabel(node['x-label'])) problems.push({ path: `${nodePath}/x-label`, code: 'standard.label_missing' });
      for (const candidate of [node, node.items]) {
        const vocabulary = candidate?.['x-vocabulary'];
        if (typeof vocabulary === 'string' && !vocabularies[vocabulary]) problems.push({ path: nodePath, code: 'standard.unknown_vocabulary', params: { vocabulary } });
      }
      const group = node['x-group'];
      if (typeof group === 'string' && !groups.has(group)) problems.push({ path: nodePath, code: 'standard.unknown_group', params: { group } });
    });
    for (const field of Array.isArray(schema['x-order']) ? schema['x-order'] : []) {
      if (!properties[field]) problems.push({ path: `${base}/schema/x-order`, code: 'standard.unknown_order_field', params: { field } });
    }
  }

  for (const [target, mapping] of Object.entries(isRecord<unknown>(doc.crosswalk) ? doc.crosswalk : {})) {
    for (const field of Object.keys(isRecord(mapping) ? mapping : {})) {
      if (!allFields.has(field)) problems.push({ path: `/crosswalk/${target}/${field}`, code: 'standard.unknown_crosswalk_field', params: { field } });
    }
  }
  return problems;
}

/** Keywords of the core field that the standard's field drops or changes (recursing into objects and arrays). */
function weakenedKeywords(core: FieldSchema, own: FieldSchema, prefix = ''): string[] {
  const weakened: string[] = [];
  for (const [keyword, value] of Object.entries(core)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const name = prefix ? `${prefix}.${keyword}` : keyword;
    const mine = own[keyword];
    if (keyword === 'properties' && isRecord(value)) {
      for (const [child, childSchema] of Object.entries(value as Record<string, FieldSchema>)) {
        const ownChild = isRecord(mine) ? (mine as Record<string, FieldSchema>)[child] : undefined;
        if (!ownChild) weakened.push(`${name}.${child}`);
        else weakened.push(...weakenedKeywords(childSchema, ownChild, `${name}.${child}`));
      }
    } else if (keyword === 'items' && isRecord(value)) {
      if (!isRecord(mine)) weakened.push(name);
      else weakened.push(...weakenedKeywords(value as FieldSchema, mine as FieldSchema, name));
    } else if (keyword === 'required' && Array.isArray(value)) {
      const ownRequired = new Set(Array.isArray(mine) ? mine : []);
      if (!value.every((field) => ownRequired.has(field))) weakened.push(name);
    } else if (!isDeepStrictEqual(value, mine)) {
      weakened.push(name);
    }
  }
  return weakened;
}

/** Visits every property schema, nested objects and array items included. */
export function walkProperties(properties: Record<string, FieldSchema>, basePath: string, visit: (node: FieldSchema, path: string, key: string) => void): void {
  for (const [key, node] of Object.entries(properties)) {
    if (!isRecord(node)) continue;
    const nodePath = `${basePath}/${key}`;
    visit(node, nodePath, key);
    if (isRecord(node.properties)) walkProperties(node.properties as Record<string, FieldSchema>, `${nodePath}/properties`, visit);
    if (isRecord(node.items) && isRecord((node.items as FieldSchema).properties)) {
      walkProperties((node.items as FieldSchema).properties as Record<string, FieldSchema>, `${nodePath}/items/properties`, visit);
    }
  }
}

function isRecord<T = unknown>(value: unknown): value is Record<string, T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
