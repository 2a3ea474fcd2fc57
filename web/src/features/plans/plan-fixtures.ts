import type { Grant } from '../auth/auth-types';
import type { SubjectDetail } from '../registry/registry-types';
import type { Plan, PlanVersion } from './plan-types';
import { fakeMe, type FakeRoutes } from '../../test/render-app';

/** Test data for plan screens: one subject, its plan, and the session of someone working on it. */
export const SUBJECT_ID = '6f1c2a9e-0000-4000-8000-000000000001';

export const subjectDetail: SubjectDetail = {
  id: SUBJECT_ID, code: '2025YFC0810001', titleZh: '长三角人群队列慢性病风险因素研究', titleEn: null, status: 'active',
  startDate: '2025-01-01', endDate: '2027-12-31', acceptanceDate: '2027-12-31', collectionBudget: 500000,
  projectId: 'p1', projectCode: '2025YFC0810000', projectTitle: '人群队列多组学数据整合研究', programId: 'g1', programCode: '2025YFC0800000', programTitle: '生物与信息融合',
  leadUnitId: 'u1', leadUnitName: '浙江大学', platformOrgId: 'ph', platformName: '国家人口健康科学数据中心', regionCode: '330000', regionName: '浙江省', regionNameEn: 'Zhejiang',
  piUserId: 'u-pi', piName: '刘洋',
  plan: { status: 'draft', versionNo: 1, versionId: 'v1', approvedVersionNo: null, stepDueAt: null, overdue: false, nextDueDate: null },
  daysToAcceptance: 400, coUnits: [], people: [],
  can: { update: false, designate: false, editPlan: true, reviewUnit: false, reviewPlatform: false },
};

export function version(overrides: Partial<PlanVersion> = {}): PlanVersion {
  return {
    id: 'v1', versionNo: 1, kind: 'initial', amendmentReason: null, status: 'draft', round: 0, stepDueAt: null, overdue: false,
    submittedAt: null, approvedAt: null, createdAt: '2026-11-27T05:00:00.000Z',
    lines: [{ id: 'l1', position: 1, resourceType: 'data', plannedCount: 2, dueDate: '2027-06-30', sharingMode: 'open', notes: null }],
    rounds: [], decisions: [], comments: [], diff: [], diffBase: null,
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> = {}): Plan {
  return {
    subjectId: SUBJECT_ID, planId: 'plan1', approved: null, working: version(), history: [{ id: 'v1', versionNo: 1, kind: 'initial', status: 'draft', approvedAt: null, amendmentReason: null }],
    allowedTypes: [{ type: 'data', label: { zh: '科学数据', en: 'Scientific data' } }, { type: 'report', label: { zh: '研究实验报告', en: 'Research report' } }],
    defaultDueDate: '2027-12-01', acceptanceDate: '2027-12-31',
    can: { edit: true, reviewUnit: false, reviewPlatform: false, comment: true },
    ...overrides,
  };
}

export function sessionWith(grants: Grant[]) {
  return fakeMe({ grants, capabilities: { manageOrgs: false, listUsers: false, readAudit: false } });
}

/** The requests every plan page makes, answered; add the writes a test is about. */
export function planRoutes(me: ReturnType<typeof fakeMe>, current: Plan, subject: SubjectDetail = subjectDetail): FakeRoutes {
  return {
    'GET /api/auth/me': { body: me },
    'GET /api/orgs': { body: { items: [] } },
    [`GET /api/subjects/${SUBJECT_ID}`]: { body: subject },
    [`GET /api/subjects/${SUBJECT_ID}/plan`]: { body: current },
  };
}
