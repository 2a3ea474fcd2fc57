import type { Selectable } from 'kysely';
import type { EvaluationRunsTable } from '../../db/schema';
import { iso } from '../../platform/format';
import type { Rules } from './evaluation-rules';

/** A numeric(6,2) score as the API gives it: a number, or null. */
export const num = (value: string | number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export function presentRun(run: Selectable<EvaluationRunsTable> & { requestedByName: string | null }) {
  return {
    id: run.id, ruleVersion: run.ruleVersion, asOf: iso(run.asOf)!, trigger: run.trigger, status: run.status, subjects: run.subjects,
    createdAt: iso(run.createdAt)!, startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt), error: run.error, requestedByName: run.requestedByName,
  };
}

export function presentRuleSet(row: { version: number; rules: unknown; note: string | null; createdAt: Date; createdByName: string | null }) {
  return { version: row.version, rules: row.rules as Rules, note: row.note, createdAt: iso(row.createdAt)!, createdByName: row.createdByName };
}
