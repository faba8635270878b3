import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EstatePolicy } from '../contract/directory.js';

/**
 * The follow-up rules (R-FU-1..5, R-RC-1..3) as pure functions: no clock, no database. They
 * take instants as ISO strings and the estate's policy and time zone as arguments.
 */
export type RepairClass = 'safety' | 'leak' | 'other';
type Policy = Pick<
  EstatePolicy,
  | 'followUpHours'
  | 'afterRainFollowUpHours'
  | 'rectificationNoticeHours'
  | 'spotCheckMinItems'
  | 'spotCheckPercent'
  | 'spotCheckDueDay'
  | 'unreachableAfterAttempts'
>;

export const FOLLOW_UP_RULE = 'R-FU-1';
export const AFTER_RAIN_RULE = 'R-FU-2';
export const SPOT_CHECK_RULE = 'R-FU-5';
export const NOTICE_RULE = 'R-RC-1';
/** The notice's own deadline: the maintenance staff rectify by the date written on it. */
export const RECTIFY_RULE = 'R-RC-2';

const HOUR = 3_600_000;
const plusHours = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * HOUR).toISOString();

/** R-FU-1: a completed repair is followed up within 48 h (safety), 72 h (leak) or 7 days (other). */
export function followUpDueAt(repairClass: RepairClass, completedAt: string, policy: Policy): string {
  return plusHours(completedAt, policy.followUpHours[repairClass]);
}

/** R-FU-2: only rain that starts after the repair was completed tests it. */
export function rainCounts(completedAt: string, rainStartedAt: string): boolean {
  return new Date(rainStartedAt).getTime() > new Date(completedAt).getTime();
}

export interface RainSpan {
  id: string;
  startedAt: string;
  endedAt: string;
}

/** R-FU-2: the first rain that starts after completion (earliest start; ties by end, then id). */
export function firstRainAfter<T extends RainSpan>(completedAt: string, rains: readonly T[]): T | undefined {
  return rains
    .filter((r) => rainCounts(completedAt, r.startedAt))
    .sort(
      (a, b) =>
        Date.parse(a.startedAt) - Date.parse(b.startedAt) || Date.parse(a.endedAt) - Date.parse(b.endedAt) || a.id.localeCompare(b.id),
    )[0];
}

/** R-FU-2: the after-rain follow-up is due 48 h after that rain ends. */
export function afterRainDueAt(rainEndedAt: string, policy: Policy): string {
  return plusHours(rainEndedAt, policy.afterRainFollowUpHours);
}

/**
 * R-FU-2: should this rain (re)point an after-rain follow-up? Yes when the follow-up still waits
 * for rain, or when this rain started earlier than the one it points to (rain entered late) and
 * the visit has not been made yet.
 */
export function rainRepoints(
  followUp: { status: 'awaiting_rain' | 'open' | 'done'; completedAt: string; rainStartedAt: string | null },
  rain: { startedAt: string },
): boolean {
  if (followUp.status === 'done' || !rainCounts(followUp.completedAt, rain.startedAt)) return false;
  if (followUp.status === 'awaiting_rain' || !followUp.rainStartedAt) return true;
  return Date.parse(rain.startedAt) < Date.parse(followUp.rainStartedAt);
}

/** R-RC-1: the written notice is due 24 h after the problem was found. */
export function noticeDueAt(findingAt: string, policy: Policy): string {
  return plusHours(findingAt, policy.rectificationNoticeHours);
}

/** R-FU-4: "unreachable" is an outcome after enough tries, not a way to skip the visit. */
export function unreachableDecision(attempts: number, policy: Policy): { ok: true } | { ok: false; needed: number } {
  return attempts >= policy.unreachableAfterAttempts ? { ok: true } : { ok: false, needed: policy.unreachableAfterAttempts };
}

// ------------------------------------------------------------------ months and days (estate time zone)

export type Month = string; // YYYY-MM

export function monthOf(instant: string, timeZone: string): Month {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat('yyyy-MM');
}

/** The month's first and last instants in the estate's zone: [start, end). */
export function monthBounds(month: Month, timeZone: string): { start: string; end: string } {
  const start = monthStart(month, timeZone);
  return { start: utc(start), end: utc(start.plus({ months: 1 })) };
}

export function previousMonth(now: string, timeZone: string): Month {
  return DateTime.fromISO(now, { zone: timeZone }).minus({ months: 1 }).toFormat('yyyy-MM');
}

/** R-FU-5: the check is due by the end of the 7th day of the next month, estate time zone. */
export function spotCheckDueAt(month: Month, timeZone: string, policy: Policy): string {
  const next = monthStart(month, timeZone).plus({ months: 1 });
  return utc(next.set({ day: policy.spotCheckDueDay }).endOf('day'));
}

/** The estate's calendar day around an instant: [start, end). */
export function dayBounds(instant: string, timeZone: string): { start: string; end: string } {
  const start = DateTime.fromISO(instant, { zone: timeZone }).startOf('day');
  return { start: utc(start), end: utc(start.plus({ days: 1 })) };
}

export function yearOf(instant: string, timeZone: string): number {
  return DateTime.fromISO(instant, { zone: timeZone }).year;
}

/** The month's first instant in the zone (`fromFormat` tokenised its format on every call). */
function monthStart(month: Month, timeZone: string): DateTime {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return DateTime.invalid('not a month (YYYY-MM)');
  return DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: timeZone });
}

function utc(d: DateTime): string {
  return d.toUTC().toISO() ?? '';
}

// ------------------------------------------------------------------ the spot-check draw (R-FU-5)

/** At least max(3, 10 %) of the month's completed follow-ups; all of them when fewer than 3. */
export function spotCheckSampleSize(population: number, policy: Policy): number {
  if (population <= policy.spotCheckMinItems) return population;
  return Math.min(population, Math.max(policy.spotCheckMinItems, Math.ceil((population * policy.spotCheckPercent) / 100)));
}

/**
 * A reproducible draw: a Fisher–Yates shuffle driven by SHA-256 of `seed:counter`, so anyone
 * with the seed and the population in its order (completion time, then id) can redo it.
 */
export function drawSample<T>(population: readonly T[], seed: string, size: number): T[] {
  const pool = [...population];
  const n = Math.min(size, pool.length);
  let counter = 0;
  const next = (bound: number) => {
    // Rejection sampling on 48 bits keeps every index equally likely.
    const limit = 2 ** 48 - (2 ** 48 % bound);
    for (;;) {
      const digest = createHash('sha256').update(`${seed}:${counter++}`).digest();
      const value = digest.readUIntBE(0, 6);
      if (value < limit) return value % bound;
    }
  };
  for (let i = 0; i < n; i++) {
    const j = i + next(pool.length - i);
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

// ------------------------------------------------------------------ notice numbers (R-RC-2)

export function noticeCode(year: number, number: number): string {
  return `${year}-${String(number).padStart(4, '0')}`;
}
