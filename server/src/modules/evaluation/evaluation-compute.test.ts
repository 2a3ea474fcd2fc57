import { describe, expect, it } from 'vitest';
import { emptyFacts, rankByTotal, scoreSubject, toScore, weightedMean } from './evaluation-compute';
import type { Rules } from './evaluation-rules';

const RULES: Rules = {
  weights: { completion: 0.6, sharing: 0.4 },
  completion: { timeliness: 0.35, quantity: 0.4, quality: 0.25 },
  quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.2 },
  sharing: { views: 0.15, searchHits: 0.1, downloads: 0.25, uniqueUsers: 0.2, applications: 0.1, reuse: 0.2 },
  targets: { views: 500, searchHits: 2000, downloads: 100, uniqueUsers: 50, applications: 5, reuse: 3 },
};

describe('score arithmetic', () => {
  it('stores shares as 0–100 with two decimals, half away from zero, despite float noise', () => {
    expect(toScore(0.51245)).toBe(51.25);
    expect(toScore(0.123449)).toBe(12.34);
    expect(toScore(0.12345)).toBe(12.35);
    expect(toScore(1)).toBe(100);
    expect(toScore(0)).toBe(0);
    expect(toScore(null)).toBeNull();
  });

  it('renormalises weights over the parts that have a value, and has no value when none has', () => {
    expect(weightedMean([[0.5, 0.4], [null, 0.4], [1, 0.2]])).toBeCloseTo(0.2 / 0.6 + 0.2 / 0.6, 12);
    expect(weightedMean([[null, 0.5], [null, 0.5]])).toBeNull();
    expect(weightedMean([[0.7, 0], [null, 1]])).toBeNull();
  });

  it('ranks like SQL RANK(): ties share a rank and the next rank skips', () => {
    const rows = [{ total: 80 }, { total: 90 }, { total: 80 }, { total: 70 }, { total: null }];
    const ranks = rankByTotal(rows);
    expect(rows.map((r) => ranks.get(r))).toEqual([2, 1, 2, 4, null]);
  });

  it('saturates each sharing part at its target, and gives no sharing score before anything is released', () => {
    const facts = { ...emptyFacts(), lines: [{ type: 'data', planned: 4, dueDate: '2027-01-01', position: 1, submittedByDue: 0 }], usage: { views: 1000, searchHits: 500, downloads: 25, uniqueUsers: 0, applications: 10, months: 3 }, reuse: 6 };
    const unreleased = scoreSubject(facts, RULES, '2026-06-15', '2026-05');
    expect(unreleased.components.sharingParts).toEqual({ views: 1, searchHits: 0.25, downloads: 0.25, uniqueUsers: 0, applications: 1, reuse: 1 });
    expect(unreleased.sharing).toBe(0);
    // quantity 0 is the only completion part with a value: completion 0, total 0.
    expect([unreleased.completion, unreleased.total]).toEqual([0, 0]);
    const released = scoreSubject({ ...facts, released: { data: 1 } }, RULES, '2026-06-15', '2026-05');
    // 0.15 + 0.1 × 0.25 + 0.25 × 0.25 + 0 + 0.1 + 0.2 = 0.5375; completion = quantity 0.25
    expect([released.sharing, released.completion, released.total]).toEqual([53.75, 25, 36.5]);
  });
});
