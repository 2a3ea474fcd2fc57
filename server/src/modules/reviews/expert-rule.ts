import type { ExpertAssignment } from '../../db/schema';
import { iso } from '../../platform/format';
import type { ReviewSettings } from './review-settings';

export interface Score {
  criterion: string;
  score: number;
  comment: string | null;
}

type AssignmentRow = Pick<ExpertAssignment, 'id' | 'expertId' | 'round' | 'conflict' | 'conflictNote' | 'scores' | 'recommendation' | 'sharingMode' | 'embargoMonths' | 'comment' | 'submittedAt'>;

/** An expert's view; `full` false hides the expert's identity and conflict note (the submitter's view). */
export function presentAssignment(a: AssignmentRow, name: string, full: boolean) {
  return {
    assignmentId: a.id, expertId: full ? a.expertId : null, expertName: name, round: a.round, conflict: a.conflict, conflictNote: full ? a.conflictNote : null,
    scores: (a.scores ?? null) as Score[] | null, recommendation: a.recommendation, sharingMode: a.sharingMode, embargoMonths: a.embargoMonths, comment: a.comment, submittedAt: iso(a.submittedAt),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The platform's decision rule over the experts of one round: the mean per criterion and overall,
 * approvals, and whether the rule passes once every active expert (no conflict declared) has given an opinion.
 */
export function summariseExperts(settings: ReviewSettings, assignments: AssignmentRow[]) {
  const active = assignments.filter((a) => a.conflict !== 'conflict');
  const given = active.filter((a) => a.submittedAt !== null);
  const all = given.flatMap((a) => (a.scores as Score[] | null) ?? []);
  const means: Record<string, number> = {};
  for (const criterion of settings.rubric) {
    const scores = all.filter((s) => s.criterion === criterion.key).map((s) => s.score);
    if (scores.length > 0) means[criterion.key] = round2(scores.reduce((a, b) => a + b, 0) / scores.length);
  }
  const mean = all.length > 0 ? round2(all.reduce((sum, s) => sum + s.score, 0) / all.length) : null;
  const approvals = given.filter((a) => a.recommendation === 'approve').length;
  const complete = active.length >= settings.minExperts && given.length === active.length;
  const passes = (!settings.rule.requireAllApprove || approvals === given.length) && (settings.rule.minMean === null || (mean !== null && mean >= settings.rule.minMean));
  return {
    rubric: settings.rubric, means, mean, approvals, submitted: given.length, active: active.length, minExperts: settings.minExperts,
    rule: settings.rule, outcome: (complete ? (passes ? 'pass' : 'fail') : 'pending') as 'pending' | 'pass' | 'fail',
  };
}
