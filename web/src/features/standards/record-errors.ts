import type { ErrorSchema } from '@rjsf/utils';
import type { RecordError } from './standard-types';

type Node = { __errors?: string[]; [key: string]: unknown };

/** The JSON pointer segments of an API error path ("/creators/0/name" → creators, 0, name). */
export function pathSegments(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The path an error is shown on: errors inside an array drawn as one control land on that control. */
export function displayPath(path: string, singleControlArrays: readonly string[] = []): string {
  const owner = singleControlArrays.find((array) => path.startsWith(`${array}/`));
  return owner ?? path;
}

/**
 * Puts the validator's errors on the fields they name, as rjsf's extraErrors:
 * "/titleZh" → { titleZh: { __errors: [...] } }, "/" → the form's own errors.
 */
export function toErrorSchema(errors: readonly RecordError[], singleControlArrays: readonly string[] = []): ErrorSchema {
  const root: Node = {};
  for (const error of errors) {
    let node = root;
    for (const segment of pathSegments(displayPath(error.path, singleControlArrays))) {
      node[segment] ??= {};
      node = node[segment] as Node;
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return root as ErrorSchema;
}

/** The DOM id rjsf gives the control at an API path ("/contact/email" → root_contact_email). */
export function fieldDomId(path: string, singleControlArrays: readonly string[] = []): string {
  return ['root', ...pathSegments(displayPath(path, singleControlArrays))].join('_');
}

/**
 * What a record holds once blank inputs are left out: empty strings, empty lists and objects
 * with nothing filled are "not provided", so "required" speaks about them rather than their parts.
 */
export function compactRecord(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(compactRecord).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => [key, compactRecord(child)] as const)
      .filter(([, child]) => child !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** The errors that still apply after an edit: those of fields whose value did not change. */
export function errorsAfterEdit(errors: readonly RecordError[], before: Record<string, unknown>, after: Record<string, unknown>): RecordError[] {
  const changed = new Set(Object.keys({ ...before, ...after }).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])));
  if (changed.size === 0) return [...errors];
  return errors.filter((error) => {
    const [top] = pathSegments(error.path);
    return top === undefined || !changed.has(top);
  });
}
