import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { localize, type Bilingual, type Lang } from '../../platform/i18n';
import type { CoreFields, FieldSchema, ResourceType, StandardDocument, Vocabulary } from './standard-document';

/** One field problem in a record, named by its label in the user's language. */
export interface RecordError {
  path: string;
  label: string;
  code: string;
  message: string;
}

const MESSAGES: Record<string, Bilingual> = {
  required: { zh: '{label}为必填项', en: '{label} is required' },
  type: { zh: '{label}的类型应为{type}', en: '{label} must be {type}' },
  'format.date': { zh: '{label}应为日期（YYYY-MM-DD）', en: '{label} must be a date (YYYY-MM-DD)' },
  'format.email': { zh: '{label}应为有效的电子邮箱地址', en: '{label} must be a valid email address' },
  'format.uri': { zh: '{label}应为有效的网址', en: '{label} must be a valid URL' },
  format: { zh: '{label}格式不正确', en: '{label} has an invalid format' },
  pattern: { zh: '{label}格式不正确', en: '{label} has an invalid format' },
  minLength: { zh: '{label}至少需要 {limit} 个字符', en: '{label} needs at least {limit} characters' },
  maxLength: { zh: '{label}最多 {limit} 个字符', en: '{label} allows at most {limit} characters' },
  minimum: { zh: '{label}不能小于 {limit}', en: '{label} must be at least {limit}' },
  maximum: { zh: '{label}不能大于 {limit}', en: '{label} must be at most {limit}' },
  exclusiveMinimum: { zh: '{label}必须大于 {limit}', en: '{label} must be greater than {limit}' },
  minItems: { zh: '{label}至少填写 {limit} 项', en: '{label} needs at least {limit} entries' },
  maxItems: { zh: '{label}最多填写 {limit} 项', en: '{label} allows at most {limit} entries' },
  enum: { zh: '{label}的取值不在允许范围内', en: '{label} has a value that is not allowed' },
  const: { zh: '{label}的取值不在允许范围内', en: '{label} has a value that is not allowed' },
  'x-vocabulary': { zh: '{label}的取值“{value}”不在词表“{vocabulary}”中', en: '{label}: "{value}" is not a term of the vocabulary "{vocabulary}"' },
  additionalProperties: { zh: '不允许的字段“{property}”', en: 'Unknown field "{property}"' },
  uniqueItems: { zh: '{label}含有重复项', en: '{label} has duplicate entries' },
  fallback: { zh: '{label}的取值不正确', en: '{label} is invalid' },
};

const TYPE_NAMES: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  integer: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'yes/no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** Compiled validators for one standard version: one Ajv instance, one function per resource type. */
export class StandardValidator {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly vocabularies: Record<string, Vocabulary>;

  constructor(readonly document: StandardDocument, core: CoreFields) {
    this.vocabularies = { ...core.vocabularies, ...document.vocabularies };
    // verbose: errors carry the failing keyword's schema value (the vocabulary code).
    const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true });
    addFormats(ajv);
    const vocabularies = this.vocabularies;
    ajv.addKeyword({
      keyword: 'x-vocabulary',
      schemaType: 'string',
      errors: true,
      validate: function checkTerm(code: string, data: unknown): boolean {
        const vocabulary = vocabularies[code];
        if (!vocabulary) return false;
        const values = Array.isArray(data) ? data : [data];
        return values.every((value) => typeof value !== 'string' || vocabulary.terms.some((t) => t.code === value));
      },
    });
    for (const [type, definition] of Object.entries(document.resourceTypes)) {
      if (definition) this.validators.set(type, ajv.compile(definition.schema));
    }
  }

  types(): ResourceType[] {
    return Object.keys(this.document.resourceTypes) as ResourceType[];
  }

  schema(type: ResourceType): FieldSchema | undefined {
    return this.document.resourceTypes[type]?.schema;
  }

  vocabulary(code: string): Vocabulary | undefined {
    return this.vocabularies[code];
  }

  /** Validates a record of the type; a draft skips "required" so incomplete work can be saved. */
  validate(type: ResourceType, record: unknown, lang: Lang, options: { partial?: boolean } = {}): RecordError[] {
    const validate = this.validators.get(type);
    const schema = this.schema(type);
    if (!validate || !schema) return [{ path: '/', label: '', code: 'unknown_type', message: localize(MESSAGES.fallback!, lang, { label: type }) }];
    if (validate(record)) return [];
    const errors = (validate.errors ?? []).filter((e) => !['if', 'allOf', 'anyOf', 'oneOf', 'then', 'else'].includes(e.keyword));
    const seen = new Set<string>();
    const result: RecordError[] = [];
    for (const error of errors) {
      if (options.partial && error.keyword === 'required') continue;
      const item = this.describe(error, schema, record, lang);
      const key = `${item.path}:${item.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(item);
    }
    return result;
  }

  private describe(error: ErrorObject, schema: FieldSchema, record: unknown, lang: Lang): RecordError {
    let path = error.instancePath;
    if (error.keyword === 'required') path += `/${String(error.params.missingProperty)}`;
    const label = labelForPath(schema, path, lang);
    const params: Record<string, string | number> = { label };
    if ('limit' in error.params) params.limit = Number(error.params.limit);
    if (error.keyword === 'type') params.type = localize(TYPE_NAMES[String(error.params.type)] ?? { zh: String(error.params.type), en: String(error.params.type) }, lang);
    if (error.keyword === 'additionalProperties') params.property = String(error.params.additionalProperty);
    let key = error.keyword;
    if (error.keyword === 'format') key = MESSAGES[`format.${String(error.params.format)}`] ? `format.${String(error.params.format)}` : 'format';
    if (error.keyword === 'x-vocabulary') {
      const code = String(error.schema);
      const vocabulary = this.vocabularies[code];
      params.vocabulary = vocabulary ? localize(vocabulary.label, lang) : code;
      const value = valueAt(record, error.instancePath);
      params.value = Array.isArray(value) ? value.filter((v) => !vocabulary?.terms.some((t) => t.code === v)).join('、') : String(value);
    }
    return { path: path || '/', label, code: error.keyword, message: localize(MESSAGES[key] ?? MESSAGES.fallback!, lang, params) };
  }
}

/** "责任者 › 第 1 项 › 姓名": the labels along a JSON pointer, in the user's language. */
export function labelForPath(schema: FieldSchema, pointer: string, lang: Lang): string {
  const parts: string[] = [];
  let node: FieldSchema | undefined = schema;
  for (const segment of pointer.split('/').filter(Boolean)) {
    if (!node) break;
    if (/^\d+$/.test(segment) && node.items) {
      parts.push(lang === 'en' ? `item ${Number(segment) + 1}` : `第 ${Number(segment) + 1} 项`);
      node = node.items;
      continue;
    }
    const next: FieldSchema | undefined = node.properties?.[segment];
    parts.push(next?.['x-label'] ? localize(next['x-label'], lang) : segment);
    node = next;
  }
  return parts.join(' › ');
}

function valueAt(record: unknown, pointer: string): unknown {
  let value: unknown = record;
  for (const segment of pointer.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** One row of a standard's field table (what the UI and the templates show). */
export interface FieldRow {
  key: string;
  label: Bilingual;
  help: Bilingual | null;
  type: string;
  required: boolean;
  conditional: boolean;
  vocabulary: string | null;
  group: string | null;
  widget: string | null;
  example: unknown;
}

/** The top-level fields of a type in the standard's order, with whether each is (conditionally) required. */
export function fieldTable(schema: FieldSchema): FieldRow[] {
  const properties = schema.properties ?? {};
  const order = [...(schema['x-order'] ?? []), ...Object.keys(properties).filter((k) => !(schema['x-order'] ?? []).includes(k))];
  const required = new Set(schema.required ?? []);
  const conditional = new Set<string>();
  for (const clause of (schema.allOf as FieldSchema[] | undefined) ?? []) {
    for (const branch of [clause.then, clause.else] as Array<FieldSchema | undefined>) for (const field of branch?.required ?? []) conditional.add(field);
  }
  return order.filter((key) => properties[key]).map((key) => {
    const field = properties[key]!;
    const type = Array.isArray(field.type) ? field.type.join('|') : field.type ?? 'string';
    return {
      key,
      label: field['x-label'] ?? { zh: key, en: key },
      help: field['x-help'] ?? null,
      type: type === 'array' && field.items?.type === 'object' ? 'array<object>' : type === 'array' ? `array<${String(field.items?.type ?? 'string')}>` : field.format === 'date' ? 'date' : type,
      required: required.has(key),
      conditional: !required.has(key) && conditional.has(key),
      vocabulary: field['x-vocabulary'] ?? field.items?.['x-vocabulary'] ?? null,
      group: field['x-group'] ?? null,
      widget: field['x-widget'] ?? null,
      example: field['x-example'] ?? null,
    };
  });
}
