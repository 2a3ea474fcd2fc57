import type { ReportPeriod } from '../../db/schema';
import { chinaDate } from '../../platform/china-time';

/** Which scheduled reports the ministry wants (settings key `report_schedule`). */
export interface ReportSchedule {
  monthly: boolean;
  quarterly: boolean;
  yearly: boolean;
  projects: boolean;
}

export const DEFAULT_SCHEDULE: ReportSchedule = { monthly: false, quarterly: true, yearly: true, projects: false };

/** A reporting period: its kind and first and last day (China dates, both inclusive). */
export interface PeriodSpan {
  period: ReportPeriod;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthSpan = (year: number, month: number, months: number) => {
  const endIndex = year * 12 + month - 1 + months - 1;
  const endYear = Math.floor(endIndex / 12);
  const endMonth = (endIndex % 12) + 1;
  return { start: `${year}-${pad(month)}-01`, end: `${endYear}-${pad(endMonth)}-${pad(lastDay(endYear, endMonth))}` };
};

/** The last complete month, quarter and year before `now` (China calendar), as far as the schedule wants them. */
export function lastCompletePeriods(now: Date, schedule: ReportSchedule): PeriodSpan[] {
  const [year, month] = chinaDate(now).split('-').map(Number) as [number, number];
  const previous = year * 12 + month - 2;
  const spans: PeriodSpan[] = [];
  if (schedule.monthly) spans.push({ period: 'monthly', ...monthSpan(Math.floor(previous / 12), (previous % 12) + 1, 1) });
  if (schedule.quarterly) {
    const quarterStart = year * 12 + Math.floor((month - 1) / 3) * 3 - 3;
    spans.push({ period: 'quarterly', ...monthSpan(Math.floor(quarterStart / 12), (quarterStart % 12) + 1, 3) });
  }
  if (schedule.yearly) spans.push({ period: 'yearly', ...monthSpan(year - 1, 1, 12) });
  return spans;
}

/** True when the period is valid: start on or before end, and shorter than five years. */
export function validPeriod(start: string, end: string): boolean {
  if (start > end) return false;
  const fiveYearsLater = `${Number(start.slice(0, 4)) + 5}${start.slice(4)}`;
  return end < fiveYearsLater;
}

/** The months a period touches, YYYY-MM, oldest first. */
export function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  for (let index = startYear * 12 + startMonth - 1; index <= endYear * 12 + endMonth - 1; index += 1) months.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  return months;
}

/** How the report names its period, in Chinese: 2026年10月, 2026年第3季度, 2026年, or the two dates. */
export function periodLabel(period: ReportPeriod, start: string, end: string): string {
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  if (period === 'monthly') return `${year}年${month}月`;
  if (period === 'quarterly') return `${year}年第${Math.floor((month - 1) / 3) + 1}季度`;
  if (period === 'yearly') return `${year}年`;
  return `${start} 至 ${end}`;
}

/** The instants a period covers in China time: [from, until). */
export function periodInstants(start: string, end: string): { from: Date; until: Date } {
  const until = new Date(`${end}T00:00:00+08:00`);
  until.setUTCDate(until.getUTCDate() + 1);
  return { from: new Date(`${start}T00:00:00+08:00`), until };
}
