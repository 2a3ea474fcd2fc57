/**
 * Adds working days (Monday–Friday) to a moment. Chinese public holidays and their make-up working
 * weekends are not modelled yet; deadlines fall on weekdays only.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const result = new Date(from);
  let added = 0;
  while (added < days) {
    result.setUTCDate(result.getUTCDate() + 1);
    const weekday = result.getUTCDay();
    if (weekday !== 0 && weekday !== 6) added += 1;
  }
  return result;
}

/** Today's calendar date in China (UTC+8), as YYYY-MM-DD. */
export function chinaDate(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** True when a step's deadline has passed (no deadline is never overdue). */
export function pastDue(due: Date | string | null, now = Date.now()): boolean {
  return due !== null && new Date(due).getTime() < now;
}
