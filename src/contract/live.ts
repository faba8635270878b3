/**
 * The live stream's event types, shared by the server (what it publishes) and the web app (what
 * each refreshes): a type that is not here cannot be published, and the web app's families are
 * checked against this list by the type checker.
 */
export const LIVE_EVENT_TYPES = [
  'case.created',
  'case.updated',
  'followup.changed',
  'followup.assigned',
  'rectification.changed',
  'rain.recorded',
  'spotcheck.changed',
  'frontdesk.call',
  'frontdesk.message',
  'frontdesk.visit',
  'frontdesk.apology_due',
  'telephony.ringing',
  'telephony.call',
  'presence.updated',
  'notice.created',
  'notice.read',
] as const;

export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** One message of the live stream: something changed that open screens may show. */
export interface LiveMessage {
  estateId: string;
  type: LiveEventType;
  subjectId?: string | undefined;
}

/** What screens a live event refreshes: the query families of the web app. */
export type LiveFamily = 'cases' | 'obligations' | 'followups' | 'frontdesk' | 'notices' | 'presence';

/** Each event type's families, in one table: a new event type must say what it refreshes. */
export const LIVE_REFRESHES: Readonly<Record<LiveEventType, readonly LiveFamily[]>> = {
  // A case change moves its deadlines and, through repairs, its follow-ups.
  'case.created': ['cases', 'obligations', 'followups'],
  'case.updated': ['cases', 'obligations', 'followups'],
  // Follow-ups, rectification notices, rain and spot checks are one family (a completed repair
  // schedules follow-ups, a problem opens a notice): any change refreshes all of it.
  'followup.changed': ['followups'],
  'followup.assigned': ['followups'],
  'rectification.changed': ['followups'],
  'rain.recorded': ['followups'],
  'spotcheck.changed': ['followups'],
  'frontdesk.call': ['frontdesk'],
  'frontdesk.message': ['frontdesk'],
  'frontdesk.visit': ['frontdesk'],
  'frontdesk.apology_due': ['frontdesk'],
  // The PBX says a call rings (the phone desk shows the caller before pick-up), or how it went on.
  'telephony.ringing': ['frontdesk'],
  'telephony.call': ['frontdesk'],
  // Presence changes who should rise for a visitor.
  'presence.updated': ['frontdesk', 'presence'],
  'notice.created': ['notices'],
  'notice.read': ['notices'],
};

export function isLiveEventType(value: string): value is LiveEventType {
  return (LIVE_EVENT_TYPES as readonly string[]).includes(value);
}
