import type { Program, Project } from '../registry/registry-types';
import type { Report, ReportSummary } from './report-types';

/** Test data for utilisation reports, shaped as docs/supervision-and-evaluation.md answers. */
export function reportSummary(overrides: Partial<ReportSummary> = {}): ReportSummary {
  return {
    subjects: 12, planned: 48, delivered: 31, released: 29, views: 12_345, downloads: 678, searchHits: 4_321, uniqueUsers: 210,
    applications: 9, reuse: 4, meanTotal: 78.5,
    ...overrides,
  };
}

export function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 'rep1', scopeType: 'program', scope: { code: '2025YFC08', titleZh: '主动健康和人口老龄化科技应对', titleEn: 'Active health and ageing' },
    period: 'quarterly', periodStart: '2026-07-01', periodEnd: '2026-09-30', status: 'done', progress: 12, total: 12,
    summary: reportSummary(), createdAt: '2026-10-01T01:00:00.000Z', finishedAt: '2026-10-01T01:03:00.000Z', error: null,
    requestedByName: null, files: { pdf: '/api/reports/rep1/pdf', xlsx: '/api/reports/rep1/xlsx' },
    ...overrides,
  };
}

export const program: Program = {
  id: 'pg1', code: '2025YFC08', titleZh: '主动健康和人口老龄化科技应对', titleEn: 'Active health and ageing', startDate: '2025-01-01', endDate: '2029-12-31',
  status: 'active', projectCount: 1, subjectCount: 12,
};

export const project: Project = {
  id: 'pj1', programId: 'pg1', programCode: '2025YFC08', programTitle: '主动健康和人口老龄化科技应对', code: '2025YFC0810000', titleZh: '长三角人群健康队列',
  titleEn: null, startDate: '2025-07-01', endDate: '2028-06-30', status: 'active', subjectCount: 4,
};
