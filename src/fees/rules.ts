/**
 * R-FE-1: a fee item's rate is in force over a period of days. A period runs from its first day
 * to its last day, both inclusive; a period without a last day runs until further notice. Days
 * are `YYYY-MM-DD` in the estate's zone, so they compare as text.
 */
export interface FeePeriod {
  id?: string;
  effectiveFrom: string;
  /** The last day in force (inclusive); null: open-ended. */
  effectiveTo: string | null;
}

/** The day before a day: a new rate from `day` ends the current period on this day. */
export function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** R-FE-1: whether a period is in force on a day (its first and last days included). */
export function inForceOn(period: FeePeriod, day: string): boolean {
  return period.effectiveFrom <= day && (period.effectiveTo === null || day <= period.effectiveTo);
}

/** R-FE-1: two periods overlap when each starts on or before the other's last day. */
export function periodsOverlap(a: FeePeriod, b: FeePeriod): boolean {
  return a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');
}

/** R-FE-1: the first of `others` (other periods of the same item) the period overlaps, if any. */
export function overlappingPeriod<T extends FeePeriod>(period: FeePeriod, others: readonly T[]): T | undefined {
  return others
    .filter((o) => o.id === undefined || o.id !== period.id)
    .sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom))
    .find((o) => periodsOverlap(period, o));
}

/** R-FE-1: a period ends on or after its first day; the problem, naming the field, or null. */
export function periodProblem(period: FeePeriod): string | null {
  if (period.effectiveTo !== null && period.effectiveTo < period.effectiveFrom)
    return `effectiveTo: the last day (${period.effectiveTo}) is before the first (${period.effectiveFrom})`;
  return null;
}

/** A period as people read it: 2026-01-01 – 2026-12-31, or 2026-01-01 – (open). */
export function periodLabel(period: FeePeriod): string {
  return `${period.effectiveFrom} – ${period.effectiveTo ?? '…'}`;
}
