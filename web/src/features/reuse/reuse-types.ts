/** Shapes of reported reuse (docs/supervision-and-evaluation.md, "Evaluation → Reuse"). */

export const REUSE_KINDS = ['citation', 'benefit'] as const;
export type ReuseKind = (typeof REUSE_KINDS)[number];

export const REUSE_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ReuseStatus = (typeof REUSE_STATUSES)[number];

/** A citation of, or a benefit from, a released resource, reported by a user and reviewed by the resource's platform. */
export interface ReuseReport {
  id: string;
  resourceId: string;
  resourceTitle: string;
  cstr: string | null;
  kind: ReuseKind;
  citation: string | null;
  doi: string | null;
  url: string | null;
  description: string;
  reportedByName: string;
  reportedAt: string;
  status: ReuseStatus;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** POST /api/resources/{id}/reuse */
export interface ReuseInput {
  kind: ReuseKind;
  description: string;
  citation?: string;
  doi?: string;
  url?: string;
}

/** POST /api/reuse/{id}/decision */
export interface ReuseDecisionInput {
  decision: 'accept' | 'reject';
  note?: string;
}

/** GET /api/reuse (the inbox, paged). */
export interface ReuseInboxAnswer {
  total: number;
  items: ReuseReport[];
}
