import { DateTime } from 'luxon';
import type { EstatePolicy } from '../contract/directory.js';
import { type Situation, Situation as SituationEnum } from '../contract/frontdesk.js';
import { fillPlaceholders, type ScriptVars } from '../contract/scripts.js';
import { COUNTER_SCRIPTS, PHONE_WORDS } from './plan-words.js';

/**
 * The front desk's rules (R-PH-1..3, R-WK-2..4) as pure functions: no clock, no database.
 */
export type Locale = 'zh-Hant' | 'zh-Hans' | 'en';
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export type PresenceState = 'in_office' | 'other_office' | 'out' | 'meeting' | 'on_call' | 'off_duty';
export type Seat = 'L1' | 'L2' | 'L3' | 'R1' | 'R2' | 'R3';

export const CALLBACK_RULE = 'R-PH-3';
export const WAIT_RULE = 'R-WK-4';

/** Morning before 12:00, afternoon before 18:00, evening after, in the estate's zone. */
export function timeOfDay(at: string, timeZone: string): TimeOfDay {
  const hour = DateTime.fromISO(at, { zone: timeZone }).hour;
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

const OPENINGS: Record<Locale, Record<TimeOfDay, string>> = {
  'zh-Hant': { morning: '早安', afternoon: '午安', evening: '您好' },
  'zh-Hans': { morning: '早安', afternoon: '午安', evening: '您好' },
  en: { morning: 'Good morning', afternoon: 'Good afternoon', evening: 'Good evening' },
};

/**
 * R-PH-1: the front desk names the office and the surname; other departments the surname only.
 * Morning and afternoon open with 早安 / 午安, the evening with 您好, as the plan's rule names them. Never 喂.
 */
export function greetingText(g: {
  variant: 'front_desk' | 'department';
  officeName: string;
  surname: string;
  locale: Locale;
  timeOfDay: TimeOfDay;
}): string {
  const open = OPENINGS[g.locale][g.timeOfDay];
  const office = g.officeName.replace(/管理處$|管理处$/, '');
  if (g.locale === 'en') {
    const who = g.surname ? `this is ${g.surname} speaking` : 'speaking';
    return g.variant === 'front_desk'
      ? `${open}, ${office} Management Office, ${who}. How may I help you?`
      : `${open}, ${who}. How may I help you?`;
  }
  const officeWord = g.locale === 'zh-Hans' ? '管理处' : '管理處';
  const help = g.locale === 'zh-Hans' ? '有什么可以帮您' : '有甚麼可以幫您';
  const me = g.surname ? `我姓${g.surname}，` : '';
  return g.variant === 'front_desk' ? `${open}，${office}${officeWord}，${me}${help}？` : `${open}，${me}${help}？`;
}

// ------------------------------------------------------------------ situation scripts (§2.5)

/** The phone desk's situations (§2.5) and the words of the counter and of complaints (R-WD-2). */
export type { Situation };
/** Every situation, in the contract's order: one list for the server, the screen and the document. */
export const SITUATIONS: readonly Situation[] = SituationEnum.options;

/**
 * The plan's own wording (§2.5 電話應答技巧, §6 處理電話投訴, 辦公室業戶接待規範, 篇3 §13-14);
 * each estate may reword them. {name}, {until}, {office}, {addressee}, {department}, {phone}, {time} are filled in.
 */
export const PLAN_SCRIPTS: Record<Situation, Record<Locale, string>> = {
  ...COUNTER_SCRIPTS,
  ...PHONE_WORDS,
  out: {
    'zh-Hant': '對不起，{name}剛出外辦事，將會在{until}回來，請留下您的姓名，您能否留言？',
    'zh-Hans': '对不起，{name}刚出外办事，将会在{until}回来，请留下您的姓名，您能否留言？',
    en: 'I am sorry, {name} has just stepped out and will be back at {until}. May I have your name and take a message?',
  },
  meeting: {
    'zh-Hant': '{name}正在開會，請問您有甚麼事情可留言給他/她嗎？',
    'zh-Hans': '{name}正在开会，请问您有什么事情可留言给他/她吗？',
    en: '{name} is in a meeting. Would you like to leave a message?',
  },
  on_call: {
    'zh-Hant': '{name}正在接電話，請問您能否稍等片刻？或留下電話號碼，讓他/她稍後給您回電？',
    'zh-Hans': '{name}正在接电话，请问您能否稍等片刻？或留下电话号码，让他/她稍后给您回电？',
    en: '{name} is on another call. Could you hold a moment, or leave your number so they can call you back?',
  },
  off_duty: {
    'zh-Hant': '對不起，{name}今天已經下班，有甚麼事嗎？我會代為轉告的，請留言。',
    'zh-Hans': '对不起，{name}今天已经下班，有什么事吗？我会代为转告的，请留言。',
    en: 'I am sorry, {name} has left for the day. Is there anything I can pass on? Please leave a message.',
  },
  hold: {
    'zh-Hant': '謝謝您的來電，您能稍等幾分鐘嗎？我先幫您轉給{name}，好嗎？',
    'zh-Hans': '谢谢您的来电，您能稍等几分钟吗？我先帮您转给{name}，好吗？',
    en: 'Thank you for calling. Could you hold a few minutes? Let me put you through to {name}.',
  },
};

/** R-PH-2: the script that matches a colleague's presence. */
export function situationFor(state: PresenceState): Situation | null {
  switch (state) {
    case 'out':
      return 'out';
    case 'other_office':
      return 'other_office';
    case 'meeting':
      return 'meeting';
    case 'on_call':
      return 'on_call';
    case 'off_duty':
      return 'off_duty';
    default:
      return null;
  }
}

/** A script with its placeholders filled in, as the desk's screen fills them (contract/scripts.ts). */
export function fillScript(text: string, vars: Partial<ScriptVars>): string {
  return fillPlaceholders(text, { ...vars, name: vars.name ?? '', until: vars.until ?? '' });
}

// ------------------------------------------------------------------ call-backs (R-PH-3)

/** Away (not reachable now): a message waits for them to be back. */
export function isAbsent(state: PresenceState): boolean {
  return state === 'out' || state === 'meeting' || state === 'off_duty';
}

/** The next time the clock shows HH:MM in the zone, after `at`. */
export function nextMorning(at: string, timeZone: string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const local = DateTime.fromISO(at, { zone: timeZone });
  let candidate = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (candidate <= local) candidate = candidate.plus({ days: 1 });
  return candidate.toUTC().toISO() ?? '';
}

/**
 * R-PH-3: a promise to call back is due in 20 minutes; a message for an absent colleague 30
 * minutes after they are expected back, or at 09:00 the next morning when nobody knows.
 */
export function callbackDueAt(c: {
  reason: 'promise' | 'absent';
  takenAt: string;
  expectedBackAt: string | null;
  timeZone: string;
  policy: Pick<EstatePolicy, 'callbackPromiseMinutes' | 'callbackAfterReturnMinutes' | 'callbackNextMorning'>;
}): string {
  const minutes = (iso: string, n: number) => new Date(new Date(iso).getTime() + n * 60_000).toISOString();
  if (c.reason === 'promise') return minutes(c.takenAt, c.policy.callbackPromiseMinutes);
  if (!c.expectedBackAt) return nextMorning(c.takenAt, c.timeZone, c.policy.callbackNextMorning);
  const back = new Date(c.expectedBackAt) > new Date(c.takenAt) ? c.expectedBackAt : c.takenAt;
  return minutes(back, c.policy.callbackAfterReturnMinutes);
}

// ------------------------------------------------------------------ walk-ins (R-WK-2..4)

export interface DeskStaff {
  id: string;
  name: string;
  seat: Seat | null;
  state: PresenceState;
  onTask: boolean;
  serving: boolean;
}

/** Present, not serving a visitor and not on a task: free to rise for a walk-in. */
export function canReceive(s: DeskStaff): boolean {
  return s.state === 'in_office' && !s.serving && !s.onTask;
}

/**
 * R-WK-2: a visitor asking for a named person goes to that person; otherwise the first seat in
 * the estate's order whose staff member can receive. Nobody free: the visitor queues (R-WK-4).
 */
export function suggestReceiver(
  staff: readonly DeskStaff[],
  seatOrder: readonly Seat[],
  askedForId?: string | null,
): { receiver: DeskStaff | null; reason: 'asked_for' | 'asked_for_away' | 'seat_order' | 'all_busy' } {
  if (askedForId) {
    const named = staff.find((s) => s.id === askedForId);
    if (named && named.state === 'in_office') return { receiver: named, reason: 'asked_for' };
    if (named) return { receiver: null, reason: 'asked_for_away' };
  }
  for (const seat of seatOrder) {
    const person = staff.find((s) => s.seat === seat && canReceive(s));
    if (person) return { receiver: person, reason: 'seat_order' };
  }
  return { receiver: null, reason: 'all_busy' };
}

/** R-WK-4: after this the desk apologises for the wait. */
export function waitLimitAt(arrivedAt: string, policy: Pick<EstatePolicy, 'walkInWaitLimitMinutes'>): string {
  return new Date(new Date(arrivedAt).getTime() + policy.walkInWaitLimitMinutes * 60_000).toISOString();
}
