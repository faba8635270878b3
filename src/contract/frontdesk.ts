import { z } from 'zod';
import { CaseSummary, PersonRef } from './cases.js';
import { Id, Instant, Locale, PageQuery } from './common.js';
import { CounterSeat, PresenceState, ResidentTitle, UnitSummary } from './directory.js';
import { PhraseWarnings } from './phrases.js';
import { SCRIPT_PLACEHOLDERS, unknownPlaceholders } from './scripts.js';

/**
 * The front desk (R-PH-1..4, R-WK-1..5): greetings and situation scripts, the call log,
 * messages with their call-backs, and walk-in visits at the counter.
 */
const Content = (max: number) => z.string().trim().min(1).max(max);
const OccurredAt = Instant.optional().describe('When it happened; defaults to now. Never in the future.');
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,20}$/, 'a phone number of digits, spaces, +, - or brackets');

// ------------------------------------------------------------------ greeting and scripts (R-PH-1, R-PH-2)

export const TimeOfDay = z.enum(['morning', 'afternoon', 'evening']);
export const Greeting = z
  .object({
    rule: z.literal('R-PH-1'),
    text: z.string().describe('What to say when picking up; never starts with 喂'),
    locale: Locale,
    timeOfDay: TimeOfDay.describe("In the estate's time zone"),
    variant: z.enum(['front_desk', 'department']),
    officeName: z.string(),
    surname: z.string(),
  })
  .meta({ id: 'Greeting' });

export const GreetingQuery = z.strictObject({
  staffId: Id.optional().describe('Whose greeting; defaults to the caller'),
  locale: Locale.optional(),
  at: Instant.optional(),
});

export const Situation = z.enum([
  'out',
  'other_office',
  'meeting',
  'on_call',
  'off_duty',
  'call_back_later',
  'ask_identity',
  'hold',
  'walk_in_greeting',
  'walk_in_away',
  'walk_in_farewell',
  'complaint_apology',
  'complaint_forward',
  'complaint_escalate',
  'thanks_registration',
  'reply_to_thanks',
  'refer_colleague',
  'on_call_other',
  'internal_greeting',
]);
export type Situation = z.infer<typeof Situation>;

export const DeskScript = z
  .object({
    situation: Situation,
    locale: Locale,
    text: z
      .string()
      .describe(
        'May hold {name} (the colleague), {until} (when back), {office}, {addressee} (the resident by surname and title) and {department}',
      ),
    custom: z.boolean().describe("The estate's own wording rather than the plan's"),
  })
  .meta({ id: 'DeskScript' });

export const UpdateDeskScriptBody = z.strictObject({
  locale: Locale,
  text: z
    .string()
    .trim()
    .max(500)
    .nullable()
    .describe(`null restores the plan's wording; may hold ${SCRIPT_PLACEHOLDERS.join(', ')}`)
    .refine((text) => text === null || unknownPlaceholders(text).length === 0, {
      error: (issue) =>
        `unknown placeholder ${unknownPlaceholders(String(issue.input)).join(' ')}: a script may hold ${SCRIPT_PLACEHOLDERS.join(', ')}`,
    }),
});

// ------------------------------------------------------------------ callers and calls (R-PH-4)

export const CallerMatch = z.object({
  residentId: Id.nullable(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  kind: z.string().nullable(),
  unit: UnitSummary.nullable(),
  household: z.array(z.object({ id: Id, name: z.string(), phone: z.string().nullable(), kind: z.string() })),
  openCases: z.array(CaseSummary),
});

export const LookupCallerQuery = z.strictObject({
  q: z.string().trim().max(60).default('').describe('A phone number (or part of it), a unit such as A座 12B or 12B, or a name'),
});

export const CallPurpose = z.enum(['inquiry', 'repair', 'fee', 'complaint', 'message', 'colleague', 'other']);
export const CallOutcome = z.enum([
  'answered',
  'case_created',
  'transferred',
  'message_taken',
  'call_back_promised',
  'unanswered_transfer',
]);

export const Call = z
  .object({
    id: Id,
    estateId: Id,
    startedAt: Instant,
    durationSeconds: z.number().int().nullable(),
    callerName: z.string().nullable(),
    callerPhone: z.string().nullable(),
    unit: UnitSummary.nullable(),
    residentId: Id.nullable(),
    purpose: CallPurpose,
    outcome: CallOutcome,
    askedFor: PersonRef.nullable(),
    answeredBy: PersonRef,
    note: z.string().nullable(),
    caseId: Id.nullable(),
    messageId: Id.nullable(),
  })
  .meta({ id: 'Call' });

export const LogCallBody = z.strictObject({
  occurredAt: OccurredAt.describe('When the call started'),
  durationSeconds: z.number().int().min(0).max(86_400).optional(),
  callerName: z.string().trim().max(100).optional(),
  callerPhone: Phone.optional(),
  unitId: Id.optional(),
  residentId: Id.optional(),
  purpose: CallPurpose,
  outcome: CallOutcome,
  askedForId: Id.optional().describe('The colleague the caller asked for'),
  note: z.string().trim().max(5000).optional(),
  caseId: Id.optional().describe('The case the call became'),
});

export const ListCallsQuery = PageQuery.extend({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
    .optional()
    .describe("A day in the estate's zone"),
  purpose: CallPurpose.optional(),
});

// ------------------------------------------------------------------ messages and call-backs (R-PH-2, R-PH-3)

export const CallbackReason = z.enum(['promise', 'absent']);
export const Message = z
  .object({
    id: Id,
    estateId: Id,
    takenAt: Instant,
    callerName: z.string(),
    callerPhone: z.string().nullable(),
    unit: UnitSummary.nullable(),
    text: z.string(),
    for: PersonRef,
    takenBy: PersonRef,
    reason: CallbackReason,
    fromUnansweredTransfer: z.boolean(),
    expectedBackAt: Instant.nullable(),
    callbackDueAt: Instant,
    state: z.enum(['open', 'due_soon', 'overdue', 'met', 'cancelled']),
    calledBackAt: Instant.nullable(),
    calledBackBy: PersonRef.nullable(),
    callbackNote: z.string().nullable(),
    handedOnFrom: PersonRef.nullable(),
    phraseWarnings: PhraseWarnings.optional(),
  })
  .meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;

export const TakeMessageBody = z.strictObject({
  occurredAt: OccurredAt,
  callerName: Content(100),
  callerPhone: Phone.optional(),
  unitId: Id.optional(),
  text: Content(2000).describe('The message, in the caller’s words'),
  forStaffId: Id,
  reason: CallbackReason.optional().describe(
    "promise: 'I will call you back in 15–20 minutes' (20 min); absent: 30 min after they are back, or 09:00 next morning. Omitted: from the colleague's presence",
  ),
  expectedBackAt: Instant.optional().describe('When the colleague is back, if the desk knows better than the presence board'),
  fromUnansweredTransfer: z.boolean().default(false),
  callId: Id.nullable().optional(),
});

/** R-PH-3: when a message taken now would be called back, as the desk reads it out before saving (R-WD-2). */
export const CallbackDueQuery = z.strictObject({
  forStaffId: Id,
  reason: CallbackReason.optional().describe("As on a message; omitted: from the colleague's presence"),
  expectedBackAt: Instant.optional().describe('When the colleague is back, if the desk knows better than the presence board'),
});
export const CallbackDue = z
  .object({
    rule: z.literal('R-PH-3'),
    reason: CallbackReason,
    expectedBackAt: Instant.nullable(),
    callbackDueAt: Instant.describe('When the call-back would be due if the message were taken now'),
  })
  .meta({ id: 'CallbackDue' });

export const CompleteCallbackBody = z.strictObject({ occurredAt: OccurredAt, note: z.string().trim().max(2000).optional() });
export const HandOnMessageBody = z.strictObject({ toStaffId: Id, note: z.string().trim().max(500).optional() });

export const ListMessagesQuery = PageQuery.extend({
  for: z.union([z.literal('me'), Id]).optional(),
  status: z.enum(['open', 'overdue', 'done', 'all']).default('open'),
  asOf: Instant.optional(),
});

// ------------------------------------------------------------------ walk-in visits (R-WK-1..4)

export const VisitPurpose = z.enum(['inquiry', 'repair', 'fee', 'complaint', 'other']);
export const VisitStatus = z.enum(['waiting', 'serving', 'departed']);

export const ReceiverSuggestion = z
  .object({
    rule: z.literal('R-WK-2'),
    receiver: z.object({ id: Id, name: z.string(), seat: CounterSeat.nullable() }).nullable(),
    reason: z.enum(['asked_for', 'seat_order', 'all_busy', 'asked_for_away']),
    routedTo: z
      .object({ id: Id, name: z.string(), state: PresenceState, until: Instant.nullable(), available: z.boolean() })
      .nullable()
      .describe('R-WK-3: the colleague whose duties cover the purpose'),
    sameDuty: z.array(z.object({ id: Id, name: z.string(), state: PresenceState })).describe('Others with the same duty who are in'),
    options: z.array(z.enum(['page', 'hand_over', 'take_contact'])).describe('When the routed colleague is away'),
    waiting: z.number().int().describe('Visitors already waiting'),
  })
  .meta({ id: 'ReceiverSuggestion' });

export const SuggestReceiverQuery = z.strictObject({
  purpose: VisitPurpose.optional(),
  askedForId: Id.optional(),
});

export const Visit = z
  .object({
    id: Id,
    estateId: Id,
    status: VisitStatus,
    arrivedAt: Instant,
    visitorName: z.string().nullable(),
    unit: UnitSummary.nullable(),
    residentId: Id.nullable(),
    visitorTitle: ResidentTitle.nullable().describe("R-WD-2: the resident's form of address, when the visitor is a known resident"),
    purpose: VisitPurpose,
    askedFor: PersonRef.nullable(),
    routedTo: PersonRef.nullable(),
    acknowledgedAt: Instant.nullable(),
    receivedAt: Instant.nullable(),
    receivedBy: PersonRef.nullable(),
    departedAt: Instant.nullable(),
    outcome: z.string().nullable(),
    caseId: Id.nullable(),
    waitLimitAt: Instant.describe('R-WK-4: apologise for the wait after this'),
    apologyDue: z.boolean().describe('Still waiting past the limit (as of now)'),
    waitSeconds: z.number().int().nullable().describe('Arrival to reception'),
    suggestion: ReceiverSuggestion.nullable().describe('On arrival: who should rise'),
  })
  .meta({ id: 'Visit' });
export type Visit = z.infer<typeof Visit>;

export const RecordArrivalBody = z.strictObject({
  occurredAt: OccurredAt,
  visitorName: z.string().trim().max(100).optional(),
  unitId: Id.optional(),
  residentId: Id.optional(),
  purpose: VisitPurpose,
  askedForId: Id.optional().describe('A named person the visitor asks for'),
  note: z.string().trim().max(1000).optional(),
});

export const ReceiveVisitorBody = z.strictObject({
  occurredAt: OccurredAt,
  receiverId: Id.optional().describe('Defaults to the caller'),
});
export const AcknowledgeVisitorBody = z.strictObject({ occurredAt: OccurredAt });
export const PageStaffBody = z.strictObject({ staffId: Id, note: z.string().trim().max(200).optional() });
export const DepartureBody = z.strictObject({
  occurredAt: OccurredAt,
  outcome: Content(1000),
  caseId: Id.optional(),
});

export const ListVisitsQuery = PageQuery.extend({
  status: z.enum(['waiting', 'serving', 'open', 'departed', 'today', 'all']).default('open'),
  asOf: Instant.optional(),
});

export const FrontDeskSummary = z.object({
  asOf: Instant,
  callsToday: z.number().int(),
  visitsToday: z.number().int(),
  messagesWaiting: z.number().int(),
  callbacksDue: z.number().int().describe('Open, due within the hour'),
  callbacksOverdue: z.number().int(),
  waitingNow: z.number().int(),
  averageWaitSeconds: z.number().int().nullable().describe('Visitors received today'),
  longestWaitSeconds: z.number().int().nullable(),
  /** R-PH-5 today, from the PBX's calls that rang today: answered within three rings, missed, the longest ring. */
  phone: z.object({
    calls: z.number().int(),
    answeredInTime: z.number().int(),
    missed: z.number().int(),
    /** answered in time ÷ calls, 0..1; null with no calls. */
    inTimeRate: z.number().nullable(),
    longestRingSeconds: z.number().nullable(),
  }),
});
