import { localize, type Lang } from '../../platform/i18n';
import type { FieldSchema, StandardDocument } from '../standards/standard-document';

/** A metadata value as a reader sees it: vocabulary codes by their labels, lists joined, people by name and unit. */
export function fieldText(field: FieldSchema, doc: StandardDocument, value: unknown, lang: Lang): string {
  const term = (schema: FieldSchema | undefined, code: unknown) => {
    const vocabulary = schema?.['x-vocabulary'] ?? schema?.items?.['x-vocabulary'];
    const found = vocabulary ? doc.vocabularies[vocabulary]?.terms.find((t) => t.code === code) : undefined;
    return found ? localize(found.label, lang) : String(code);
  };
  const objectText = (schema: FieldSchema | undefined, object: Record<string, unknown>): string => {
    if ('value' in object && 'unit' in object && Object.keys(object).length === 2) return `${String(object.value)} ${String(object.unit)}`;
    const nameKey = ['name', 'title', 'identifier', 'value'].find((k) => object[k] !== undefined && object[k] !== null && object[k] !== '');
    const rest = Object.entries(object).filter(([k, v]) => k !== nameKey && v !== null && v !== undefined && v !== '').map(([k, v]) => term(schema?.properties?.[k], v));
    return nameKey ? `${String(object[nameKey])}${rest.length ? `（${rest.join('，')}）` : ''}` : rest.join('，');
  };
  const separator = lang === 'en' ? '; ' : '；';
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item !== null ? objectText(field.items, item as Record<string, unknown>) : term(field, item))).join(separator);
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'Yes' : 'No') : value ? '是' : '否';
  if (typeof value === 'object' && value !== null) return objectText(field, value as Record<string, unknown>);
  return term(field, value);
}
