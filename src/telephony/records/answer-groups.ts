import { answeredInTime, ringSeconds } from '../rules.js';
import type { PbxCallTable } from '../tables.js';

type Counted = Pick<PbxCallTable, 'ringing_at' | 'answered_at' | 'state' | 'disposition' | 'call_log_id'>;

/** R-PH-5: a call the PBX gave up on: not answered, busy, failed, or told missed by the events. */
export function isMissed(c: Counted): boolean {
  return !c.answered_at && (c.state === 'missed' || ['no_answer', 'busy', 'failed'].includes(c.disposition ?? ''));
}

/** The figures of a set of calls: how many, answered, answered within the limit, missed, the longest ring. */
export function answerFigures(calls: readonly Counted[], limitSeconds: number) {
  let answered = 0;
  let inTime = 0;
  let missed = 0;
  let notLogged = 0;
  let longest: number | null = null;
  for (const c of calls) {
    const ring = ringSeconds(c);
    if (ring !== null) {
      answered++;
      if (answeredInTime(c, limitSeconds)) inTime++;
      if (!c.call_log_id) notLogged++;
      longest = longest === null ? ring : Math.max(longest, ring);
    } else if (isMissed(c)) missed++;
  }
  return {
    calls: calls.length,
    answered,
    answeredInTime: inTime,
    missed,
    /** Answered in time ÷ calls: a missed call counts against. */
    inTimeRate: calls.length ? Math.round((inTime / calls.length) * 10_000) / 10_000 : null,
    longestRingSeconds: longest,
    notLogged,
  };
}

/** Which calls a figure of the monthly report lists, by the same predicates as `answerFigures`. */
export type PhoneFigure = 'calls' | 'answered' | 'answeredInTime' | 'late' | 'missed' | 'notLogged';
export const PHONE_FIGURES: readonly PhoneFigure[] = ['calls', 'answered', 'answeredInTime', 'late', 'missed', 'notLogged'];

export function inFigure(c: Counted, figure: PhoneFigure, limitSeconds: number): boolean {
  const ring = ringSeconds(c);
  if (figure === 'calls') return true;
  if (figure === 'missed') return ring === null && isMissed(c);
  if (ring === null) return false;
  if (figure === 'answered') return true;
  if (figure === 'notLogged') return !c.call_log_id;
  const inTime = answeredInTime(c, limitSeconds);
  return figure === 'answeredInTime' ? inTime === true : inTime === false;
}
