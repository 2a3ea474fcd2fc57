import type { Report } from './report-types';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'zh-CN');

/** A count with thousands separators. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** A 0–100 score with two decimals, or — when nothing was scored. */
export function formatScore(value: number | null, language: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** The months a report covers: "2027-01" or "2027-01 – 2027-03". */
export function formatPeriod(report: Pick<Report, 'periodStart' | 'periodEnd'>): string {
  const start = report.periodStart.slice(0, 7);
  const end = report.periodEnd.slice(0, 7);
  return start === end ? start : `${start} – ${end}`;
}

/** Percent done of a report being generated (0 until the subjects are counted). */
export function progressPercent(report: Pick<Report, 'progress' | 'total'>): number {
  if (report.total <= 0) return 0;
  return Math.min(100, Math.floor((report.progress / report.total) * 100));
}
