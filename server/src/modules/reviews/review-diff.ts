import { isDeepStrictEqual } from 'node:util';
import type { Bilingual } from '../../platform/i18n';
import type { FieldSchema } from '../standards/standard-document';
import type { FileSnapshot } from './reviews.repository';

export interface FieldChange {
  field: string;
  label: Bilingual;
  before: unknown;
  after: unknown;
}

export interface FileChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  before: { sha256: string; size: number } | null;
  after: { sha256: string; size: number } | null;
}

/** The label of a top-level field of a resource type's schema (the key when the schema has none). */
export function fieldLabel(schema: FieldSchema | undefined, field: string): Bilingual {
  return schema?.properties?.[field]?.['x-label'] ?? { zh: field, en: field };
}

/** Field-by-field changes between two metadata snapshots, in the schema's field order. */
export function diffMetadata(schema: FieldSchema | undefined, before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const order = Object.keys(schema?.properties ?? {});
  const keys = [...new Set([...order, ...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => !isDeepStrictEqual(before[key] ?? null, after[key] ?? null))
    .map((key) => ({ field: key, label: fieldLabel(schema, key), before: before[key] ?? null, after: after[key] ?? null }));
}

/** Files added, removed, or with a changed checksum between two rounds. */
export function diffFiles(before: FileSnapshot[], after: FileSnapshot[]): FileChange[] {
  const old = new Map(before.map((f) => [f.path, f]));
  const now = new Map(after.map((f) => [f.path, f]));
  const paths = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: FileChange[] = [];
  for (const path of paths) {
    const a = old.get(path);
    const b = now.get(path);
    const pick = (f: FileSnapshot | undefined) => (f ? { sha256: f.sha256, size: f.size } : null);
    if (!a) changes.push({ path, change: 'added', before: null, after: pick(b) });
    else if (!b) changes.push({ path, change: 'removed', before: pick(a), after: null });
    else if (a.sha256 !== b.sha256) changes.push({ path, change: 'changed', before: pick(a), after: pick(b) });
  }
  return changes;
}
