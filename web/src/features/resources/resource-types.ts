/** Shapes of resources, files and physical deposits as the API returns them (server/src/modules/resources). */
import type { ResourceRelease, ResourceReviewState, ResourceVersionRef } from '../reviews/review-types';
import type { Bilingual, RecordError } from '../standards/standard-types';

export type ResourceStatus =
  | 'draft'
  | 'submitted'
  | 'unit_review'
  | 'platform_review'
  | 'expert_review'
  | 'returned'
  | 'approved'
  | 'released'
  | 'withdrawn'
  | 'superseded';

/** One row of GET /api/subjects/:id/resources. */
export interface ResourceSummary {
  id: string;
  resourceType: string;
  status: ResourceStatus;
  titleZh: string;
  versionNo: number;
  fileCount: number;
  totalBytes: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** A stored entity file of a resource (content-addressed: sha256 names the blob). */
export interface ResourceFile {
  id: string;
  path: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
  createdAt: string;
}

export interface DepositItem {
  name: string;
  quantity: number;
  unit: string;
}

export type DepositStatus = 'sent' | 'received' | 'discrepancy';

/** A shipment of physical items to a repository, and the repository's receipt once confirmed. */
export interface Deposit {
  id: string;
  resourceId: string;
  repositoryOrgId: string;
  repositoryName: string;
  repositoryNameEn: string | null;
  items: DepositItem[];
  shippingMethod: string;
  trackingNumber: string | null;
  sentDate: string;
  status: DepositStatus;
  received: DepositItem[] | null;
  condition: string | null;
  accessionNumbers: string[];
  discrepancyNote: string | null;
  createdAt: string;
  confirmedAt: string | null;
}

/** GET /api/deposits/inbox: a deposit addressed to the user's repository. */
export interface InboxItem extends Deposit {
  resourceTitle: string;
  subjectCode: string;
}

/** The plan line a resource counts towards ("counts towards plan line N", the ordinal-th of its type). */
export interface PlanLineRef {
  position: number;
  resourceType: string;
  plannedCount: number;
  dueDate: string;
  ordinal: number;
}

/** GET /api/resources/:id */
export interface ResourceDetail {
  id: string;
  subjectId: string;
  resourceType: string;
  typeLabel: Bilingual;
  standardVersionId: string;
  standardVersion: string;
  status: ResourceStatus;
  versionNo: number;
  titleZh: string;
  metadata: Record<string, unknown>;
  /** The current description checked against the standard (messages in the request's language). */
  problems: RecordError[];
  files: ResourceFile[];
  deposits: Deposit[];
  planLine: PlanLineRef | null;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  /** Where the review stands (round 0 before the first submission). */
  review: ResourceReviewState;
  release: ResourceRelease | null;
  lineageId: string;
  /** Every version of the lineage, this one included. */
  versions: ResourceVersionRef[];
}

/** GET /api/subjects/:id/delivery: delivered vs planned for one resource type. */
export interface DeliveryRow {
  resourceType: string;
  planned: number;
  drafts: number;
  inReview: number;
  released: number;
}

export interface DepositInput {
  repositoryOrgId: string;
  items: DepositItem[];
  shippingMethod: string;
  trackingNumber?: string | null;
  sentDate: string;
}

export interface ReceiptInput {
  outcome: 'received' | 'discrepancy';
  items: DepositItem[];
  condition: string;
  accessionNumbers: string[];
  note?: string | null;
}
