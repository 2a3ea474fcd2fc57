/** Shapes of the plan API (server/src/modules/plans/plans.schemas.ts). */

export const SHARING_MODES = ['open', 'registered', 'application', 'embargo', 'offline', 'restricted'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

export type VersionStatus = 'draft' | 'unit_review' | 'platform_review' | 'returned' | 'approved' | 'superseded';
export type ReviewTierName = 'unit' | 'platform';

export interface PlanLine {
  position: number;
  resourceType: string;
  plannedCount: number;
  dueDate: string;
  sharingMode: SharingMode;
  notes: string | null;
}

export interface PlanDecision {
  round: number;
  tier: ReviewTierName;
  decision: 'approve' | 'return';
  comment: string | null;
  reviewerName: string | null;
  decidedAt: string;
}

export interface PlanComment {
  id: string;
  round: number;
  /** null: a comment on the whole plan. */
  linePosition: number | null;
  parentId: string | null;
  authorName: string | null;
  body: string;
  resolvedAt: string | null;
  createdAt: string;
}

export type LineField = 'resourceType' | 'plannedCount' | 'dueDate' | 'sharingMode' | 'notes';

export interface LineChange {
  position: number;
  change: 'added' | 'removed' | 'changed';
  fields: Array<{ field: LineField; from: unknown; to: unknown }>;
  before: PlanLine | null;
  after: PlanLine | null;
}

export interface PlanVersion {
  id: string;
  versionNo: number;
  kind: 'initial' | 'amendment';
  amendmentReason: string | null;
  status: VersionStatus;
  round: number;
  stepDueAt: string | null;
  overdue: boolean;
  submittedAt: string | null;
  approvedAt: string | null;
  createdAt: string;
  lines: Array<PlanLine & { id: string }>;
  rounds: Array<{ round: number; submittedAt: string; lines: PlanLine[] }>;
  decisions: PlanDecision[];
  comments: PlanComment[];
  diff: LineChange[];
  diffBase: 'previous_round' | 'approved_version' | null;
}

export interface ResourceTypeOption {
  type: string;
  label: { zh: string; en: string };
}

export interface Plan {
  subjectId: string;
  planId: string | null;
  approved: PlanVersion | null;
  working: PlanVersion | null;
  history: Array<{ id: string; versionNo: number; kind: string; status: VersionStatus; approvedAt: string | null; amendmentReason: string | null }>;
  allowedTypes: ResourceTypeOption[];
  defaultDueDate: string | null;
  acceptanceDate: string | null;
  can: { edit: boolean; reviewUnit: boolean; reviewPlatform: boolean; comment: boolean };
}

/** A line as the API takes it (positions follow the order). */
export interface LineInput {
  resourceType: string;
  plannedCount: number;
  dueDate: string;
  sharingMode: SharingMode;
  notes?: string | null;
}

export interface DecisionInput {
  decision: 'approve' | 'return';
  comment?: string | null;
  lineComments?: Array<{ position: number; body: string }>;
}

export interface QueueItem {
  versionId: string;
  versionNo: number;
  kind: 'initial' | 'amendment';
  round: number;
  subjectId: string;
  code: string;
  titleZh: string;
  leadUnitName: string;
  piName: string | null;
  since: string;
  dueAt: string | null;
  overdue: boolean;
}
