import { iso } from '../../platform/format';
import { RESOURCE_TYPES } from '../standards/standard-document';
import type { Breakdown, Overview, SubjectRow } from './supervision.schemas';
import type { DetailRow, StatsRow } from './supervision.repository';
import type { SupervisionRepository } from './supervision.repository';

/** A share 0–1 of delivered over planned (0 when nothing is planned), to four decimals. */
export const share = (delivered: number, planned: number): number => (planned > 0 ? Math.round((delivered / planned) * 10_000) / 10_000 : 0);

const typeOrder = (type: string) => {
  const index = (RESOURCE_TYPES as readonly string[]).indexOf(type);
  return index === -1 ? RESOURCE_TYPES.length : index;
};
/** Orders per-type entries as DESIGN §3 lists the types. */
export const byTypeOrder = (a: { type: string }, b: { type: string }) => typeOrder(a.type) - typeOrder(b.type) || a.type.localeCompare(b.type);

/** Whole China days from today to the date (negative once passed). */
export function daysBetween(today: string, date: string | null): number | null {
  if (!date) return null;
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function presentOverview(row: Awaited<ReturnType<SupervisionRepository['overview']>>): Overview {
  return {
    subjects: row.subjects, withApprovedPlan: row.withApprovedPlan, planned: row.planned, delivered: row.delivered, completion: share(row.delivered, row.planned),
    byType: [...row.byType].sort(byTypeOrder),
    inReview: { unit: row.inUnit, platform: row.inPlatform, expert: row.inExpert },
    overdue: { subjects: row.overdueSubjects, planLines: row.overdueLines, planReviews: row.overduePlanReviews, resourceReviews: row.overdueResourceReviews },
    certificates: { issued: row.certified, eligible: row.eligible },
    acceptanceWithin90Days: row.acceptanceSoon,
    funding: { budget: row.budget, spent: row.spent, flagged: row.flagged },
  };
}

export function presentBreakdownRow(row: Awaited<ReturnType<SupervisionRepository['breakdown']>>[number]): Breakdown['rows'][number] {
  return {
    key: row.key, name: row.name ?? row.key, nameEn: row.nameEn, subjects: row.subjects, planned: row.planned, delivered: row.delivered,
    completion: share(row.delivered, row.planned), inReview: row.inReview, overdueSubjects: row.overdueSubjects, certified: row.certified,
  };
}

/** What is overdue on a subject: a plan review step, a resource review step, and each type with a line past due. */
export function overdueItems(row: Pick<StatsRow, 'planReviewOverdue' | 'reviewsOverdue'> & { byType: DetailRow['byType'] }): string[] {
  return [
    ...(row.planReviewOverdue ? ['plan_review'] : []),
    ...(row.reviewsOverdue ? ['resource_review'] : []),
    ...[...row.byType].sort(byTypeOrder).filter((t) => t.overdueLines > 0).map((t) => `line:${t.type}`),
  ];
}

const PLAN_STATUSES = ['none', 'draft', 'unit_review', 'platform_review', 'returned', 'approved'] as const;
const planStatus = (status: string): SubjectRow['planStatus'] => PLAN_STATUSES.find((s) => s === status) ?? 'none';

export function presentSubjectRow(row: DetailRow, today: string, canRemind: boolean): SubjectRow {
  const spent = Number(row.spent);
  return {
    code: row.code, titleZh: row.titleZh, titleEn: row.titleEn, piName: row.piName,
    leadUnit: { id: row.leadUnitId, name: row.leadUnitName },
    province: { code: row.provinceCode, name: row.provinceName },
    platform: { id: row.platformOrgId, name: row.platformName },
    programCode: row.programCode, projectCode: row.projectCode,
    planStatus: planStatus(row.planStatus),
    planned: row.planned, delivered: row.delivered, completion: share(row.delivered, row.planned),
    byType: [...row.byType].sort(byTypeOrder).map((t) => ({ type: t.type, planned: t.planned, delivered: t.delivered, dueDate: t.dueDate, overdue: t.overdueLines > 0 })),
    inReview: { unit: row.inUnit, platform: row.inPlatform, expert: row.inExpert },
    overdueItems: overdueItems(row),
    acceptanceDate: row.acceptanceDate, daysToAcceptance: daysBetween(today, row.acceptanceDate),
    certificate: { status: row.certificateCode ? 'issued' : row.complete ? 'eligible' : 'missing', code: row.certificateCode },
    funding: { budget: row.budget, spent: row.spent, flagged: spent > 0 && row.released === 0 },
    lastReminderAt: iso(row.lastReminderAt),
    canRemind,
  };
}
