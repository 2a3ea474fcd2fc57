import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, chinaDateTime, chinaWeekday } from './china-time';

// Moments written in Beijing time; the week of 2026-11-23 (Monday) to 2026-12-13 (Sunday).
const beijing = (local: string) => new Date(`${local}+08:00`);

describe('working days', () => {
  it('counts ten working days from each day of the week, keeping the time of day', () => {
    expect(addWorkingDays(beijing('2026-11-23T10:00:00'), 10)).toEqual(beijing('2026-12-07T10:00:00')); // Monday → Monday, 14 days
    expect(addWorkingDays(beijing('2026-11-27T10:00:00'), 10)).toEqual(beijing('2026-12-11T10:00:00')); // Friday → Friday, 14 days
    expect(addWorkingDays(beijing('2026-11-28T10:00:00'), 10)).toEqual(beijing('2026-12-11T10:00:00')); // Saturday → Friday, 13 days
    expect(addWorkingDays(beijing('2026-11-29T10:00:00'), 10)).toEqual(beijing('2026-12-11T10:00:00')); // Sunday → Friday, 12 days
  });

  it('judges the day in China, not in UTC', () => {
    // 07:00 Saturday in Beijing is 23:00 Friday in UTC: the next working day is Monday in Beijing.
    const saturdayMorning = beijing('2026-11-28T07:00:00');
    expect(saturdayMorning.getUTCDay()).toBe(5);
    expect(chinaWeekday(saturdayMorning)).toBe(6);
    expect(addWorkingDays(saturdayMorning, 1)).toEqual(beijing('2026-11-30T07:00:00'));
    // 07:00 Monday in Beijing is still Sunday in UTC, and a deadline there is a working day in China.
    expect(addWorkingDays(beijing('2026-11-27T07:00:00'), 1)).toEqual(beijing('2026-11-30T07:00:00'));
    expect(chinaDate(saturdayMorning)).toBe('2026-11-28');
  });

  it('adds nothing for zero days', () => {
    const at = beijing('2026-11-28T12:00:00');
    expect(addWorkingDays(at, 0)).toEqual(at);
  });
});

describe('China local time', () => {
  it('writes a moment as Beijing date and time, across UTC midnight', () => {
    expect(chinaDateTime(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28 00:30');
    expect(chinaDateTime('2026-12-31T17:05:00.000Z')).toBe('2027-01-01 01:05');
  });
});
