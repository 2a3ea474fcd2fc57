import type { ReportPeriod } from '../../db/schema';
import { RESOURCE_TYPE_LABELS, type ResourceType } from '../standards/standard-document';
import type { UsageFigures } from './report-data.repository';

/** The totals of a report (stored as the row's summary; the API's ReportSummary). */
export interface ReportSummary extends UsageFigures {
  subjects: number;
  planned: number;
  delivered: number;
  released: number;
  reuse: number;
  /** Mean total score (0–100) of the scope's subjects in the newest done evaluation run; null without one. */
  meanTotal: number | null;
}

export interface SubjectLine extends UsageFigures {
  code: string;
  titleZh: string;
  projectCode: string;
  leadUnit: string;
  piName: string | null;
  planned: number;
  delivered: number;
  released: number;
  reuse: number;
  completion: number | null;
  sharing: number | null;
  total: number | null;
  rank: number | null;
}

export interface ResourceLine extends UsageFigures {
  cstr: string | null;
  titleZh: string;
  typeLabel: string;
  subjectCode: string;
  versionNo: number;
  releasedOn: string | null;
  releasedInPeriod: boolean;
}

export interface ReuseLine {
  resourceTitle: string;
  cstr: string | null;
  kind: 'citation' | 'benefit';
  citation: string | null;
  doi: string | null;
  url: string | null;
  description: string;
  reportedByName: string | null;
  acceptedOn: string;
}

export interface EvaluationSummary {
  asOf: string;
  ruleVersion: number;
  scored: number;
  completion: number | null;
  sharing: number | null;
  total: number | null;
  /** The program's place among ranked programs (program reports only). */
  rank: { rank: number | null; of: number } | null;
  top: Array<{ code: string; titleZh: string; completion: number | null; sharing: number | null; total: number | null; rank: number | null }>;
}

/** Everything a utilisation report shows; the PDF and the workbook both render this. */
export interface ReportContent {
  scope: { type: 'program' | 'project'; code: string; titleZh: string; programCode: string; programTitle: string };
  period: { kind: ReportPeriod; start: string; end: string; label: string; months: string[] };
  generatedAt: string;
  summary: ReportSummary;
  byType: Array<{ type: string; label: string; planned: number; delivered: number }>;
  subjects: SubjectLine[];
  monthly: Array<UsageFigures & { month: string }>;
  resources: ResourceLine[];
  reuse: ReuseLine[];
  evaluation: EvaluationSummary | null;
}

export const typeLabel = (type: string) => RESOURCE_TYPE_LABELS[type as ResourceType]?.zh ?? type;

export const zeroUsage = (): UsageFigures => ({ views: 0, downloads: 0, searchHits: 0, uniqueUsers: 0, applications: 0 });

export function addUsage(into: UsageFigures, from: UsageFigures): void {
  into.views += from.views;
  into.downloads += from.downloads;
  into.searchHits += from.searchHits;
  into.uniqueUsers += from.uniqueUsers;
  into.applications += from.applications;
}

/** A score column (numeric string) as a number, or null. */
export const score = (value: string | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

/** Mean of the non-null values, two decimals rounded half away from zero; null when there are none. */
export function mean(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  const cents = present.reduce((sum, v) => sum + Math.round(v * 100), 0);
  return Math.round(cents / present.length) / 100;
}

/** Completion share 0–1 (0 when nothing is planned). */
export const share = (delivered: number, planned: number) => (planned > 0 ? delivered / planned : 0);

/** Orders resources the way the report ranks them: downloads, then views, then title. */
export function byUse(a: ResourceLine, b: ResourceLine): number {
  return b.downloads - a.downloads || b.views - a.views || a.titleZh.localeCompare(b.titleZh, 'zh-CN') || (a.cstr ?? '').localeCompare(b.cstr ?? '');
}
