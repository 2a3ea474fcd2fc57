import { Type, type Static, type TSchema } from 'typebox';
import { SHARING_PARTS, type SharingPart } from '../../../../common/evaluation';
import { fieldError } from '../../platform/errors';

const weight = Type.Number({ minimum: 0, maximum: 1 });
const target = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });
const exact = <K extends string, T extends TSchema>(keys: readonly K[], value: T) =>
  Type.Object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>, { additionalProperties: false });

export { SHARING_PARTS, type SharingPart };

/** A rule set (docs/supervision-and-evaluation.md): exactly these keys, weights 0–1, targets 1–10⁹. */
export const Rules = Type.Object({
  weights: exact(['completion', 'sharing'], weight),
  completion: exact(['timeliness', 'quantity', 'quality'], weight),
  quality: exact(['firstPass', 'rubric', 'completeness'], weight),
  sharing: exact(SHARING_PARTS, weight),
  targets: exact(SHARING_PARTS, target),
}, { additionalProperties: false });
export type Rules = Static<typeof Rules>;

/** The groups whose weights must sum to 1. */
export const WEIGHT_GROUPS = ['weights', 'completion', 'quality', 'sharing'] as const;

const GROUP_LABELS: Record<(typeof WEIGHT_GROUPS)[number], { zh: string; en: string }> = {
  weights: { zh: '总分构成', en: 'total' },
  completion: { zh: '完成度构成', en: 'completion' },
  quality: { zh: '质量构成', en: 'quality' },
  sharing: { zh: '共享度构成', en: 'sharing' },
};

/** Refuses a rule set whose weights in some group do not sum to 1 (±0.001), naming the first such group. */
export function checkWeights(rules: Rules): void {
  for (const group of WEIGHT_GROUPS) {
    const sum = Object.values(rules[group] as Record<string, number>).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 0.001) throw fieldError('evaluation.weights_sum', `/rules/${group}`, { groupZh: GROUP_LABELS[group].zh, groupEn: GROUP_LABELS[group].en, sum: Number(sum.toFixed(4)) });
  }
}
