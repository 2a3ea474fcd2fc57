/** Shapes of the tiered review, expert review and release of resources (docs/review-and-release.md § API). */
import type { Bilingual } from '../standards/standard-types';

export type Tier = 'unit' | 'platform' | 'expert';
/** A review queue: a tier, or the approved resources waiting for release. */
export type QueueTier = Tier | 'release';
export type Decision = 'approve' | 'return';
export type ConflictState = 'pending' | 'none' | 'conflict' | 'blocked';

export const SHARING_MODES = ['open', 'registered', 'application', 'embargo', 'offline', 'restricted'] as const;
export type SharingMode = (typeof SHARING_MODES)[number];

/** Licences a release may carry; `key` names the label under reviews.licences. */
export const LICENCES = [
  { code: 'CC-BY-4.0', key: 'ccBy' },
  { code: 'CC-BY-NC-4.0', key: 'ccByNc' },
  { code: 'CC-BY-SA-4.0', key: 'ccBySa' },
  { code: 'CC0-1.0', key: 'cc0' },
  { code: 'platform-agreement', key: 'platformAgreement' },
] as const;

/** One row of GET /api/review-queue?tier=… */
export interface QueueItem {
  resourceId: string;
  titleZh: string;
  resourceType: string;
  typeLabel: Bilingual;
  versionNo: number;
  subjectId: string;
  subjectCode: string;
  subjectTitle: string;
  leadUnitName: string;
  status: string;
  round: number;
  enteredAt: string;
  dueAt: string | null;
  overdue: boolean;
  /** tier=expert for platform admins. */
  experts: { assigned: number; submitted: number } | null;
  /** tier=expert for experts: their own assignment. */
  assignment: { id: string; conflict: 'pending' | 'none' | 'conflict'; submittedAt: string | null } | null;
}

export interface BulkInput {
  resourceIds: string[];
  decision: Decision;
  comment?: string;
}

/** POST /api/review-queue/bulk: the outcome per resource. */
export interface BulkResult {
  resourceId: string;
  ok: boolean;
  status?: string;
  error?: { code: string; message: string };
}

export interface ReviewRound {
  round: number;
  submittedAt: string;
  submittedByName: string | null;
  outcome: 'open' | 'returned' | 'approved';
}

export interface ReviewDecision {
  id: string;
  round: number;
  tier: Tier;
  decision: 'approve' | 'return' | 'skipped';
  comment: string | null;
  reviewerName: string | null;
  decidedAt: string;
}

/** A comment: general, pinned to a metadata field, or to a file; replies carry their thread's root as parentId. */
export interface ReviewComment {
  id: string;
  round: number;
  tier: Tier | null;
  field: string | null;
  fieldLabel: Bilingual | null;
  filePath: string | null;
  parentId: string | null;
  authorName: string;
  fromReviewer: boolean;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface FileVersion {
  sha256: string;
  size: number;
}

export interface ReviewDiff {
  baseRound: number | null;
  fields: Array<{ field: string; label: Bilingual; before: unknown; after: unknown }>;
  files: Array<{ path: string; change: 'added' | 'removed' | 'changed'; before: FileVersion | null; after: FileVersion | null }>;
}

export interface CriterionScore {
  criterion: string;
  score: number;
  comment: string | null;
}

export interface ExpertAssignment {
  assignmentId: string;
  expertId: string | null;
  expertName: string;
  round: number;
  conflict: ConflictState;
  conflictNote: string | null;
  scores: CriterionScore[] | null;
  recommendation: Decision | null;
  sharingMode: string | null;
  embargoMonths: number | null;
  comment: string | null;
  submittedAt: string | null;
}

export interface Criterion {
  key: string;
  label: Bilingual;
}

export interface DecisionRule {
  requireAllApprove: boolean;
  minMean: number | null;
}

export interface ExpertSummary {
  rubric: Criterion[];
  means: Record<string, number>;
  mean: number | null;
  approvals: number;
  submitted: number;
  active: number;
  rule: DecisionRule;
  outcome: 'pending' | 'pass' | 'fail';
}

export interface ReviewPermissions {
  decide: boolean;
  comment: boolean;
  resolve: boolean;
  assignExperts: boolean;
  release: boolean;
  withdraw: boolean;
  newVersion: boolean;
}

/** GET /api/resources/:id/review */
export interface ReviewDetail {
  resourceId: string;
  status: string;
  round: number;
  tier: Tier | null;
  stepDueAt: string | null;
  overdue: boolean;
  route: Array<{ tier: Tier; skipped: boolean }>;
  rounds: ReviewRound[];
  decisions: ReviewDecision[];
  comments: ReviewComment[];
  /** Field keys with unresolved comments (the form highlights them). */
  openFields: string[];
  diff: ReviewDiff;
  experts: ExpertAssignment[];
  expertSummary: ExpertSummary | null;
  myAssignment: ExpertAssignment | null;
  can: ReviewPermissions;
}

export interface DecisionInput {
  decision: Decision;
  comment?: string;
  fieldComments?: Array<{ field: string; body: string }>;
  fileComments?: Array<{ path: string; body: string }>;
}

export interface CommentInput {
  body: string;
  field?: string;
  filePath?: string;
  parentId?: string;
}

export interface ExpertCandidate {
  userId: string;
  displayName: string;
  orgName: string | null;
  /** Already assigned to the current round (the server may leave it out; the review's experts say so too). */
  assigned?: boolean;
  blocked: boolean;
  reason: string | null;
}

export interface OpinionInput {
  scores: Array<{ criterion: string; score: number; comment?: string }>;
  recommendation: Decision;
  sharingMode: SharingMode;
  embargoMonths: number;
  comment?: string;
}

export interface ReleaseInput {
  sharingMode: SharingMode;
  embargoEnd?: string;
  embargoReason?: string;
  licence: string;
}

/** What GET /api/resources/:id carries about review (ResourceDetail.review). */
export interface ResourceReviewState {
  tier: Tier | null;
  round: number;
  stepDueAt: string | null;
  overdue: boolean;
  openFields: string[];
}

/** ResourceDetail.release: set once released; a withdrawal keeps it as the tombstone. */
export interface ResourceRelease {
  cstr: string;
  cstrUrl: string;
  sharingMode: string;
  embargoEnd: string | null;
  licence: string;
  releasedAt: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** A version in the resource's lineage (ResourceDetail.versions). */
export interface ResourceVersionRef {
  id: string;
  versionNo: number;
  status: string;
  cstr: string | null;
  releasedAt: string | null;
}
