/** Shapes of utilisation reports (docs/supervision-and-evaluation.md, "Utilisation reports"). */

export const REPORT_SCOPE_TYPES = ['program', 'project'] as const;
export type ReportScopeType = (typeof REPORT_SCOPE_TYPES)[number];

export const REPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportPeriod = 'monthly' | 'quarterly' | 'yearly' | 'on_demand';

export interface ReportSummary {
  subjects: number;
  planned: number;
  delivered: number;
  released: number;
  views: number;
  downloads: number;
  searchHits: number;
  uniqueUsers: number;
  applications: number;
  reuse: number;
  /** Mean evaluation total, 0–100 with two decimals; null when nothing is scored. */
  meanTotal: number | null;
}

export interface Report {
  id: string;
  scopeType: ReportScopeType;
  scope: { code: string; titleZh: string; titleEn: string | null };
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
  status: ReportStatus;
  /** Subjects done of `total` while generating. */
  progress: number;
  total: number;
  summary: ReportSummary | null;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  requestedByName: string | null;
  files: { pdf: string | null; xlsx: string | null };
}

export interface ReportsQuery {
  scopeType?: ReportScopeType;
  code?: string;
  status?: ReportStatus;
  page: number;
  pageSize: number;
}

/** POST /api/reports */
export interface ReportInput {
  scopeType: ReportScopeType;
  code: string;
  periodStart: string;
  periodEnd: string;
}

/** GET/PUT /api/reports/settings: which scheduled reports are generated. */
export interface ReportSettings {
  monthly: boolean;
  quarterly: boolean;
  yearly: boolean;
  projects: boolean;
}

export interface ProgramContact {
  name: string;
  email: string;
}

export const MAX_CONTACTS = 20;

/** A report still being generated: its row shows progress and the list keeps polling. */
export function isUnfinished(report: Pick<Report, 'status'>): boolean {
  return report.status === 'queued' || report.status === 'running';
}
