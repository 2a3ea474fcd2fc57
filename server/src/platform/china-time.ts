/**
 * Days, weeks and years as people in China count them (UTC+8, no daylight saving): a deadline, a
 * release year or a citation date must not move with the server's clock zone or UTC midnight.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The day of the week in China (UTC+8): 0 Sunday … 6 Saturday. */
export function chinaWeekday(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCDay();
}

/**
 * Adds working days (Monday–Friday in China) to a moment, keeping its time of day. Which day a moment
 * falls on is judged in China time, not UTC: 07:00 on a Monday in Beijing is still Sunday in UTC.
 * Chinese public holidays and their make-up working weekends are not modelled yet; deadlines fall on
 * weekdays only.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const result = new Date(from);
  let added = 0;
  while (added < days) {
    result.setTime(result.getTime() + 86_400_000);
    const weekday = chinaWeekday(result);
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return result;
}

/** The calendar year of a moment in China (UTC+8, no daylight saving). */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
}

/** The calendar date of a moment in China (UTC+8), as YYYY-MM-DD; today's by default. */
export function chinaDate(at = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A moment as China local time, YYYY-MM-DD HH:mm (report and export timestamps). */
export function chinaDateTime(at: Date | string): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** True when a step's deadline has passed (no deadline is never overdue). */
export function pastDue(due: Date | string | null, now = Date.now()): boolean {
  return due !== null && new Date(due).getTime() < now;
}
