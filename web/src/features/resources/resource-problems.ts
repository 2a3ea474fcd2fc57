import { ApiError } from '../../api/client';
import { errorsAfterEdit } from '../standards/record-errors';
import type { RecordError } from '../standards/standard-types';

export interface ProblemView {
  /** Shown on the fields, through the standard form's serverErrors. */
  onFields: RecordError[];
  /** Required fields still empty (a fresh draft has many: they are counted, not painted red). */
  missing: number;
  /** Values the standard refuses (wrong format, too short, ...). */
  invalid: number;
}

/**
 * Which of the server's problems the editor shows, and where. The server validates the record it
 * last saved; fields edited since then lose their problems until the next save answers. Missing
 * values appear on the fields only once the submitter has tried to submit (revealMissing).
 */
export function viewProblems(
  problems: readonly RecordError[],
  { saved, current, revealMissing }: { saved: Record<string, unknown>; current: Record<string, unknown>; revealMissing: boolean },
): ProblemView {
  const still = errorsAfterEdit(problems, saved, current);
  const missing = still.filter((problem) => problem.code === 'required');
  return {
    onFields: revealMissing ? still : still.filter((problem) => problem.code !== 'required'),
    missing: missing.length,
    invalid: still.length - missing.length,
  };
}

/**
 * The field problems of a refused submission (422 resource.invalid: details with paths like
 * "/titleZh" and codes like "metadata.required"), in the shape the form shows; null for other errors.
 */
export function problemsFromSubmitError(error: unknown): RecordError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'resource.invalid') return null;
  return error.details.map((detail) => ({
    path: detail.path || '/',
    label: '',
    code: detail.code.replace(/^metadata\./, ''),
    message: detail.message || error.message,
  }));
}
