import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Turns an API detail path ("/creditCode", "/lines/0/count") into an antd field name. */
export function fieldNameFromPath(path: string): (string | number)[] {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export interface FieldErrorOptions {
  /** Fields the form shows; details for other paths are reported as a general error. */
  fields: readonly string[];
  /** Errors without details that still belong to one field (e.g. 409 user.username_taken → username). */
  codeFields?: Record<string, string>;
}

/**
 * Puts the API's field errors on the form's fields.
 * Returns the message still to show elsewhere, or null when every problem landed on a field.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, options: FieldErrorOptions): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const detail of error.details) {
    const name = fieldNameFromPath(detail.path);
    const top = name[0];
    if (typeof top === 'string' && options.fields.includes(top)) {
      const key = top;
      byField.set(key, [...(byField.get(key) ?? []), detail.message || error.message]);
    } else {
      unplaced.push(detail.message);
    }
  }
  const codeField = options.codeFields?.[error.code];
  if (byField.size === 0 && codeField && options.fields.includes(codeField)) {
    byField.set(codeField, [error.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (byField.size > 0 && unplaced.length === 0) return null;
  return unplaced.length > 0 ? `${error.message}: ${unplaced.join('; ')}` : error.message;
}
