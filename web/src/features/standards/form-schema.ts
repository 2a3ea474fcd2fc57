import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { localLabel, type FieldSchema, type StandardDocument, type Vocabulary } from './standard-types';

/** A section of the form: the top-level fields of one x-group, in the standard's order. */
export interface FormGroup {
  id: string;
  /** The group's label in the UI language; null for fields the standard leaves ungrouped. */
  label: string | null;
  fields: string[];
}

/** What the form renders for one resource type: a plain JSON Schema, its uiSchema and the sections. */
export interface FormModel {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  groups: FormGroup[];
  /** JSON pointers of arrays shown as one control (tags, multi-select); errors inside them belong to them. */
  singleControlArrays: string[];
}

/** The root uiSchema carries the sections for the grouped object template. */
export const GROUPS_OPTION = 'hjGroups';
export const UNGROUPED = '__ungrouped';

/** Words the form shows that do not come from the standard. */
export interface FormTexts {
  /** Placeholder (and the first, empty option) of vocabulary selects, e.g. 请选择. */
  selectPlaceholder?: string;
}

interface BuildContext {
  language: string;
  texts: FormTexts;
  vocabularies: Record<string, Vocabulary>;
  singleControlArrays: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const typeOf = (node: FieldSchema): string | undefined => (Array.isArray(node.type) ? node.type[0] : node.type);

/** The schema without annotations; vocabulary fields become selects with labelled options. */
function plainSchema(node: FieldSchema, context: BuildContext): FieldSchema {
  const copy: FieldSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword.startsWith('x-') || keyword === 'properties' || keyword === 'items') continue;
    copy[keyword] = value;
  }
  const vocabulary = typeof node['x-vocabulary'] === 'string' ? context.vocabularies[node['x-vocabulary']] : undefined;
  if (vocabulary && typeOf(node) !== 'array') {
    copy.oneOf = vocabulary.terms.map((term) => ({ const: term.code, title: localLabel(term.label, context.language) }));
  }
  return copy;
}

/** The order of an object's properties: x-order first, then the rest as written. */
function propertyOrder(node: FieldSchema): string[] {
  const properties = Object.keys(node.properties ?? {});
  const order = (node['x-order'] ?? []).filter((key) => properties.includes(key));
  return [...order, ...properties.filter((key) => !order.includes(key))];
}

/** Builds the UI copy of one schema node and its uiSchema, recursing into objects and array items. */
function buildNode(node: FieldSchema, pointer: string, context: BuildContext): { schema: FieldSchema; ui: UiSchema } {
  const schema = plainSchema(node, context);
  const ui: UiSchema = {};
  if (node['x-label']) ui['ui:title'] = localLabel(node['x-label'], context.language);
  if (node['x-help']) ui['ui:description'] = localLabel(node['x-help'], context.language);
  const type = typeOf(node);
  if (schema.oneOf && context.texts.selectPlaceholder) ui['ui:placeholder'] = context.texts.selectPlaceholder;

  if (type === 'object' && isRecord(node.properties)) {
    schema.properties = {};
    for (const key of propertyOrder(node)) {
      const child = buildNode(node.properties[key]!, `${pointer}/${key}`, context);
      schema.properties[key] = child.schema;
      if (Object.keys(child.ui).length > 0) ui[key] = child.ui;
    }
    ui['ui:order'] = [...propertyOrder(node), '*'];
  } else if (type === 'array' && isRecord(node.items)) {
    const items = node.items;
    const vocabularyCode = node['x-vocabulary'] ?? items['x-vocabulary'];
    const vocabulary = typeof vocabularyCode === 'string' ? context.vocabularies[vocabularyCode] : undefined;
    if (vocabulary) {
      // A list of terms: a multi-select (rjsf needs uniqueItems; a term twice means nothing anyway).
      schema.items = { ...plainSchema(items, context), oneOf: vocabulary.terms.map((t) => ({ const: t.code, title: localLabel(t.label, context.language) })) };
      schema.uniqueItems = true;
      if (context.texts.selectPlaceholder) ui['ui:placeholder'] = context.texts.selectPlaceholder;
      context.singleControlArrays.push(pointer);
    } else if (typeOf(items) === 'object') {
      const child = buildNode(items, `${pointer}/0`, context);
      schema.items = child.schema;
      ui.items = child.ui;
    } else {
      schema.items = plainSchema(items, context);
      ui['ui:widget'] = 'tags';
      context.singleControlArrays.push(pointer);
    }
  } else if (type === 'boolean') {
    ui['ui:widget'] = 'radio';
  } else if (node.format === 'date' || node['x-widget'] === 'date') {
    ui['ui:widget'] = 'date';
  } else if (node['x-widget'] === 'textarea') {
    ui['ui:widget'] = 'textarea';
    ui['ui:options'] = { rows: 3 };
  }
  return { schema, ui };
}

/** The top-level fields grouped by x-group, groups in the order their first field appears. */
function groupFields(root: FieldSchema, document: StandardDocument, language: string): FormGroup[] {
  const labels = new Map((document.groups ?? []).map((group) => [group.id, localLabel(group.label, language)]));
  const groups: FormGroup[] = [];
  for (const key of propertyOrder(root)) {
    const id = root.properties?.[key]?.['x-group'] ?? UNGROUPED;
    let group = groups.find((g) => g.id === id);
    if (!group) {
      group = { id, label: id === UNGROUPED ? null : (labels.get(id) ?? id), fields: [] };
      groups.push(group);
    }
    group.fields.push(key);
  }
  return groups;
}

/**
 * Turns a resource type of a standard into what rjsf renders, exactly as submitters will see it:
 * labels and help from x-label / x-help in the UI language, x-order, vocabulary selects with
 * localised terms, textarea / date / tags widgets, and the x-group sections.
 */
export function buildFormModel(document: StandardDocument, type: string, language: string, texts: FormTexts = {}): FormModel {
  const definition = document.resourceTypes[type];
  if (!definition) throw new Error(`The standard does not collect "${type}"`);
  const context: BuildContext = { language, texts, vocabularies: document.vocabularies ?? {}, singleControlArrays: [] };
  const { schema, ui } = buildNode(definition.schema, '', context);
  const groups = groupFields(definition.schema, document, language);
  const uiSchema: UiSchema = {
    ...ui,
    'ui:options': { [GROUPS_OPTION]: groups },
    'ui:submitButtonOptions': { norender: true },
  };
  delete uiSchema['ui:title'];
  delete uiSchema['ui:description'];
  return { schema: schema as RJSFSchema, uiSchema, groups, singleControlArrays: context.singleControlArrays };
}
