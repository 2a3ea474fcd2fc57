/**
 * Shapes of evaluation scores (docs/supervision-and-evaluation.md, "Evaluation"), shared by the server
 * (evaluation-compute, evaluation-rules) and the web app, so the page that explains a score reads the
 * very fields the computation wrote.
 */
export const SHARING_PARTS = ['views', 'searchHits', 'downloads', 'uniqueUsers', 'applications', 'reuse'] as const;
export type SharingPart = (typeof SHARING_PARTS)[number];

/** A line of the approved plan as a score saw it: planned count, due date, lineages submitted by it. */
export interface PlanLineInput {
  type: string;
  planned: number;
  dueDate: string;
  /** Null when the line's due date had not come at the run's as-of. */
  onTime: number | null;
  waived: boolean;
}

/** The counts behind a score, as the subject page shows them. */
export interface ScoreInputs {
  lines: PlanLineInput[];
  releasedByType: Record<string, number>;
  firstRound: { approved: number; returned: number };
  rubric: { count: number; mean: number | null };
  completeness: { resources: number; mean: number | null };
  usage: Record<SharingPart, number>;
  usageThrough: string | null;
}

/** Every component score, 0–1, or null where there is no basis (its weight goes to the others). */
export interface ScoreComponents {
  timeliness: number | null;
  quantity: number;
  firstPass: number | null;
  rubric: number | null;
  completeness: number | null;
  quality: number | null;
  completion: number | null;
  sharingParts: Record<SharingPart, number>;
  sharing: number;
  total: number | null;
}
