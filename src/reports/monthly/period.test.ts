import { describe, expect, it } from 'vitest';
import { median, monthBefore, monthOf, periodOf, rate, twelveMonthsTo } from './period.js';

describe("a report's month in the estate's time zone", () => {
  it.each([
    ['2026-10', 'Asia/Hong_Kong', '2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'],
    // New York leaves summer time on 1 November 2026: the month starts at UTC−4 and ends at UTC−5.
    ['2026-11', 'America/New_York', '2026-11-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'],
    // London enters summer time on 29 March 2026.
    ['2026-03', 'Europe/London', '2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z'],
    ['2026-12', 'UTC', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s in %s runs from %s to %s', (month, zone, start, end) => {
    expect(periodOf(month, zone)).toEqual({ month, start, end });
  });

  it('names the month an instant falls in by the zone, not by UTC', () => {
    expect(monthOf('2026-10-31T16:30:00.000Z', 'Asia/Hong_Kong')).toBe('2026-11');
    expect(monthOf('2026-11-01T03:30:00.000Z', 'America/New_York')).toBe('2026-10');
  });

  it('counts months back across years, and the twelve months to a month oldest first', () => {
    expect(monthBefore('2026-01', 1)).toBe('2025-12');
    expect(monthBefore('2026-03', 14)).toBe('2025-01');
    expect(twelveMonthsTo('2026-02')).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('gives a rate only when something fell due, and the median of odd and even counts', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
