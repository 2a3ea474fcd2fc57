import { isDeepStrictEqual } from 'node:util';
import type { Bilingual } from '../../platform/i18n';
import { fieldTable, type FieldRow } from './record-validator';
import type { StandardDocument, Vocabulary } from './standard-document';

export type FieldChangeKind = 'added' | 'removed' | 'made_required' | 'made_optional' | 'type_changed' | 'vocabulary_changed' | 'label_changed' | 'constraints_changed';

export interface FieldChange {
  type: string;
  field: string;
  label: Bilingual;
  change: FieldChangeKind;
  from?: string | null;
  to?: string | null;
}

export interface VocabularyChange {
  vocabulary: string;
  label: Bilingual;
  change: 'added' | 'removed' | 'terms_changed';
  termsAdded: string[];
  termsRemoved: string[];
}

export interface StandardDiff {
  typesAdded: string[];
  typesRemoved: string[];
  fields: FieldChange[];
  vocabularies: VocabularyChange[];
}

const STRUCTURAL = (field: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(field ?? {}).filter(([k]) => !k.startsWith('x-') && k !== 'title' && k !== 'description'));

/** What changed from one standard version to the next, in terms a platform admin reads. */
export function diffStandards(base: StandardDocument, next: StandardDocument): StandardDiff {
  const baseTypes = Object.keys(base.resourceTypes);
  const nextTypes = Object.keys(next.resourceTypes);
  const fields: FieldChange[] = [];

  for (const type of nextTypes.filter((t) => baseTypes.includes(t))) {
    const before = base.resourceTypes[type as keyof typeof base.resourceTypes]!.schema;
    const after = next.resourceTypes[type as keyof typeof next.resourceTypes]!.schema;
    const oldRows = new Map(fieldTable(before).map((row) => [row.key, row]));
    const newRows = new Map(fieldTable(after).map((row) => [row.key, row]));
    const push = (row: FieldRow, change: FieldChangeKind, from?: string | null, to?: string | null) =>
      fields.push({ type, field: row.key, label: row.label, change, ...(from !== undefined ? { from, to } : {}) });

    for (const [key, row] of newRows) {
      const old = oldRows.get(key);
      if (!old) {
        push(row, 'added');
        continue;
      }
      if (!old.required && row.required) push(row, 'made_required');
      if (old.required && !row.required) push(row, 'made_optional');
      if (old.type !== row.type) push(row, 'type_changed', old.type, row.type);
      if (old.vocabulary !== row.vocabulary) push(row, 'vocabulary_changed', old.vocabulary, row.vocabulary);
      if (!isDeepStrictEqual(old.label, row.label)) push(row, 'label_changed', old.label.zh, row.label.zh);
      const oldField = before.properties?.[key];
      const newField = after.properties?.[key];
      if (old.type === row.type && !isDeepStrictEqual(STRUCTURAL(oldField), STRUCTURAL(newField))) push(row, 'constraints_changed');
    }
    for (const [key, row] of oldRows) if (!newRows.has(key)) push(row, 'removed');
  }

  const vocabularies: VocabularyChange[] = [];
  const allCodes = new Set([...Object.keys(base.vocabularies ?? {}), ...Object.keys(next.vocabularies ?? {})]);
  for (const code of allCodes) {
    const a: Vocabulary | undefined = base.vocabularies?.[code];
    const b: Vocabulary | undefined = next.vocabularies?.[code];
    if (!a && b) vocabularies.push({ vocabulary: code, label: b.label, change: 'added', termsAdded: b.terms.map((t) => t.code), termsRemoved: [] });
    else if (a && !b) vocabularies.push({ vocabulary: code, label: a.label, change: 'removed', termsAdded: [], termsRemoved: a.terms.map((t) => t.code) });
    else if (a && b) {
      const before = new Set(a.terms.map((t) => t.code));
      const after = new Set(b.terms.map((t) => t.code));
      const termsAdded = [...after].filter((c) => !before.has(c));
      const termsRemoved = [...before].filter((c) => !after.has(c));
      if (termsAdded.length || termsRemoved.length) vocabularies.push({ vocabulary: code, label: b.label, change: 'terms_changed', termsAdded, termsRemoved });
    }
  }

  return {
    typesAdded: nextTypes.filter((t) => !baseTypes.includes(t)),
    typesRemoved: baseTypes.filter((t) => !nextTypes.includes(t)),
    fields,
    vocabularies,
  };
}
