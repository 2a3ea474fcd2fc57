import type { Me } from '../auth/auth-types';
import { fakeMe } from '../../test/render-app';
import type { Application, PortalResource, SearchAnswer, SearchItem } from './portal-types';

/** Test data for the portal screens, shaped as docs/portal.md answers. */
export const RESOURCE_ID = 'r1';

export function searchItem(overrides: Partial<SearchItem> = {}): SearchItem {
  return {
    id: RESOURCE_ID, titleZh: '浙江省慢性病队列基线调查数据集', titleEn: 'Zhejiang chronic disease cohort baseline survey data',
    snippet: '2019—2021 年浙江省 12 个区县慢性病<mark>队列</mark>的基线调查数据', resourceType: 'data', typeLabel: { zh: '科学数据', en: 'Scientific data' },
    platform: { id: 'p-health', name: { zh: '国家人口健康科学数据中心', en: 'National Population Health Data Center' } },
    unit: { id: 'o-zju', name: '浙江大学' }, province: { code: '330000', name: { zh: '浙江省', en: 'Zhejiang' } }, year: 2027,
    sharingMode: 'open', licence: 'CC-BY-4.0', cstr: 'CSTR:31253.11.hj2027000001', releasedAt: '2027-03-02T02:00:00.000Z',
    usage: { views: 1234, downloads: 56 },
    ...overrides,
  };
}

const label = (zh: string, en: string) => ({ zh, en });

export function searchAnswer(overrides: Partial<SearchAnswer> = {}): SearchAnswer {
  return {
    total: 2, totalCapped: false,
    items: [searchItem(), searchItem({ id: 'r2', titleZh: '长三角人群队列研究报告', titleEn: null, resourceType: 'report', typeLabel: label('研究实验报告', 'Research report'), sharingMode: 'application', snippet: '<mark>队列</mark>随访报告' })],
    facets: {
      type: [{ value: 'data', label: label('科学数据', 'Scientific data'), count: 1 }, { value: 'report', label: label('研究实验报告', 'Research report'), count: 1 }],
      platform: [{ value: 'p-health', label: label('国家人口健康科学数据中心', 'National Population Health Data Center'), count: 2 }],
      discipline: [],
      program: [{ value: '2025YFC08', label: label('重点研发计划：主动健康', 'National Key R&D: Active health'), count: 2 }],
      unit: [{ value: 'o-zju', label: label('浙江大学', 'Zhejiang University'), count: 2 }],
      province: [{ value: '330000', label: label('浙江省', 'Zhejiang'), count: 2 }],
      year: [{ value: '2027', label: label('2027', '2027'), count: 2 }],
      sharingMode: [{ value: 'open', label: label('公开', 'Open'), count: 1 }, { value: 'application', label: label('申请审批', 'On application'), count: 1 }],
      licence: [{ value: 'CC-BY-4.0', label: label('CC BY 4.0', 'CC BY 4.0'), count: 2 }],
    },
    facetsApproximate: false,
    ...overrides,
  };
}

export function portalResource(overrides: Omit<Partial<PortalResource>, 'access'> & { access?: Partial<PortalResource['access']> } = {}): PortalResource {
  const { access, ...rest } = overrides;
  return {
    id: RESOURCE_ID, lineageId: 'lin1', versionNo: 1, latestVersionNo: 1, status: 'released',
    resourceType: 'data', typeLabel: label('科学数据', 'Scientific data'),
    titleZh: '浙江省慢性病队列基线调查数据集', titleEn: 'Zhejiang chronic disease cohort baseline survey data',
    description: '2019—2021 年浙江省 12 个区县 3.2 万名成年人的基线问卷、体检与生化检测数据。', keywords: ['慢性病', '队列'],
    cstr: 'CSTR:31253.11.hj2027000001', cstrUrl: 'https://cstr.cn/31253.11.hj2027000001', releasedAt: '2027-03-02T02:00:00.000Z',
    sharingMode: 'open', embargoEnd: null, licence: { id: 'CC-BY-4.0', label: label('CC BY 4.0（署名）', 'CC BY 4.0') },
    subject: { code: '2025YFC0810001', titleZh: '长三角人群队列慢性病风险因素研究' },
    project: { code: '2025YFC0810000', titleZh: '长三角人群健康队列' },
    program: { code: '2025YFC08', titleZh: '重点研发计划：主动健康和人口老龄化科技应对' },
    platform: { id: 'p-health', name: label('国家人口健康科学数据中心', 'National Population Health Data Center') },
    unit: { id: 'o-zju', name: '浙江大学' }, province: { code: '330000', name: label('浙江省', 'Zhejiang') },
    creators: [{ name: '刘洋', unit: '浙江大学', orcid: '0000-0002-1825-0097' }],
    fields: [
      { key: 'spatialCoverage', label: label('空间范围', 'Spatial coverage'), group: null, value: '浙江省', text: '浙江省' },
      { key: 'sampleSize', label: label('样本量', 'Sample size'), group: label('数据质量', 'Data quality'), value: 32000, text: '32000' },
    ],
    files: [
      { id: 'f1', path: 'data/baseline.csv', name: 'baseline.csv', size: 5_242_880, mediaType: 'text/csv', sha256: 'e3'.repeat(32) },
      { id: 'f2', path: 'docs/codebook.pdf', name: 'codebook.pdf', size: 204_800, mediaType: 'application/pdf', sha256: 'a1'.repeat(32) },
    ],
    access: { canDownload: true, reason: 'open', embargoEnd: null, application: null, contact: null, agreement: null, ...access },
    versions: [{ id: RESOURCE_ID, versionNo: 1, status: 'released', cstr: 'CSTR:31253.11.hj2027000001', releasedAt: '2027-03-02T02:00:00.000Z' }],
    related: [{ id: 'r2', titleZh: '长三角人群队列研究报告', resourceType: 'report', cstr: 'CSTR:31253.13.hj2027000002' }],
    usage: { views: 1234, downloads: 56, uniqueViews: 980, uniqueDownloads: 40 },
    withdrawal: null,
    citation: { gbt7714: '刘洋. 浙江省慢性病队列基线调查数据集[DS/OL]. 国家人口健康科学数据中心, 2027. CSTR:31253.11.hj2027000001.' },
    ...rest,
  };
}

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'a1', resourceId: 'r2', resourceTitle: '长三角人群队列研究报告',
    applicant: { id: 'u-reader', displayName: '陈读者', email: 'chen@example.cn' },
    purpose: '比较研究长三角慢性病风险因素', intendedUse: '课题组内部分析，发表时引用', status: 'pending', reason: null,
    decidedBy: null, decidedAt: null, expiresAt: null, createdAt: '2027-04-01T02:00:00.000Z',
    ...overrides,
  };
}

/** A registered reader with no roles. */
export const reader: Me = fakeMe({
  user: { ...fakeMe().user, id: 'u-reader', username: 'reader', displayName: '陈读者', email: 'chen@example.cn' },
  grants: [],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});

/** The PI of the subject: decides on applications for its resources. */
export const pi: Me = fakeMe({
  user: { ...fakeMe().user, id: 'u-pi', username: 'liuyang', displayName: '刘洋' },
  grants: [{ id: 'g-pi', role: 'pi', scopeType: 'subject', scopeId: 's1', scopeName: '长三角人群队列慢性病风险因素研究' }],
  capabilities: { manageOrgs: false, listUsers: false, readAudit: false },
});
