import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
  it('shows Beijing time in either language, wherever the browser is', () => {
    // 16:30 UTC on 27 November is 00:30 on 28 November in Beijing.
    expect(formatDateTime('2026-11-27T16:30:00Z', 'zh-CN')).toBe('2026年11月28日 00:30');
    expect(formatDateTime('2026-11-27T16:30:00Z', 'en')).toBe('28 Nov 2026, 00:30');
    expect(formatDateTime(new Date('2026-11-27T16:30:00Z'), 'zh-CN', 'time')).toBe('00:30');
  });

  it('shows a dash for nothing and the raw text for what is not a time', () => {
    expect(formatDateTime(null, 'zh-CN')).toBe('—');
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });
});
