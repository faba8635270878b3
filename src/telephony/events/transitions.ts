import type { PbxEvent } from '../../contract/telephony.js';
import type { PbxCallTable } from '../tables.js';

type CallTimes = Pick<PbxCallTable, 'state' | 'disposition' | 'ringing_at' | 'answered_at' | 'ended_at' | 'duration_seconds'>;

/** What an event changes of a call, and what follows from it. */
export interface Transition {
  set: Partial<CallTimes>;
  /** The call was just answered: match it to the desk's call log entry (R-PH-4). */
  answered: boolean;
  /** The call was just found missed: the desk owes a call-back (R-PH-3). */
  missed: boolean;
}

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/**
 * R-PH-5: how one event moves a call, whatever order the events come in; an event already seen
 * changes nothing (a PBX resends what it is not sure was heard). `at` is the event's instant, as stored.
 * A call first heard of by a later event rang, as far as anyone knows, at that event's time;
 * its ringing event, when it comes, gives the earlier time.
 */
export function transition(call: CallTimes, event: PbxEvent['event'], at: string): Transition {
  const none: Transition = { set: {}, answered: false, missed: false };
  switch (event) {
    case 'ringing':
      return at < call.ringing_at ? { ...none, set: { ringing_at: at } } : none;
    case 'answered': {
      if (call.answered_at) return none;
      const set: Partial<CallTimes> = { answered_at: at, disposition: 'answered', state: call.ended_at ? 'ended' : 'answered' };
      if (call.ended_at) set.duration_seconds = seconds(at, call.ended_at);
      return { set, answered: true, missed: false };
    }
    case 'ended': {
      if (call.ended_at) return none;
      if (call.answered_at) return { ...none, set: { ended_at: at, state: 'ended', duration_seconds: seconds(call.answered_at, at) } };
      // Ended without an answer: the caller hung up or the PBX gave up, a missed call.
      const missed = call.state !== 'missed';
      return { set: { ended_at: at, state: 'missed', disposition: call.disposition ?? 'no_answer' }, answered: false, missed };
    }
    case 'missed':
      if (call.answered_at || call.state === 'missed') return none;
      return { set: { state: 'missed', disposition: 'no_answer' }, answered: false, missed: true };
  }
}
