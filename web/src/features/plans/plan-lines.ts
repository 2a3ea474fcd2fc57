import dayjs, { type Dayjs } from 'dayjs';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { fieldNameFromPath } from '../../components/form-errors';
import type { LineField, LineInput, PlanLine, ResourceTypeOption, SharingMode } from './plan-types';

export const MAX_LINES = 100;
export const MAX_COUNT = 1_000_000;
export const DATE_FORMAT = 'YYYY-MM-DD';

/** A line as the editor holds it (the date picker works with dayjs). */
export interface EditableLine {
  resourceType?: string;
  plannedCount?: number | null;
  dueDate?: Dayjs | null;
  sharingMode?: SharingMode;
  notes?: string | null;
}

export function toEditable(lines: readonly PlanLine[]): EditableLine[] {
  return lines.map((line) => ({
    resourceType: line.resourceType,
    plannedCount: line.plannedCount,
    dueDate: dayjs(line.dueDate, DATE_FORMAT),
    sharingMode: line.sharingMode,
    notes: line.notes ?? '',
  }));
}

/** A new line: due by the plan's default date (acceptance minus the lead time) when there is one. */
export function blankLine(defaultDueDate: string | null): EditableLine {
  return { dueDate: defaultDueDate ? dayjs(defaultDueDate, DATE_FORMAT) : null, notes: '' };
}

/** The editor's lines as the API takes them; call after the form validated. */
export function toLineInputs(lines: readonly EditableLine[]): LineInput[] {
  return lines.map((line) => ({
    resourceType: line.resourceType ?? '',
    plannedCount: Number(line.plannedCount),
    dueDate: line.dueDate ? line.dueDate.format(DATE_FORMAT) : '',
    sharingMode: line.sharingMode ?? 'open',
    notes: line.notes?.trim() ? line.notes.trim() : null,
  }));
}

/** Why a planned count is refused, or null: a whole number from 1 to 1,000,000. */
export function countProblem(value: unknown): 'required' | 'whole' | 'range' | null {
  if (value === undefined || value === null || value === '') return 'required';
  const count = Number(value);
  if (!Number.isInteger(count)) return 'whole';
  if (count < 1 || count > MAX_COUNT) return 'range';
  return null;
}

/** Why a due date is refused, or null: it must exist and fall on or before the acceptance date. */
export function dueDateProblem(value: Dayjs | null | undefined, acceptanceDate: string | null): 'required' | 'after_acceptance' | null {
  if (!value || !value.isValid()) return 'required';
  if (acceptanceDate && value.format(DATE_FORMAT) > acceptanceDate) return 'after_acceptance';
  return null;
}

/** The resource type's label in the UI language (the standard carries zh and en). */
export function typeLabel(types: readonly ResourceTypeOption[], type: string, language: string): string {
  const option = types.find((t) => t.type === type);
  if (!option) return type;
  return language === 'en' ? option.label.en : option.label.zh;
}

/** One line field's value as the UI shows it (types and sharing modes by label). */
export function formatLineValue(field: LineField, value: unknown, types: readonly ResourceTypeOption[], t: TFunction, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'resourceType') return typeLabel(types, String(value), language);
  if (field === 'sharingMode') return t(`plans.sharingModes.${String(value)}`);
  return String(value);
}

/**
 * Puts the API's line errors ("/lines/0/dueDate") on the editor's cells.
 * Returns the message still to show elsewhere, or null when every problem landed on a cell.
 */
export function applyLineErrors(form: FormInstance, error: unknown): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields: Array<{ name: (string | number)[]; errors: string[] }> = [];
  const rest: string[] = [];
  for (const detail of error.details) {
    const name = fieldNameFromPath(detail.path);
    if (name[0] === 'lines' && typeof name[1] === 'number' && typeof name[2] === 'string') {
      fields.push({ name: name.slice(0, 3), errors: [detail.message || error.message] });
    } else {
      rest.push(detail.message);
    }
  }
  form.setFields(fields);
  if (fields.length > 0 && rest.length === 0) return null;
  return rest.length > 0 ? `${error.message}: ${rest.join('; ')}` : error.message;
}
