import { fakeMe } from '../../test/render-app';
import type { Me } from '../auth/auth-types';
import type { Role } from '../../../../common/roles';
import type { Rules, RuleSetVersion, Run, ScoreRow, SubjectScoreAnswer } from './evaluation-types';

/** Test data for the evaluation screens, shaped as docs/supervision-and-evaluation.md answers. */
export const RUN_1 = '11111111-1111-4111-8111-111111111111';
export const RUN_2 = '22222222-2222-4222-8222-222222222222';
export const RUN_3 = '33333333-3333-4333-8333-333333333333';
export const UNIT_ZJU = '44444444-4444-4444-8444-444444444444';
export const PI_ZHANG = '55555555-5555-4555-8555-555555555555';

export function asRole(role: Role, scopeId: string | null = 'scope-1'): Me {
  return fakeMe({
    user: { ...fakeMe().user, id: `u-${role}`, username: role, displayName: role },
    grants: [{ id: `g-${role}`, role, scopeType: role === 'pi' || role === 'submitter' ? 'subject' : role === 'sysadmin' ? 'platform' : 'organisation', scopeId: role === 'sysadmin' ? null : scopeId, scopeName: null }],
    capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
  });
}

export const ministryAdmin = asRole('ministry_admin', 'o-ministry');

export const DEFAULT_RULES: Rules = {
  weights: { completion: 0.6, sharing: 0.4 },
  completion: { timeliness: 0.35, quantity: 0.4, quality: 0.25 },
  quality: { firstPass: 0.4, rubric: 0.4, completeness: 0.2 },
  sharing: { views: 0.15, searchHits: 0.1, downloads: 0.25, uniqueUsers: 0.2, applications: 0.1, reuse: 0.2 },
  targets: { views: 500, searchHits: 2000, downloads: 100, uniqueUsers: 50, applications: 5, reuse: 3 },
};

export function ruleSet(overrides: Partial<RuleSetVersion> = {}): RuleSetVersion {
  return { version: 1, rules: DEFAULT_RULES, note: '默认规则（DESIGN §8）', createdAt: '2026-11-27T10:00:00.000Z', createdByName: null, ...overrides };
}

export function run(overrides: Partial<Run> = {}): Run {
  return {
    id: RUN_2, ruleVersion: 2, asOf: '2026-11-26T16:30:00.000Z', trigger: 'rules', status: 'done', subjects: 3,
    createdAt: '2026-11-26T16:30:00.000Z', startedAt: '2026-11-26T16:30:01.000Z', finishedAt: '2026-11-26T16:30:05.000Z', error: null, requestedByName: '部委管理员',
    ...overrides,
  };
}

export const RUNS: Run[] = [run(), run({ id: RUN_1, ruleVersion: 1, asOf: '2026-10-31T16:30:00.000Z', trigger: 'schedule', requestedByName: null, subjects: 2 })];

export function scoreRow(overrides: Partial<ScoreRow> = {}): ScoreRow {
  return {
    key: '2025YFC0801', name: '浙江省慢性病队列数据汇交', subjects: 1, completion: 82.5, sharing: 61.25, total: 74, rank: 1, previousTotal: 70.5,
    trend: [{ runId: RUN_1, asOf: '2026-10-31T16:30:00.000Z', total: 70.5 }, { runId: RUN_2, asOf: '2026-11-26T16:30:00.000Z', total: 74 }],
    ...overrides,
  };
}

export const SUBJECT_ROWS: ScoreRow[] = [
  scoreRow(),
  scoreRow({ key: '2025YFC0802', name: '长三角人群队列随访', completion: 60.1, sharing: 45.05, total: 55.1, rank: 2, previousTotal: 60.35,
    trend: [{ runId: RUN_1, asOf: '2026-10-31T16:30:00.000Z', total: 60.35 }, { runId: RUN_2, asOf: '2026-11-26T16:30:00.000Z', total: 55.1 }] }),
  scoreRow({ key: '2025YFC0803', name: '罕见病样本库建设', completion: 40, sharing: 0, total: 24, rank: 3, previousTotal: null, trend: [{ runId: RUN_2, asOf: '2026-11-26T16:30:00.000Z', total: 24 }] }),
];

export const UNIT_ROWS: ScoreRow[] = [scoreRow({ key: UNIT_ZJU, name: '浙江大学', subjects: 2, completion: 71.3, sharing: 53.15, total: 64.55, rank: 1, previousTotal: 64.55 })];
export const PI_ROWS: ScoreRow[] = [scoreRow({ key: PI_ZHANG, name: '张三', subjects: 2, total: 64.55, previousTotal: 64.55 })];

/**
 * A subject with two plan lines due (2 of 3 data on time, the report on time), one not due; data 3 of 5
 * released, the report released; one of two first rounds approved; no expert scores (rubric not
 * applicable); optional fields 60% filled. Under the default rules:
 *   timeliness 3/4 = 0.75; quantity (3/5 + 1/1) / 2 = 0.8; firstPass 1/2 = 0.5; completeness 0.6
 *   quality = (0.4 × 0.5 + 0.2 × 0.6) / 0.6 = 0.533333…
 *   completion = 0.35 × 0.75 + 0.4 × 0.8 + 0.25 × 0.533333 = 0.715833…
 *   parts: views 120/500 = 0.24, searchHits 800/2000 = 0.4, downloads 30/100 = 0.3, uniqueUsers 20/50 = 0.4,
 *          applications 2/5 = 0.4, reuse 1/3 = 0.333333…
 *   sharing = 0.036 + 0.04 + 0.075 + 0.08 + 0.04 + 0.066667 = 0.337667
 *   total = 0.6 × 0.715833 + 0.4 × 0.337667 = 0.564567 → 56.46
 */
export function subjectScore(overrides: Partial<SubjectScoreAnswer> = {}): SubjectScoreAnswer {
  const quality = (0.4 * 0.5 + 0.2 * 0.6) / 0.6;
  const completion = 0.35 * 0.75 + 0.4 * 0.8 + 0.25 * quality;
  const sharingParts = { views: 0.24, searchHits: 0.4, downloads: 0.3, uniqueUsers: 0.4, applications: 0.4, reuse: 1 / 3 };
  const sharing = 0.15 * 0.24 + 0.1 * 0.4 + 0.25 * 0.3 + 0.2 * 0.4 + 0.1 * 0.4 + 0.2 / 3;
  const total = 0.6 * completion + 0.4 * sharing;
  return {
    subject: { code: '2025YFC0801', titleZh: '浙江省慢性病队列数据汇交', titleEn: 'Zhejiang chronic disease cohort data' },
    run: run(),
    rules: DEFAULT_RULES,
    score: { completion: 71.58, sharing: 33.77, total: 56.46, rank: 2, of: 3 },
    inputs: {
      lines: [
        { type: 'data', planned: 3, dueDate: '2026-06-30', onTime: 2, waived: false },
        { type: 'report', planned: 1, dueDate: '2026-09-30', onTime: 1, waived: false },
        { type: 'data', planned: 2, dueDate: '2027-06-30', onTime: null, waived: false },
      ],
      releasedByType: { data: 3, report: 1 },
      firstRound: { approved: 1, returned: 1 },
      rubric: { count: 0, mean: null },
      completeness: { resources: 2, mean: 0.6 },
      usage: { views: 120, searchHits: 800, downloads: 30, uniqueUsers: 20, applications: 2, reuse: 1 },
      usageThrough: '2026-10',
    },
    components: { timeliness: 0.75, quantity: 0.8, firstPass: 0.5, rubric: null, completeness: 0.6, quality, completion, sharingParts, sharing, total },
    history: [
      { runId: RUN_1, asOf: '2026-10-31T16:30:00.000Z', ruleVersion: 1, completion: 68.2, sharing: 30.1, total: 52.96 },
      { runId: RUN_2, asOf: '2026-11-26T16:30:00.000Z', ruleVersion: 2, completion: 71.58, sharing: 33.77, total: 56.46 },
    ],
    ...overrides,
  };
}
