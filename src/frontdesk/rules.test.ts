import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../contract/directory.js';
import {
  callbackDueAt,
  type DeskStaff,
  fillScript,
  greetingText,
  type Locale,
  nextMorning,
  PLAN_SCRIPTS,
  SITUATIONS,
  situationFor,
  suggestReceiver,
  type TimeOfDay,
  timeOfDay,
  waitLimitAt,
} from './rules.js';

const policy = defaultPolicy();
const HK = 'Asia/Hong_Kong';

describe('R-PH-1: greetings by department and time of day', () => {
  const rows: { rule: string; variant: 'front_desk' | 'department'; locale: Locale; tod: TimeOfDay; text: string }[] = [
    { rule: 'R-PH-1', variant: 'front_desk', locale: 'zh-Hant', tod: 'evening', text: '您好，誠基公寓管理處，我姓陳，有甚麼可以幫您？' },
    { rule: 'R-PH-1', variant: 'front_desk', locale: 'zh-Hant', tod: 'morning', text: '早安，誠基公寓管理處，我姓陳，有甚麼可以幫您？' },
    { rule: 'R-PH-1', variant: 'front_desk', locale: 'zh-Hant', tod: 'afternoon', text: '午安，誠基公寓管理處，我姓陳，有甚麼可以幫您？' },
    { rule: 'R-PH-1', variant: 'department', locale: 'zh-Hant', tod: 'evening', text: '您好，我姓陳，有甚麼可以幫您？' },
    { rule: 'R-PH-1', variant: 'department', locale: 'zh-Hant', tod: 'morning', text: '早安，我姓陳，有甚麼可以幫您？' },
    { rule: 'R-PH-1', variant: 'front_desk', locale: 'zh-Hans', tod: 'afternoon', text: '午安，誠基公寓管理处，我姓陳，有什么可以帮您？' },
    {
      rule: 'R-PH-1',
      variant: 'front_desk',
      locale: 'en',
      tod: 'morning',
      text: 'Good morning, 誠基公寓 Management Office, this is 陳 speaking. How may I help you?',
    },
    {
      rule: 'R-PH-1',
      variant: 'department',
      locale: 'en',
      tod: 'afternoon',
      text: 'Good afternoon, this is 陳 speaking. How may I help you?',
    },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.variant}, ${r.locale}, ${r.tod}`, () => {
      const text = greetingText({ variant: r.variant, officeName: '誠基公寓', surname: '陳', locale: r.locale, timeOfDay: r.tod });
      expect(text).toBe(r.text);
      expect(text.startsWith('喂')).toBe(false);
    });
  }

  it('R-PH-1: never 喂, whatever the office is called, and the office name is not doubled', () => {
    for (const variant of ['front_desk', 'department'] as const)
      for (const locale of ['zh-Hant', 'zh-Hans', 'en'] as const)
        for (const tod of ['morning', 'afternoon', 'evening'] as const) {
          const text = greetingText({ variant, officeName: '喂喂苑管理處', surname: '', locale, timeOfDay: tod });
          expect(text.startsWith('喂')).toBe(false);
          expect(text).not.toContain('管理處管理處');
        }
  });

  const times = [
    { rule: 'R-PH-1', at: '2026-11-20T00:30:00.000Z', tod: 'morning' }, // 08:30 in Hong Kong
    { rule: 'R-PH-1', at: '2026-11-20T03:59:00.000Z', tod: 'morning' }, // 11:59
    { rule: 'R-PH-1', at: '2026-11-20T04:00:00.000Z', tod: 'afternoon' }, // 12:00
    { rule: 'R-PH-1', at: '2026-11-20T09:59:00.000Z', tod: 'afternoon' }, // 17:59
    { rule: 'R-PH-1', at: '2026-11-20T10:00:00.000Z', tod: 'evening' }, // 18:00
    { rule: 'R-PH-1', at: '2026-11-19T18:00:00.000Z', tod: 'morning' }, // 02:00 next day
  ];
  for (const r of times) {
    it(`${r.rule}: ${r.at} is ${r.tod} in Hong Kong`, () => {
      expect(timeOfDay(r.at, HK)).toBe(r.tod);
    });
  }
});

describe('R-PH-2: situation scripts', () => {
  it('R-PH-2: every situation has the plan’s wording in three languages', () => {
    for (const s of SITUATIONS) for (const l of ['zh-Hant', 'zh-Hans', 'en'] as const) expect(PLAN_SCRIPTS[s][l].length).toBeGreaterThan(5);
    expect(situationFor('meeting')).toBe('meeting');
    expect(situationFor('in_office')).toBeNull();
    expect(fillScript(PLAN_SCRIPTS.out['zh-Hant'], { name: '李小姐', until: '15:00' })).toBe(
      '對不起，李小姐剛出外辦事，將會在15:00回來，請留下您的姓名，您能否留言？',
    );
  });
});

describe('R-PH-3: call-back due times', () => {
  const rows: {
    rule: string;
    what: string;
    reason: 'promise' | 'absent';
    takenAt: string;
    back: string | null;
    due: string;
    zone?: string;
  }[] = [
    {
      rule: 'R-PH-3',
      what: 'a promise to call back: 20 minutes',
      reason: 'promise',
      takenAt: '2026-11-20T02:00:00.000Z',
      back: null,
      due: '2026-11-20T02:20:00.000Z',
    },
    {
      rule: 'R-PH-3',
      what: 'an absent colleague back at 15:00: 15:30',
      reason: 'absent',
      takenAt: '2026-11-20T02:00:00.000Z',
      back: '2026-11-20T07:00:00.000Z',
      due: '2026-11-20T07:30:00.000Z',
    },
    {
      rule: 'R-PH-3',
      what: 'unknown return at 22:00: 09:00 the next day in the estate’s zone',
      reason: 'absent',
      takenAt: '2026-11-20T14:00:00.000Z',
      back: null,
      due: '2026-11-21T01:00:00.000Z',
    },
    {
      rule: 'R-PH-3',
      what: 'unknown return at 02:00: 09:00 the same morning',
      reason: 'absent',
      takenAt: '2026-11-19T18:00:00.000Z',
      back: null,
      due: '2026-11-20T01:00:00.000Z',
    },
    {
      rule: 'R-PH-3',
      what: 'unknown return at 10:00: 09:00 the next morning',
      reason: 'absent',
      takenAt: '2026-11-20T02:00:00.000Z',
      back: null,
      due: '2026-11-21T01:00:00.000Z',
    },
    {
      rule: 'R-PH-3',
      what: 'unknown return at 22:00 in London: 09:00 there the next day',
      reason: 'absent',
      takenAt: '2026-11-20T22:00:00.000Z',
      back: null,
      due: '2026-11-21T09:00:00.000Z',
      zone: 'Europe/London',
    },
    {
      rule: 'R-PH-3',
      what: 'expected back already past: 30 minutes from the message',
      reason: 'absent',
      takenAt: '2026-11-20T08:00:00.000Z',
      back: '2026-11-20T07:00:00.000Z',
      due: '2026-11-20T08:30:00.000Z',
    },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.what}`, () => {
      expect(callbackDueAt({ reason: r.reason, takenAt: r.takenAt, expectedBackAt: r.back, timeZone: r.zone ?? HK, policy })).toBe(r.due);
    });
  }
  it('R-PH-3: the next morning follows daylight saving in New York', () => {
    // 1 November 2026: clocks go back; 09:00 EST is 14:00 UTC.
    expect(nextMorning('2026-11-01T03:00:00.000Z', 'America/New_York', '09:00')).toBe('2026-11-01T14:00:00.000Z');
  });
});

describe('R-WK-2: who rises for a walk-in', () => {
  const order = ['L2', 'R2', 'L1', 'R1'] as const;
  const person = (id: string, seat: DeskStaff['seat'], patch: Partial<DeskStaff> = {}): DeskStaff => ({
    id,
    name: id,
    seat,
    state: 'in_office',
    onTask: false,
    serving: false,
    ...patch,
  });
  const rows: { rule: string; what: string; staff: DeskStaff[]; askedFor?: string; receiver: string | null; reason: string }[] = [
    {
      rule: 'R-WK-2',
      what: 'everyone free: left 2 first',
      staff: [person('a', 'L1'), person('b', 'L2'), person('c', 'R2')],
      receiver: 'b',
      reason: 'seat_order',
    },
    {
      rule: 'R-WK-2',
      what: 'left 2 serving a visitor: right 2',
      staff: [person('a', 'L1'), person('b', 'L2', { serving: true }), person('c', 'R2')],
      receiver: 'c',
      reason: 'seat_order',
    },
    {
      rule: 'R-WK-2',
      what: 'left 2 out, right 2 on a task: left 1',
      staff: [person('a', 'L1'), person('b', 'L2', { state: 'out' }), person('c', 'R2', { onTask: true })],
      receiver: 'a',
      reason: 'seat_order',
    },
    {
      rule: 'R-WK-2',
      what: 'left 2 in a meeting, right 2 on a call, left 1 off duty: right 1',
      staff: [
        person('a', 'L1', { state: 'off_duty' }),
        person('b', 'L2', { state: 'meeting' }),
        person('c', 'R2', { state: 'on_call' }),
        person('d', 'R1'),
      ],
      receiver: 'd',
      reason: 'seat_order',
    },
    {
      rule: 'R-WK-2',
      what: 'all busy: the visitor queues',
      staff: [person('a', 'L1', { serving: true }), person('b', 'L2', { onTask: true }), person('c', 'R2', { state: 'out' })],
      receiver: null,
      reason: 'all_busy',
    },
    {
      rule: 'R-WK-2',
      what: 'staff without a seat never rise by seat order',
      staff: [person('x', null)],
      receiver: null,
      reason: 'all_busy',
    },
    {
      rule: 'R-WK-2',
      what: 'a visitor asking for a named person goes to that person, even one serving someone',
      staff: [person('a', 'L2'), person('m', null, { serving: true })],
      askedFor: 'm',
      receiver: 'm',
      reason: 'asked_for',
    },
    {
      rule: 'R-WK-2',
      what: 'the named person is out: nobody rises in their place; the desk offers R-WK-3',
      staff: [person('a', 'L2'), person('m', null, { state: 'out' })],
      askedFor: 'm',
      receiver: null,
      reason: 'asked_for_away',
    },
  ];
  for (const r of rows) {
    it(`${r.rule}: ${r.what}`, () => {
      const pick = suggestReceiver(r.staff, order, r.askedFor);
      expect(pick.receiver?.id ?? null).toBe(r.receiver);
      expect(pick.reason).toBe(r.reason);
    });
  }
  it('R-WK-2: an estate’s own seat order', () => {
    expect(suggestReceiver([person('a', 'L1'), person('b', 'L2')], ['L1', 'L2'])?.receiver?.id).toBe('a');
  });
  it('R-WK-4: the wait limit is 5 minutes after arrival by default', () => {
    expect(waitLimitAt('2026-11-20T02:00:00.000Z', policy)).toBe('2026-11-20T02:05:00.000Z');
  });
});
