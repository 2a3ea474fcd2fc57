import { expect } from 'vitest';
import { chinaWeekday } from '../platform/china-time';

const DAY = 86_400_000;

/**
 * Asserts a review deadline set just now lies ten working days ahead in China: ten Monday–Friday
 * dates after today's (Beijing time), at about the same time of day. Holds whatever day the suite
 * runs on (from a Saturday the span is 13 calendar days, from a weekday 14).
 */
export function expectTenWorkingDaysAhead(due: string | Date, now = Date.now()): void {
  const dueAt = new Date(due).getTime();
  const days = Math.round((dueAt - now) / DAY);
  expect(Math.abs(dueAt - now - days * DAY)).toBeLessThan(5 * 60_000);
  let working = 0;
  for (let day = 1; day <= days; day += 1) {
    const weekday = chinaWeekday(new Date(now + day * DAY));
    if (weekday !== 0 && weekday !== 6) working += 1;
  }
  expect(working).toBe(10);
  expect([0, 6]).not.toContain(chinaWeekday(new Date(dueAt)));
}
