import type { Obligation } from './types';

export type DeadlineTone = 'met' | 'late' | 'overdue' | 'due_soon' | 'open' | 'cancelled';

export interface Deadline {
  tone: DeadlineTone;
  /** Milliseconds until the due time (negative once past), for "due in" and "overdue by". */
  remainingMs: number;
}

const HOUR = 3_600_000;

/**
 * How an obligation reads on screen at `now`: met on time, met late, overdue, due soon or
 * open. The server's state is judged at the time of the request; the countdown is redone
 * here so a page left open does not show a stale "due in".
 */
export function deadlineOf(obligation: Pick<Obligation, 'state' | 'dueAt' | 'metOnTime'>, now: number, dueSoonHours = 24): Deadline {
  const remainingMs = new Date(obligation.dueAt).getTime() - now;
  if (obligation.state === 'cancelled') return { tone: 'cancelled', remainingMs };
  if (obligation.state === 'met') return { tone: obligation.metOnTime === false ? 'late' : 'met', remainingMs };
  if (remainingMs < 0 || obligation.state === 'overdue') return { tone: 'overdue', remainingMs };
  if (remainingMs <= dueSoonHours * HOUR || obligation.state === 'due_soon') return { tone: 'due_soon', remainingMs };
  return { tone: 'open', remainingMs };
}

export interface SpanParts {
  days: number;
  hours: number;
  minutes: number;
}

/** A duration in whole days, hours and minutes (rounded down to the minute). */
export function spanParts(ms: number): SpanParts {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

export const TONE_COLORS: Record<DeadlineTone, string> = {
  met: 'success',
  late: 'warning',
  overdue: 'error',
  due_soon: 'orange',
  open: 'processing',
  cancelled: 'default',
};
