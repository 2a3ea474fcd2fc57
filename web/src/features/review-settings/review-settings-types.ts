import type { Bilingual } from '../standards/standard-types';

/** A review tier a platform may skip for a resource type (platform curation is never skipped). */
export type SkippableTier = 'unit' | 'expert';
export const SKIPPABLE_TIERS: readonly SkippableTier[] = ['unit', 'expert'];

export interface RubricCriterion {
  key: string;
  label: Bilingual;
}

export interface DecisionRule {
  requireAllApprove: boolean;
  minMean: number | null;
}

/** PUT /api/platforms/:id/review-settings: how a platform reviews resources and mints CSTRs. */
export interface ReviewSettings {
  reviewDays: number;
  returnDays: number;
  skipTiers: Record<string, SkippableTier[]>;
  rubric: RubricCriterion[];
  rule: DecisionRule;
  minExperts: number;
  cstrTypeCodes: Record<string, string>;
}

/** GET /api/platforms/:id/review-settings also names the resource types and licences the platform offers. */
export interface ReviewSettingsAnswer extends ReviewSettings {
  resourceTypes: Array<{ type: string; label: Bilingual }>;
  licences: Array<{ id: string; label: Bilingual }>;
}
