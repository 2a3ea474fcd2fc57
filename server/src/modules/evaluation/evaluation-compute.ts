import type { RollupLevel } from '../../db/schema';
import { SHARING_PARTS, type ScoreComponents, type ScoreInputs, type SharingPart } from '../../../../common/evaluation';
import type { Rules } from './evaluation-rules';

export type { ScoreComponents, ScoreInputs };

/** One line of the approved plan, with the lineages of its type first submitted by its due date (S_t(due)). */
export interface LineFacts {
  type: string;
  planned: number;
  dueDate: string;
  position: number;
  submittedByDue: number;
}

/** Everything the formulas read about one subject, each count already bounded by the run's as_of. */
export interface SubjectFacts {
  /** Where the subject rolls up (not a formula input). */
  keys: RollupKeys;
  lines: LineFacts[];
  waivedTypes: string[];
  /** Lineages with a version released at or before as_of and not withdrawn at as_of, by type. */
  released: Record<string, number>;
  firstRound: { approved: number; returned: number };
  rubric: { opinions: number; scores: number; sum: number };
  completeness: { resources: number; ratioSum: number };
  usage: Record<Exclude<SharingPart, 'reuse'>, number> & { months: number };
  reuse: number;
}

export const emptyFacts = (keys: RollupKeys = { pi: null, unit: null, province: null, platform: null, program: null }): SubjectFacts => ({
  keys, lines: [], waivedTypes: [], released: {}, firstRound: { approved: 0, returned: 0 }, rubric: { opinions: 0, scores: 0, sum: 0 },
  completeness: { resources: 0, ratioSum: 0 }, usage: { views: 0, searchHits: 0, downloads: 0, uniqueUsers: 0, applications: 0, months: 0 }, reuse: 0,
});

export interface SubjectScore {
  inputs: ScoreInputs;
  components: ScoreComponents;
  /** 0–100, two decimals. */
  completion: number | null;
  sharing: number;
  total: number | null;
}

/**
 * A share (0–1) as a 0–100 score with two decimals, half away from zero. The float product is first
 * cut to 12 significant digits so that 0.51245 × 10 000 = 5124.499999… still rounds to 51.25.
 */
export function toScore(share: number | null): number | null {
  return share === null ? null : round2(share * 100);
}

/** Two decimals, half away from zero, after cutting float noise (12 significant digits). */
export function round2(value: number): number {
  const hundredths = Number((Math.abs(value) * 100).toPrecision(12));
  return (Math.sign(value) * Math.round(hundredths)) / 100 || 0;
}

/** A component as stored for display: six decimals are plenty for a share. */
const tidy = (value: number | null): number | null => (value === null ? null : Number(value.toFixed(6)));

/** Weighted mean of the parts that have a value; the weights of the others are left out (renormalised). */
export function weightedMean(parts: Array<[value: number | null, weight: number]>): number | null {
  let sum = 0;
  let weights = 0;
  for (const [value, weight] of parts) {
    if (value === null) continue;
    sum += value * weight;
    weights += weight;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * Timeliness per line: for each type, lines in due-date order take the lineages submitted by their due
 * date, after the earlier lines of the type have taken theirs: onTime(L) = min(planned, max(0, S_t(due) − earlier)).
 * A waived type counts as fulfilled. Lines not yet due at as_of have no onTime (null).
 */
function onTimeByLine(lines: LineFacts[], waived: Set<string>, asOfDate: string): Map<LineFacts, number | null> {
  const result = new Map<LineFacts, number | null>();
  const ordered = [...lines].sort((a, b) => a.type.localeCompare(b.type) || a.dueDate.localeCompare(b.dueDate) || a.position - b.position);
  const earlier = new Map<string, number>();
  for (const line of ordered) {
    const before = earlier.get(line.type) ?? 0;
    earlier.set(line.type, before + line.planned);
    if (line.dueDate > asOfDate) result.set(line, null);
    else result.set(line, waived.has(line.type) ? line.planned : Math.min(line.planned, Math.max(0, line.submittedByDue - before)));
  }
  return result;
}

/** The formulas of the contract for one subject with an approved plan. */
export function scoreSubject(facts: SubjectFacts, rules: Rules, asOfDate: string, usageThrough: string | null): SubjectScore {
  const waived = new Set(facts.waivedTypes);
  const onTime = onTimeByLine(facts.lines, waived, asOfDate);
  const lines = [...facts.lines].sort((a, b) => a.position - b.position);
  const due = lines.filter((l) => onTime.get(l) !== null);
  const duePlanned = due.reduce((n, l) => n + l.planned, 0);
  const timeliness = duePlanned > 0 ? due.reduce((n, l) => n + onTime.get(l)!, 0) / duePlanned : null;

  const plannedByType = new Map<string, number>();
  for (const line of lines) plannedByType.set(line.type, (plannedByType.get(line.type) ?? 0) + line.planned);
  const shares = [...plannedByType].map(([type, planned]) => (waived.has(type) ? 1 : Math.min(1, (facts.released[type] ?? 0) / planned)));
  const quantity = shares.length > 0 ? shares.reduce((a, b) => a + b, 0) / shares.length : 0;

  const decided = facts.firstRound.approved + facts.firstRound.returned;
  const firstPass = decided > 0 ? facts.firstRound.approved / decided : null;
  const rubricMean = facts.rubric.scores > 0 ? facts.rubric.sum / facts.rubric.scores : null;
  const rubric = rubricMean === null ? null : (rubricMean - 1) / 4;
  const completeness = facts.completeness.resources > 0 ? facts.completeness.ratioSum / facts.completeness.resources : null;
  const quality = weightedMean([[firstPass, rules.quality.firstPass], [rubric, rules.quality.rubric], [completeness, rules.quality.completeness]]);
  const completion = weightedMean([[timeliness, rules.completion.timeliness], [quantity, rules.completion.quantity], [quality, rules.completion.quality]]);

  const usage: Record<SharingPart, number> = { ...pick(facts.usage), reuse: facts.reuse };
  const sharingParts = Object.fromEntries(SHARING_PARTS.map((part) => [part, Math.min(1, usage[part] / rules.targets[part])])) as Record<SharingPart, number>;
  const anyReleased = Object.values(facts.released).some((n) => n > 0);
  const sharing = anyReleased ? SHARING_PARTS.reduce((sum, part) => sum + rules.sharing[part] * sharingParts[part], 0) : 0;
  const total = weightedMean([[completion, rules.weights.completion], [sharing, rules.weights.sharing]]);

  const releasedByType: Record<string, number> = Object.fromEntries([...plannedByType.keys()].map((type) => [type, 0]));
  for (const [type, n] of Object.entries(facts.released)) releasedByType[type] = n;
  return {
    inputs: {
      lines: lines.map((l) => ({ type: l.type, planned: l.planned, dueDate: l.dueDate, onTime: onTime.get(l) ?? null, waived: waived.has(l.type) })),
      releasedByType,
      firstRound: { ...facts.firstRound },
      rubric: { count: facts.rubric.opinions, mean: tidy(rubricMean) },
      completeness: { resources: facts.completeness.resources, mean: tidy(completeness) },
      usage,
      usageThrough: facts.usage.months > 0 ? usageThrough : null,
    },
    components: {
      timeliness: tidy(timeliness), quantity: tidy(quantity)!, firstPass: tidy(firstPass), rubric: tidy(rubric), completeness: tidy(completeness), quality: tidy(quality),
      completion: tidy(completion), sharingParts: Object.fromEntries(SHARING_PARTS.map((p) => [p, tidy(sharingParts[p])])) as Record<SharingPart, number>, sharing: tidy(sharing)!, total: tidy(total),
    },
    completion: toScore(completion),
    sharing: toScore(sharing)!,
    total: toScore(total),
  };
}

function pick(usage: SubjectFacts['usage']): Record<Exclude<SharingPart, 'reuse'>, number> {
  return { views: usage.views, searchHits: usage.searchHits, downloads: usage.downloads, uniqueUsers: usage.uniqueUsers, applications: usage.applications };
}

/** RANK() by total, highest first: equal totals share a rank, the next rank skips. Null totals are unranked. */
export function rankByTotal<T extends { total: number | null }>(rows: T[]): Map<T, number | null> {
  const ranked = rows.filter((r) => r.total !== null).sort((a, b) => b.total! - a.total!);
  const ranks = new Map<T, number | null>(rows.map((r) => [r, null]));
  ranked.forEach((row, i) => ranks.set(row, i > 0 && ranked[i - 1]!.total === row.total ? ranks.get(ranked[i - 1]!)! : i + 1));
  return ranks;
}

export const ROLLUP_LEVELS: readonly RollupLevel[] = ['pi', 'unit', 'province', 'platform', 'program'];

/** Where a subject rolls up: its PI, lead unit, province (e.g. 330000), platform and program code. */
export type RollupKeys = Record<RollupLevel, string | null>;

export interface RollupRow {
  level: RollupLevel;
  key: string;
  subjects: number;
  completion: number | null;
  sharing: number | null;
  total: number | null;
  rank: number | null;
}

/**
 * Roll-ups per level and key: the mean of the subjects' non-null stored values (two decimals, half away
 * from zero: the sum is kept in whole hundredths, so the mean is exact), ranked by total within the level.
 */
export function rollUp(subjects: Array<{ keys: RollupKeys; completion: number | null; sharing: number | null; total: number | null }>): RollupRow[] {
  type Sums = { subjects: number; sums: [number, number, number]; counts: [number, number, number] };
  const groups = new Map<string, Sums & { level: RollupLevel; key: string }>();
  for (const subject of subjects) {
    for (const level of ROLLUP_LEVELS) {
      const key = subject.keys[level];
      if (key === null) continue;
      const id = `${level}|${key}`;
      let group = groups.get(id);
      if (!group) groups.set(id, (group = { level, key, subjects: 0, sums: [0, 0, 0], counts: [0, 0, 0] }));
      group.subjects += 1;
      [subject.completion, subject.sharing, subject.total].forEach((value, i) => {
        if (value === null) return;
        group.sums[i]! += Math.round(value * 100);
        group.counts[i]! += 1;
      });
    }
  }
  const mean = (g: Sums, i: number) => (g.counts[i] ? (Math.sign(g.sums[i]!) * Math.round(Math.abs(g.sums[i]!) / g.counts[i]!)) / 100 || 0 : null);
  const rows: RollupRow[] = [...groups.values()].map((g) => ({ level: g.level, key: g.key, subjects: g.subjects, completion: mean(g, 0), sharing: mean(g, 1), total: mean(g, 2), rank: null }));
  for (const level of ROLLUP_LEVELS) {
    const ofLevel = rows.filter((r) => r.level === level);
    const ranks = rankByTotal(ofLevel);
    for (const row of ofLevel) row.rank = ranks.get(row) ?? null;
  }
  return rows;
}
