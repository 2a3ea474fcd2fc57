import { SHARING_PARTS, type Rules, type ScoreComponents, type SharingPart } from './evaluation-types';

export type ComponentKey =
  | 'timeliness' | 'quantity' | 'firstPass' | 'rubric' | 'completeness' | 'quality' | 'completion' | `sharing.${SharingPart}` | 'sharing' | 'total';

/** One term of a weighted mean as applied: the weight after renormalisation and the component it weighs. */
export interface Term {
  key: ComponentKey;
  weight: number;
  value: number;
}

/** One line of a subject's computation, in the order it is computed (parts before the whole). */
export interface ComponentLine {
  key: ComponentKey;
  depth: 0 | 1 | 2;
  /** The weight of the rule set, null for the total. */
  weight: number | null;
  /** The weight after the weights of not-applicable siblings were shared out; null when itself not applicable. */
  applied: number | null;
  value: number | null;
  /** For wholes: the terms it is computed from. */
  terms?: Term[];
}

/** Weights renormalised over the non-null values (formula: "weighted mean of the non-null … renormalised"). */
export function renormalise<K extends string>(weights: Record<K, number>, values: Record<K, number | null>): Record<K, number | null> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((total, key) => (values[key] === null ? total : total + weights[key]), 0);
  return Object.fromEntries(keys.map((key) => [key, values[key] === null || sum === 0 ? null : weights[key] / sum])) as Record<K, number | null>;
}

function termsOf<K extends string>(applied: Record<K, number | null>, values: Record<K, number | null>, prefix = ''): Term[] {
  return (Object.keys(applied) as K[]).flatMap((key) => {
    const weight = applied[key];
    const value = values[key];
    return weight === null || value === null ? [] : [{ key: `${prefix}${key}` as ComponentKey, weight, value }];
  });
}

/** The lines of the computation table for one subject's components under the rules of its run. */
export function computationLines(rules: Rules, c: ScoreComponents): ComponentLine[] {
  const qualityValues = { firstPass: c.firstPass, rubric: c.rubric, completeness: c.completeness };
  const quality = renormalise(rules.quality, qualityValues);
  const completionValues = { timeliness: c.timeliness, quantity: c.quantity, quality: c.quality };
  const completion = renormalise(rules.completion, completionValues);
  const totalValues = { completion: c.completion, sharing: c.sharing };
  const total = renormalise(rules.weights, totalValues);
  const sharingValues = Object.fromEntries(SHARING_PARTS.map((part) => [part, c.sharingParts[part]])) as Record<SharingPart, number>;

  return [
    { key: 'timeliness', depth: 1, weight: rules.completion.timeliness, applied: completion.timeliness, value: c.timeliness },
    { key: 'quantity', depth: 1, weight: rules.completion.quantity, applied: completion.quantity, value: c.quantity },
    { key: 'firstPass', depth: 2, weight: rules.quality.firstPass, applied: quality.firstPass, value: c.firstPass },
    { key: 'rubric', depth: 2, weight: rules.quality.rubric, applied: quality.rubric, value: c.rubric },
    { key: 'completeness', depth: 2, weight: rules.quality.completeness, applied: quality.completeness, value: c.completeness },
    { key: 'quality', depth: 1, weight: rules.completion.quality, applied: completion.quality, value: c.quality, terms: termsOf(quality, qualityValues) },
    { key: 'completion', depth: 0, weight: rules.weights.completion, applied: total.completion, value: c.completion, terms: termsOf(completion, completionValues) },
    ...SHARING_PARTS.map((part): ComponentLine => ({ key: `sharing.${part}`, depth: 1, weight: rules.sharing[part], applied: rules.sharing[part], value: c.sharingParts[part] })),
    { key: 'sharing', depth: 0, weight: rules.weights.sharing, applied: total.sharing, value: c.sharing, terms: termsOf(rules.sharing, sharingValues, 'sharing.') },
    { key: 'total', depth: 0, weight: null, applied: null, value: c.total, terms: termsOf(total, totalValues) },
  ];
}

/** True when a line's weight was changed by sharing out the weights of not-applicable siblings. */
export function isRenormalised(line: ComponentLine): boolean {
  return line.weight !== null && line.applied !== null && Math.abs(line.weight - line.applied) > 1e-9;
}
