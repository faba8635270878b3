import { describe, expect, it } from 'vitest';
import { transition } from './transitions.js';

const T0 = '2026-11-20T02:00:00.000Z';
const T7 = '2026-11-20T02:00:07.000Z';
const T127 = '2026-11-20T02:02:07.000Z';
const ringing = { state: 'ringing', disposition: null, ringing_at: T0, answered_at: null, ended_at: null, duration_seconds: null };

describe('a PBX call event moves the call (R-PH-5)', () => {
  it('answered, then ended: the duration runs from answer to end', () => {
    const a = transition(ringing, 'answered', T7);
    expect(a).toEqual({ set: { answered_at: T7, disposition: 'answered', state: 'answered' }, answered: true, missed: false });
    const ended = transition({ ...ringing, ...a.set }, 'ended', T127);
    expect(ended.set).toEqual({ ended_at: T127, state: 'ended', duration_seconds: 120 });
  });

  it('an event seen before changes nothing', () => {
    const answered = { ...ringing, answered_at: T7, state: 'answered', disposition: 'answered' };
    expect(transition(answered, 'answered', T7)).toEqual({ set: {}, answered: false, missed: false });
    expect(transition(ringing, 'ringing', T0).set).toEqual({});
    expect(transition({ ...ringing, state: 'missed' }, 'missed', T7).missed).toBe(false);
  });

  it('ended without an answer is a missed call; a late ringing gives the earlier ringing time', () => {
    expect(transition(ringing, 'ended', T7)).toEqual({
      set: { ended_at: T7, state: 'missed', disposition: 'no_answer' },
      answered: false,
      missed: true,
    });
    expect(transition({ ...ringing, ringing_at: T7 }, 'ringing', T0).set).toEqual({ ringing_at: T0 });
  });

  it('answered after ended (out of order): ended, with its duration', () => {
    const ended = { ...ringing, ended_at: T127, state: 'missed', disposition: 'no_answer' };
    expect(transition(ended, 'answered', T7).set).toEqual({
      answered_at: T7,
      disposition: 'answered',
      state: 'ended',
      duration_seconds: 120,
    });
  });
});
