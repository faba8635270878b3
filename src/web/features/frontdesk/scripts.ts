import { fillPlaceholders } from '../../../contract/scripts';
import type { PresenceState } from '../directory/types';
import type { CallbackReason, DeskScript, Situation } from './types';

/**
 * R-PH-2: the situation script that matches where the colleague is. Someone in the office is
 * put through, so the desk says the "hold" script.
 */
export function situationOf(state: PresenceState): Situation {
  return state === 'in_office' ? 'hold' : state;
}

/** R-PH-3: away colleagues get a call-back after they are back; otherwise the desk promises one. */
export function reasonOf(state: PresenceState): CallbackReason {
  return state === 'out' || state === 'meeting' || state === 'off_duty' ? 'absent' : 'promise';
}

/** The estate's wording of a situation in a language, with {name} and {until} filled in. */
export function scriptText(
  scripts: readonly DeskScript[] | undefined,
  situation: Situation,
  locale: string,
  vars: { name: string; until: string },
): string | null {
  const script = scripts?.find((s) => s.situation === situation && s.locale === locale) ?? scripts?.find((s) => s.situation === situation);
  return script ? fillPlaceholders(script.text, vars) : null;
}

/** Minutes and seconds (or hours, minutes and seconds) of a span, as a counter shows it. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** Today's date in the zone, YYYY-MM-DD, as the call log asks for it. */
export function todayIn(timeZone: string, now = Date.now()): string {
  // The en-CA calendar writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
