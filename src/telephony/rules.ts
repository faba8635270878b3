import type { PbxCallTable } from './tables.js';

/**
 * R-PH-5: a call is answered "before the third ring" when it is answered within the estate's
 * `answerWithinSeconds` (default 10) of ringing, by the PBX's own times.
 */
export function ringSeconds(row: Pick<PbxCallTable, 'ringing_at' | 'answered_at'>): number | null {
  if (!row.answered_at) return null;
  return Math.max(0, Math.round((Date.parse(row.answered_at) - Date.parse(row.ringing_at)) / 100) / 10);
}

export function answeredInTime(row: Pick<PbxCallTable, 'ringing_at' | 'answered_at'>, limitSeconds: number): boolean | null {
  const s = ringSeconds(row);
  return s === null ? null : s <= limitSeconds;
}

/** A phone number as the PBX and the desk may both write it: its last eight digits (a Hong Kong number without 852). */
export function phoneKey(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/\D+/g, '');
  return digits.length >= 6 ? digits.slice(-8) : null;
}

/** How far apart the PBX's ringing and the desk's logged start may be for one call (R-PH-4 matching). */
export const MATCH_WINDOW_MINUTES = 10;
