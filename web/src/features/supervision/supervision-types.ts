/** Shapes of the supervision API (docs/supervision-and-evaluation.md, "Supervision"). Money is a decimal string, shares are 0–1. */
import type { ScopeFilter } from '../../../../common/scope-filter';

export type ReviewTier = 'unit' | 'platform' | 'expert';
export type BreakdownBy = 'province' | 'unit' | 'platform' | 'program';
export type SupervisionPlanStatus = 'none' | 'draft' | 'unit_review' | 'platform_review' | 'returned' | 'approved';
export type SubjectSort = 'code' | 'completion' | 'daysToAcceptance' | 'overdue';
export type SortOrder = 'asc' | 'desc';

/** The common filters of every supervision list (query string). */
export type { ScopeFilter };

export interface Funding {
  budget: string;
  spent: string;
  flagged: boolean;
}

export type InReview = Record<ReviewTier, number>;

export interface TypeProgress {
  type: string;
  planned: number;
  delivered: number;
}

export interface Overview {
  subjects: number;
  withApprovedPlan: number;
  planned: number;
  delivered: number;
  completion: number;
  byType: TypeProgress[];
  inReview: InReview;
  overdue: { subjects: number; planLines: number; planReviews: number; resourceReviews: number };
  certificates: { issued: number; eligible: number };
  acceptanceWithin90Days: number;
  /** flagged: how many subjects spent money with nothing released. */
  funding: { budget: string; spent: string; flagged: number };
}

export interface BreakdownRow {
  key: string;
  name: string;
  nameEn?: string | null;
  subjects: number;
  planned: number;
  delivered: number;
  completion: number;
  inReview: number;
  overdueSubjects: number;
  certified: number;
}

export interface Breakdown {
  by: BreakdownBy;
  rows: BreakdownRow[];
}

export interface SubjectRow {
  code: string;
  titleZh: string;
  titleEn: string | null;
  piName: string | null;
  leadUnit: { id: string; name: string };
  province: { code: string; name: string };
  platform: { id: string; name: string };
  programCode: string;
  projectCode: string;
  planStatus: SupervisionPlanStatus;
  planned: number;
  delivered: number;
  completion: number;
  byType: Array<TypeProgress & { dueDate: string | null; overdue: boolean }>;
  inReview: InReview;
  /** `plan_review`, `resource_review`, `line:<type>`. */
  overdueItems: string[];
  acceptanceDate: string | null;
  daysToAcceptance: number | null;
  certificate: { status: 'issued' | 'eligible' | 'missing'; code: string | null };
  funding: Funding;
  lastReminderAt: string | null;
  canRemind: boolean;
}

export interface SubjectPage {
  total: number;
  items: SubjectRow[];
}

export interface Charts {
  months: string[];
  completion: Array<{ month: string; planned: number; delivered: number }>;
  overdue: Array<{ month: string; lines: number }>;
  turnaround: Array<{ tier: ReviewTier; count: number; meanDays: number | null; medianDays: number | null }>;
  usage: Array<{ month: string; views: number; downloads: number; searchHits: number }>;
}

export type ReminderStatus = 'sent' | 'already_today' | 'no_recipients' | 'forbidden' | 'not_found';

export interface ReminderResult {
  code: string;
  status: ReminderStatus;
  recipients: number;
}

export interface ReminderInput {
  subjectCodes: string[];
  message?: string;
}

export type ReminderReason = 'manual' | 'before_due' | 'after_due';

export interface ReminderLogItem {
  id: string;
  subjectCode: string;
  subjectTitle: string;
  recipientName: string;
  reason: ReminderReason;
  message: string | null;
  sentByName: string | null;
  day: string;
  createdAt: string;
}

export interface ReminderSettings {
  enabled: boolean;
  beforeDays: number[];
  afterDays: number[];
}

export interface FundingReport {
  amountSpent: string;
  note: string | null;
  reportedByName: string | null;
  reportedAt: string;
}

export interface SubjectFunding extends Funding {
  reports: FundingReport[];
}

export interface FundingInput {
  amountSpent: number;
  note?: string;
}
