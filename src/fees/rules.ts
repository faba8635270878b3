import { DateTime } from 'luxon';

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

/* ---------------------------------------------------------------------------------------- *
 * Money rules (R-FE-2, R-FE-3; ADR 0013). Amounts are integer minor units of the estate's
 * currency; every rounding is here, stated once:
 *  - a unit's area is taken to the hundredth of a square metre: round(area_m2 × 100);
 *  - a per-m² month is area × rate, a per-unit month is the rate;
 *  - a month whose rate changes, or that the item starts or ends within, is charged day by day:
 *    each day at the rate in force that day, as that month's full charge ÷ the days of the
 *    month; the sum is rounded half up once per charge, to the minor unit.
 * Arithmetic is on BigInt, so no intermediate product is rounded by floating point.
 * ---------------------------------------------------------------------------------------- */

/** One period of a fee item as the charge rules need it. */
export interface RatedPeriod extends FeePeriod {
  id: string;
  basis: string;
  rate: number;
}

/** R-FE-3: the month-based bases the monthly run charges; per-use and fixed items are one-offs. */
export const MONTHLY_BASES: readonly string[] = ['per_m2_month', 'per_unit_month'];

/** Half up, for a non-negative numerator: the nearest whole number, a half going up. */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('roundHalfUp: a non-negative amount over a positive divisor');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** The area in hundredths of a square metre (65.32 m² → 6532). */
export function areaHundredths(areaM2: number): bigint {
  return BigInt(Math.round(areaM2 * 100));
}

/** The days of a month (YYYY-MM), YYYY-MM-DD. */
export function daysOfMonth(period: string): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`);
}

/** The first day of a month: a run's charges fall due on it. */
export function firstDayOf(period: string): string {
  return `${period}-01`;
}

/** The month (YYYY-MM) of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export type MonthlyCharge =
  | { charged: true; amount: number; feeItemId: string; daysCharged: number; days: number }
  | { charged: false; reason: 'not_in_force' | 'no_area' };

/**
 * R-FE-3: a unit's charge of one item (all the periods of its code) for a month: each day at
 * the rate in force that day, pro rata by the days of the month, rounded half up once. Null
 * area with a per-m² rate is not charged (`no_area`). The charge names the period in force on
 * the last day charged.
 */
export function monthlyCharge(periods: readonly RatedPeriod[], period: string, areaM2: number | null): MonthlyCharge {
  const days = daysOfMonth(period);
  let numerator = 0n;
  let daysCharged = 0;
  let last: RatedPeriod | undefined;
  let needsArea = false;
  for (const day of days) {
    const p = periods.find((x) => MONTHLY_BASES.includes(x.basis) && inForceOn(x, day));
    if (!p) continue;
    daysCharged++;
    last = p;
    if (p.basis === 'per_m2_month') {
      if (areaM2 === null) {
        needsArea = true;
        continue;
      }
      numerator += areaHundredths(areaM2) * BigInt(p.rate);
    } else {
      numerator += BigInt(p.rate) * 100n;
    }
  }
  if (!last) return { charged: false, reason: 'not_in_force' };
  if (needsArea) return { charged: false, reason: 'no_area' };
  const amount = roundHalfUp(numerator, 100n * BigInt(days.length));
  return { charged: true, amount: Number(amount), feeItemId: last.id, daysCharged, days: days.length };
}

/** R-FE-3: the unique key of a run's charge: one per unit, item code and month. */
export function runKey(unitId: string, code: string, period: string): string {
  return `${unitId}:${code}:${period}`;
}

/** A charge with what is still owed on it. */
export interface Owed {
  id: string;
  chargedOn: string;
  createdAt: string;
  outstanding: number;
}

/** R-FE-3: the order payments pay charges in: the oldest first (due day, then when entered, then id). */
export function oldestFirst<T extends Owed>(charges: readonly T[]): T[] {
  return [...charges].sort(
    (a, b) => a.chargedOn.localeCompare(b.chargedOn) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

export interface Allocation {
  chargeId: string;
  amount: number;
}

/**
 * R-FE-3: a payment allocated to the oldest charges first, each up to what it still owes.
 * Null when the payment is more than the unit owes (the counter takes no more than is owed).
 */
export function allocateOldestFirst(charges: readonly Owed[], amount: number): Allocation[] | null {
  const out: Allocation[] = [];
  let left = amount;
  for (const c of oldestFirst(charges)) {
    if (left === 0) break;
    if (c.outstanding <= 0) continue;
    const take = Math.min(left, c.outstanding);
    out.push({ chargeId: c.id, amount: take });
    left -= take;
  }
  return left === 0 ? out : null;
}

export type AllocationProblem =
  | { code: 'fee.allocation_sum'; message: string }
  | { code: 'fee.over_allocated'; message: string; chargeId: string; index: number }
  | { code: 'fee.unknown_charge'; message: string; chargeId: string; index: number };

/**
 * R-FE-3: the charges a cashier chose: each of the unit's, each at most what it still owes,
 * named once, and together exactly the amount paid. The first problem, or null.
 */
export function chosenAllocationProblem(charges: readonly Owed[], chosen: readonly Allocation[], amount: number): AllocationProblem | null {
  const owed = new Map(charges.map((c) => [c.id, c.outstanding]));
  const seen = new Set<string>();
  let sum = 0;
  for (const [index, a] of chosen.entries()) {
    const left = owed.get(a.chargeId);
    if (left === undefined || seen.has(a.chargeId))
      return {
        code: 'fee.unknown_charge',
        message: `allocations.${index}.chargeId: not a charge of this unit, or named twice`,
        chargeId: a.chargeId,
        index,
      };
    seen.add(a.chargeId);
    if (a.amount > left)
      return {
        code: 'fee.over_allocated',
        message: `allocations.${index}.amount: ${a.amount} is more than the ${left} still owed on the charge`,
        chargeId: a.chargeId,
        index,
      };
    sum += a.amount;
  }
  if (sum !== amount) return { code: 'fee.allocation_sum', message: `allocations: they add up to ${sum}, not the ${amount} paid` };
  return null;
}

/** R-FE-2: a receipt's number as printed: the year and the sequence, 2026-0001. */
export function receiptNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}

export type AgeBandName = 'd0_30' | 'd31_90' | 'd91_180' | 'd181_plus';
export const AGE_BANDS: readonly AgeBandName[] = ['d0_30', 'd31_90', 'd91_180', 'd181_plus'];

/** Whole days from one day to another (YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * R-FE-3: the age band of an amount owed, by the days from the day the charge fell due to
 * `asOf`: 0–30, 31–90, 91–180, over 180. A charge not yet due (after asOf) is not in arrears: null.
 */
export function ageBand(chargedOn: string, asOf: string): AgeBandName | null {
  const days = daysBetween(chargedOn, asOf);
  if (days < 0) return null;
  if (days <= 30) return 'd0_30';
  if (days <= 90) return 'd31_90';
  if (days <= 180) return 'd91_180';
  return 'd181_plus';
}

export function emptyBands(): Record<AgeBandName, number> {
  return { d0_30: 0, d31_90: 0, d91_180: 0, d181_plus: 0 };
}

/** R-FE-3: the arrears of charges owing something, summed by age band as of a day. */
export function arrearsByBand(charges: readonly { chargedOn: string; outstanding: number }[], asOf: string) {
  const bands = emptyBands();
  let oldest: string | null = null;
  for (const c of charges) {
    const band = c.outstanding > 0 ? ageBand(c.chargedOn, asOf) : null;
    if (!band) continue;
    bands[band] += c.outstanding;
    if (oldest === null || c.chargedOn < oldest) oldest = c.chargedOn;
  }
  const total = AGE_BANDS.reduce((s, b) => s + bands[b], 0);
  return { bands, total, oldest };
}

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'fps', 'ewallet'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];

/** R-FE-4: a day's takings by method: its receipts, less the voids booked on it. */
export function takingsByMethod(
  receipts: readonly { method: string; amount: number }[],
  voids: readonly { method: string; amount: number }[],
): Record<PaymentMethodName, number> {
  const totals = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethodName, number>;
  for (const r of receipts) totals[r.method as PaymentMethodName] += r.amount;
  for (const v of voids) totals[v.method as PaymentMethodName] -= v.amount;
  return totals;
}

/** The estate's day (YYYY-MM-DD) of an instant: a cashier's day and a receipt's year follow it. */
export function dayIn(instant: string | Date, timeZone: string): string {
  const dt = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: timeZone }) : DateTime.fromJSDate(instant, { zone: timeZone });
  return dt.toISODate() as string;
}

/** The instants a day of the estate runs over: [start, start of the next day), as stored (UTC ISO). */
export function dayBounds(day: string, timeZone: string): { start: string; end: string } {
  const start = DateTime.fromISO(day, { zone: timeZone }).startOf('day');
  return { start: new Date(start.toMillis()).toISOString(), end: new Date(start.plus({ days: 1 }).toMillis()).toISOString() };
}

/** The last day of a month (YYYY-MM). */
export function lastDayOf(period: string): string {
  return daysOfMonth(period).at(-1) as string;
}
