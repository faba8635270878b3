import { describe, expect, it } from 'vitest';
import { dayBefore, inForceOn, overlappingPeriod, periodProblem, periodsOverlap } from './rules.js';

const p = (effectiveFrom: string, effectiveTo: string | null, id?: string) => ({ id, effectiveFrom, effectiveTo });

describe('fee periods (R-FE-1): first and last day both inclusive', () => {
  it.each([
    ['R-FE-1 the first day is in force', p('2026-01-01', '2026-12-31'), '2026-01-01', true],
    ['R-FE-1 the last day is in force', p('2026-01-01', '2026-12-31'), '2026-12-31', true],
    ['R-FE-1 the day after the last is not', p('2026-01-01', '2026-12-31'), '2027-01-01', false],
    ['R-FE-1 the day before the first is not', p('2026-01-01', '2026-12-31'), '2025-12-31', false],
    ['R-FE-1 an open period runs on', p('2026-01-01', null), '2099-06-30', true],
  ])('%s', (_name, period, day, expected) => {
    expect(inForceOn(period, day)).toBe(expected);
  });

  it.each([
    ['R-FE-1 a period ending the day before the next starts does not overlap', p('2026-01-01', '2026-06-30'), p('2026-07-01', null), false],
    ['R-FE-1 a period ending on the day the next starts overlaps', p('2026-01-01', '2026-07-01'), p('2026-07-01', null), true],
    ['R-FE-1 an open period overlaps any later one', p('2026-01-01', null), p('2030-01-01', '2030-12-31'), true],
    ['R-FE-1 a period inside another overlaps', p('2026-01-01', '2026-12-31'), p('2026-03-01', '2026-03-31'), true],
    ['R-FE-1 an earlier closed period does not overlap', p('2025-01-01', '2025-12-31'), p('2026-01-01', null), false],
  ])('%s', (_name, a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });

  it.each([
    ['R-FE-1 the day before the first of a month', '2026-07-01', '2026-06-30'],
    ['R-FE-1 the day before 1 March in a leap year', '2028-03-01', '2028-02-29'],
    ['R-FE-1 the day before new year', '2027-01-01', '2026-12-31'],
  ])('%s', (_name, day, expected) => {
    expect(dayBefore(day)).toBe(expected);
  });

  it('R-FE-1 the overlapped period found is the earliest, never the period itself', () => {
    const others = [p('2027-01-01', null, 'c'), p('2026-01-01', '2026-12-31', 'b'), p('2025-01-01', '2025-12-31', 'a')];
    expect(overlappingPeriod(p('2026-06-01', null, 'x'), others)?.id).toBe('b');
    expect(overlappingPeriod(p('2026-01-01', '2026-12-31', 'b'), others)).toBeUndefined();
    expect(overlappingPeriod(p('2024-01-01', '2024-12-31'), others)).toBeUndefined();
  });

  it('R-FE-1 a last day before the first day is refused naming effectiveTo', () => {
    expect(periodProblem(p('2026-02-01', '2026-01-31'))).toMatch(/^effectiveTo: /);
    expect(periodProblem(p('2026-02-01', '2026-02-01'))).toBeNull();
    expect(periodProblem(p('2026-02-01', null))).toBeNull();
  });
});
