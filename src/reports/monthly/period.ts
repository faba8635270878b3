import { DateTime } from 'luxon';
import { estateSettings } from '../../directory/index.js';
import { monthBounds } from '../../followups/index.js';
import type { AppContext } from '../../platform/context.js';

/** A calendar month of an estate: its first instant and the first instant of the next, in UTC. */
export interface Period {
  month: string;
  start: string;
  end: string;
}

/** What a report needs of its estate. */
export interface EstateOfReport {
  id: string;
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  waitLimitMinutes: number;
  createdAt: string;
}

export async function estateOfReport(ctx: AppContext, estateId: string): Promise<EstateOfReport> {
  const e = await estateSettings(ctx.db, estateId);
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    timeZone: e.timeZone,
    currency: e.policy.currency,
    waitLimitMinutes: e.policy.walkInWaitLimitMinutes,
    createdAt: e.created_at,
  };
}

export function periodOf(month: string, timeZone: string): Period {
  return { month, ...monthBounds(month, timeZone) };
}

/** The month `n` months before `month` (negative: after). */
export function monthBefore(month: string, n: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'UTC' }).minus({ months: n }).toFormat('yyyy-MM');
}

/** The twelve months to `month`, oldest first. */
export function twelveMonthsTo(month: string): string[] {
  return Array.from({ length: 12 }, (_, i) => monthBefore(month, 11 - i));
}

/** The month an instant falls in, in the estate's zone. */
export function monthOf(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat('yyyy-MM');
}

/** The day (YYYY-MM-DD) an instant falls on, in the estate's zone. */
export function dayOf(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toFormat('yyyy-MM-dd');
}

export function rate(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
