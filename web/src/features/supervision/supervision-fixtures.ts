import type { Grant } from '../auth/auth-types';
import { fakeMe, type FakeRoutes } from '../../test/render-app';
import type { Breakdown, Charts, Overview, SubjectRow } from './supervision-types';

/** Test data for the supervision screens, shaped like docs/supervision-and-evaluation.md. */
export const DEPT_ID = '0d000000-0000-4000-8000-000000000001';
export const ZJU_ID = '0a000000-0000-4000-8000-000000000001';
export const NINGBO_ID = '0a000000-0000-4000-8000-000000000002';
export const PLATFORM_ID = '0b000000-0000-4000-8000-000000000001';

export function sessionWith(grants: Array<Omit<Grant, 'id'>>) {
  return fakeMe({
    user: { ...fakeMe().user, id: 'u-x', username: 'x', displayName: '张督办' },
    grants: grants.map((grant, index) => ({ id: `g${index}`, ...grant })),
    capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
  });
}

export const ministry = sessionWith([{ role: 'ministry_admin', scopeType: 'organisation', scopeId: '0e000000-0000-4000-8000-000000000001', scopeName: '科技部', scopeKind: 'ministry' }]);
export const supervisor = sessionWith([{ role: 'province_supervisor', scopeType: 'organisation', scopeId: DEPT_ID, scopeName: '浙江省科学技术厅', scopeKind: 'province_dept' }]);
export const unitAdmin = sessionWith([{ role: 'unit_admin', scopeType: 'organisation', scopeId: ZJU_ID, scopeName: '浙江大学', scopeKind: 'unit' }]);
export const platformAdmin = sessionWith([{ role: 'platform_admin', scopeType: 'organisation', scopeId: PLATFORM_ID, scopeName: '国家人口健康科学数据中心', scopeKind: 'domain_platform' }]);

const org = (id: string, kind: string, nameZh: string, nameEn: string | null, regionCode: string | null, parentId: string | null = null) => ({
  id, kind, nameZh, nameEn, parentId, regionCode, creditCode: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
});
export const ORGS = [
  org(DEPT_ID, 'province_dept', '浙江省科学技术厅', 'Zhejiang Department of Science and Technology', '330000'),
  org(ZJU_ID, 'unit', '浙江大学', 'Zhejiang University', '330100'),
  org(NINGBO_ID, 'unit', '宁波大学', 'Ningbo University', '330200'),
  org(PLATFORM_ID, 'domain_platform', '国家人口健康科学数据中心', 'National Population Health Data Center', null),
];

export const REGIONS = [
  { code: '110000', nameZh: '北京市', nameEn: 'Beijing' },
  { code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang' },
];

export const overview: Overview = {
  subjects: 12, withApprovedPlan: 9, planned: 40, delivered: 22, completion: 0.55,
  byType: [{ type: 'data', planned: 30, delivered: 15 }, { type: 'report', planned: 10, delivered: 7 }],
  inReview: { unit: 3, platform: 2, expert: 1 },
  overdue: { subjects: 4, planLines: 5, planReviews: 1, resourceReviews: 2 },
  certificates: { issued: 2, eligible: 1 }, acceptanceWithin90Days: 3,
  funding: { budget: '6000000.00', spent: '1234567.50', flagged: 1 },
};

const row = (key: string, name: string, values: Partial<Breakdown['rows'][number]> = {}): Breakdown['rows'][number] => ({
  key, name, nameEn: null, subjects: 1, planned: 0, delivered: 0, completion: 0, inReview: 0, overdueSubjects: 0, certified: 0, ...values,
});

export const byProvince: Breakdown = {
  by: 'province',
  rows: [
    row('110000', '北京市', { nameEn: 'Beijing', subjects: 5, planned: 16, delivered: 10, completion: 0.625, inReview: 2, overdueSubjects: 1, certified: 1 }),
    row('330000', '浙江省', { nameEn: 'Zhejiang', subjects: 7, planned: 24, delivered: 12, completion: 0.5, inReview: 4, overdueSubjects: 3, certified: 1 }),
  ],
};

export const byUnit: Breakdown = {
  by: 'unit',
  rows: [
    row(NINGBO_ID, '宁波大学', { subjects: 2, planned: 8, delivered: 8, completion: 1, certified: 1 }),
    row(ZJU_ID, '浙江大学', { subjects: 5, planned: 16, delivered: 4, completion: 0.25, inReview: 4, overdueSubjects: 3 }),
  ],
};

export function subjectRow(overrides: Partial<SubjectRow> = {}): SubjectRow {
  return {
    code: '2025YFC0810001', titleZh: '长三角人群队列慢性病风险因素研究', titleEn: 'Chronic disease risk factors in a Yangtze Delta cohort', piName: '刘洋',
    leadUnit: { id: ZJU_ID, name: '浙江大学' }, province: { code: '330000', name: '浙江省' }, platform: { id: PLATFORM_ID, name: '国家人口健康科学数据中心' },
    programCode: '2025YFC0800000', projectCode: '2025YFC0810000', planStatus: 'approved', planned: 6, delivered: 3, completion: 0.5,
    byType: [
      { type: 'data', planned: 4, delivered: 2, dueDate: '2026-09-30', overdue: true },
      { type: 'report', planned: 2, delivered: 1, dueDate: '2027-06-30', overdue: false },
    ],
    inReview: { unit: 1, platform: 0, expert: 0 }, overdueItems: ['line:data', 'resource_review'], acceptanceDate: '2027-12-31', daysToAcceptance: 400,
    certificate: { status: 'missing', code: null }, funding: { budget: '500000.00', spent: '12000.00', flagged: false }, lastReminderAt: null, canRemind: true,
    ...overrides,
  };
}

export const overdueSubject = subjectRow();
export const onTimeSubject = subjectRow({
  code: '2025YFC0810002', titleZh: '东海近岸海洋生态监测数据集成', titleEn: null, piName: '陈静', planned: 2, delivered: 2, completion: 1,
  byType: [{ type: 'data', planned: 2, delivered: 2, dueDate: '2026-06-30', overdue: false }], inReview: { unit: 0, platform: 0, expert: 0 }, overdueItems: [],
  daysToAcceptance: -12, certificate: { status: 'issued', code: 'K7Q2-9XMD-4TPA' }, lastReminderAt: '2026-11-20T02:00:00.000Z',
});
export const foreignSubject = subjectRow({
  code: '2025YFC0810003', titleZh: '杭州湾湿地微生物组调查', titleEn: null, piName: '周敏', leadUnit: { id: NINGBO_ID, name: '宁波大学' }, planStatus: 'unit_review',
  planned: 0, delivered: 0, completion: 0, byType: [], overdueItems: ['plan_review'], daysToAcceptance: 60,
  funding: { budget: '300000.00', spent: '80000.00', flagged: true }, canRemind: false,
});

export const charts: Charts = {
  months: ['2026-09', '2026-10', '2026-11'],
  completion: [{ month: '2026-09', planned: 10, delivered: 6 }, { month: '2026-10', planned: 14, delivered: 9 }, { month: '2026-11', planned: 20, delivered: 12 }],
  overdue: [{ month: '2026-09', lines: 2 }, { month: '2026-10', lines: 0 }, { month: '2026-11', lines: 3 }],
  turnaround: [
    { tier: 'unit', count: 8, meanDays: 3.25, medianDays: 3 },
    { tier: 'platform', count: 6, meanDays: 6.5, medianDays: 5 },
    { tier: 'expert', count: 2, meanDays: null, medianDays: null },
  ],
  usage: [{ month: '2026-09', views: 120, downloads: 30, searchHits: 400 }, { month: '2026-10', views: 150, downloads: 42, searchHits: 380 }, { month: '2026-11', views: 90, downloads: 20, searchHits: 310 }],
};

/** Every read the supervision screen makes, answered; breakdown by the `by` asked for, subjects by the unit filter. */
export function supervisionRoutes(me: ReturnType<typeof fakeMe>, extra: FakeRoutes = {}): FakeRoutes {
  return {
    'GET /api/auth/me': { body: me },
    'GET /api/regions': { body: { items: REGIONS } },
    'GET /api/orgs': { body: { items: ORGS } },
    ...Object.fromEntries(ORGS.map((o) => [`GET /api/orgs/${o.id}`, { body: o }])),
    'GET /api/programs': { body: { items: [] } },
    'GET /api/supervision/overview': { body: overview },
    'GET /api/supervision/breakdown': (_init, url) => ({ body: url.searchParams.get('by') === 'unit' ? byUnit : byProvince }),
    'GET /api/supervision/subjects': (_init, url) => ({
      body: url.searchParams.get('unitId') === ZJU_ID
        ? { total: 2, items: [overdueSubject, onTimeSubject] }
        : { total: 3, items: [overdueSubject, onTimeSubject, foreignSubject] },
    }),
    'GET /api/supervision/charts': { body: charts },
    ...extra,
  };
}
