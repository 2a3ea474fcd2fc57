/** Shapes of the evaluation API (docs/supervision-and-evaluation.md, "Evaluation"); the score's own in common/. */
import { SHARING_PARTS, type PlanLineInput, type ScoreComponents, type ScoreInputs, type SharingPart } from '../../../../common/evaluation';

export { SHARING_PARTS, type PlanLineInput, type ScoreComponents, type ScoreInputs, type SharingPart };

export const LEVELS = ['subject', 'pi', 'unit', 'province', 'platform', 'program'] as const;
export type Level = (typeof LEVELS)[number];

export const WEIGHT_GROUPS = {
  weights: ['completion', 'sharing'],
  completion: ['timeliness', 'quantity', 'quality'],
  quality: ['firstPass', 'rubric', 'completeness'],
  sharing: SHARING_PARTS,
} as const;
export type WeightGroup = keyof typeof WEIGHT_GROUPS;

/** One version of the rules: weights per group (each summing to 1) and the sharing targets. */
export interface Rules {
  weights: { completion: number; sharing: number };
  completion: { timeliness: number; quantity: number; quality: number };
  quality: { firstPass: number; rubric: number; completeness: number };
  sharing: Record<SharingPart, number>;
  targets: Record<SharingPart, number>;
}

export interface RuleSetVersion {
  version: number;
  rules: Rules;
  note: string | null;
  createdAt: string;
  createdByName: string | null;
}

export interface RulesAnswer {
  current: RuleSetVersion;
  versions: RuleSetVersion[];
}

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type RunTrigger = 'schedule' | 'rules' | 'manual' | 'recompute';

/** One computation of every score under one rule version, as of one moment. */
export interface Run {
  id: string;
  ruleVersion: number;
  asOf: string;
  trigger: RunTrigger;
  status: RunStatus;
  subjects: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  requestedByName: string | null;
}

export interface RunsAnswer {
  total: number;
  items: Run[];
}

/** A row of a ranking: a subject (key = code) or a roll-up (PI user id, unit id, province code, platform id, program code). */
export interface ScoreRow {
  key: string;
  /** Null when the key no longer names anything (e.g. a deleted organisation). */
  name: string | null;
  subjects: number;
  completion: number | null;
  sharing: number | null;
  total: number | null;
  rank: number | null;
  previousTotal: number | null;
  trend: { runId: string; asOf: string; total: number | null }[];
}

export interface ScoresAnswer {
  run: Run | null;
  level: Level;
  total: number;
  items: ScoreRow[];
}

export type ScoreSort = 'rank' | 'total' | 'completion' | 'sharing';

/** The narrowing filters shared with supervision, plus the ranking's own level, run, sort and page. */
export interface ScoreQuery {
  level: Level;
  run?: string;
  province?: string;
  unitId?: string;
  platformId?: string;
  programCode?: string;
  q?: string;
  sort: ScoreSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface SubjectScoreAnswer {
  subject: { code: string; titleZh: string; titleEn: string | null };
  run: Run;
  rules: Rules;
  score: { completion: number | null; sharing: number | null; total: number | null; rank: number | null; of: number };
  inputs: ScoreInputs;
  components: ScoreComponents;
  history: { runId: string; asOf: string; ruleVersion: number; completion: number | null; sharing: number | null; total: number | null }[];
}

export interface SaveRulesAnswer {
  ruleSet: RuleSetVersion;
  run: Run;
}
