import { z } from 'zod';
import { Id, Instant, LocalDate, PageQuery, pageOf } from './common.js';

/**
 * The phone system (R-PH-5, R-PH-3, R-PH-4): the office's PBX tells EstateDesk of each call as it
 * rings, is answered, ends or is missed (signed webhook events), and its call-detail records are
 * imported from a file. Ringing-to-answer time is measured from the PBX's own times.
 *
 *   GET  /estates/{estateId}/pbx/settings                         [pbx.manage]  → PbxSettings
 *   PUT  /estates/{estateId}/pbx/settings                         [pbx.manage]  PbxSettingsBody → PbxSettings
 *   POST /estates/{estateId}/pbx/secret                           [pbx.manage]  → PbxSecret (shown once)
 *   POST /pbx/{estateCode}/events                                 [public, HMAC] PbxEvent → { ok }
 *   GET  /estates/{estateId}/pbx/calls?date&extension&state&page  [pbx.read]    → page of PbxCall
 *   GET  /estates/{estateId}/pbx/calls/{pbxCallId}                [pbx.read]    → PbxCall
 *   GET  /estates/{estateId}/pbx/ringing                          [pbx.read]    → the calls ringing now at my extension(s)
 *   POST /estates/{estateId}/pbx/imports                          [pbx.manage]  PbxImportBody → PbxImportResult
 *   GET  /estates/{estateId}/pbx/answer-times?from&to             [pbx.read]    → AnswerTimes
 */

/** What the PBX said of a call. */
export const PbxCallState = z.enum(['ringing', 'answered', 'ended', 'missed']);
export type PbxCallState = z.infer<typeof PbxCallState>;

/** How the call ended, as call-detail records say it (Asterisk: ANSWERED, NO ANSWER, BUSY, FAILED). */
export const PbxDisposition = z.enum(['answered', 'no_answer', 'busy', 'failed']);
export type PbxDisposition = z.infer<typeof PbxDisposition>;

/** An extension of the office's PBX and the person who answers it. */
export const PbxExtension = z.object({
  extension: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z*#+-]{1,20}$/, 'digits or letters, up to 20'),
  staffId: Id.nullable(),
  label: z.string().trim().max(60).nullable(),
});
export type PbxExtension = z.infer<typeof PbxExtension>;

/** The generic CSV's columns, by header name, for PBXs other than Asterisk (3CX, Yeastar, a carrier's export). */
export const PbxCsvMapping = z
  .strictObject({
    callId: z.string().trim().min(1).max(100),
    from: z.string().trim().min(1).max(100),
    callerName: z.string().trim().min(1).max(100).nullable().default(null),
    extension: z.string().trim().min(1).max(100),
    start: z.string().trim().min(1).max(100),
    answer: z.string().trim().min(1).max(100).nullable().default(null),
    end: z.string().trim().min(1).max(100).nullable().default(null),
    /** Seconds from ringing to answer, when the export gives it instead of an answer time. */
    ringSeconds: z.string().trim().min(1).max(100).nullable().default(null),
    disposition: z.string().trim().min(1).max(100).nullable().default(null),
    /** How times are written (luxon format), in the estate's time zone unless they carry an offset. */
    timeFormat: z.string().trim().min(1).max(40).default('yyyy-MM-dd HH:mm:ss'),
  })
  .meta({ id: 'PbxCsvMapping' });
export type PbxCsvMapping = z.infer<typeof PbxCsvMapping>;

export const PbxSettings = z
  .object({
    estateId: Id,
    estateCode: z.string(),
    /** Whether a signing secret is set (the secret itself is shown once, when made). */
    hasSecret: z.boolean(),
    secretSetAt: Instant.nullable(),
    extensions: z.array(PbxExtension),
    csvMapping: PbxCsvMapping.nullable(),
    /** The webhook's address, relative to the server. */
    eventsPath: z.string(),
  })
  .meta({ id: 'PbxSettings' });
export type PbxSettings = z.infer<typeof PbxSettings>;

export const PbxSettingsBody = z.strictObject({
  extensions: z.array(PbxExtension).max(200),
  csvMapping: PbxCsvMapping.nullable().optional(),
});

export const PbxSecret = z.object({ secret: z.string(), setAt: Instant }).meta({ id: 'PbxSecret' });

/**
 * A call event as the PBX sends it, signed: `X-EstateDesk-Timestamp` (Unix seconds) and
 * `X-EstateDesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the estate's
 * secret>`; refused outside a five-minute window.
 */
export const PbxEvent = z
  .strictObject({
    event: PbxCallState,
    /** The PBX's own unique id of the call (Asterisk's uniqueid / linkedid). */
    callId: z.string().trim().min(1).max(100),
    at: Instant,
    from: z.string().trim().min(1).max(40),
    callerName: z.string().trim().max(100).optional(),
    extension: z.string().trim().min(1).max(20),
  })
  .meta({ id: 'PbxEvent' });
export type PbxEvent = z.infer<typeof PbxEvent>;

/** A call as the PBX measured it, with what the desk made of it. */
export const PbxCall = z
  .object({
    id: Id,
    pbxCallId: z.string(),
    from: z.string(),
    callerName: z.string().nullable(),
    extension: z.string(),
    staff: z.object({ id: Id, name: z.string() }).nullable(),
    state: PbxCallState,
    disposition: PbxDisposition.nullable(),
    ringingAt: Instant,
    answeredAt: Instant.nullable(),
    endedAt: Instant.nullable(),
    /** Ringing to answer, in seconds (R-PH-5); null when not answered. */
    ringSeconds: z.number().nullable(),
    durationSeconds: z.number().int().nullable(),
    /** Answered within the estate's limit (three rings, default 10 s); null when not answered. */
    answeredInTime: z.boolean().nullable(),
    source: z.enum(['event', 'import']),
    /** The desk's call log entry this call is (R-PH-4); null: not logged yet. */
    callLogId: Id.nullable(),
    /** The call-back task a missed call became (R-PH-3). */
    callbackMessageId: Id.nullable(),
  })
  .meta({ id: 'PbxCall' });
export type PbxCall = z.infer<typeof PbxCall>;
export const PbxCallPage = pageOf(PbxCall).meta({ id: 'PbxCallPage' });

export const ListPbxCallsQuery = PageQuery.extend({
  date: LocalDate.optional().describe("A day in the estate's zone"),
  from: LocalDate.optional().describe("The first day (estate's zone) of a range; with `to`, instead of `date`"),
  to: LocalDate.optional().describe("The last day (estate's zone) of a range, included"),
  extension: z.string().trim().max(20).optional(),
  state: PbxCallState.optional(),
  /** Only answered calls the desk has not logged (R-PH-4), or only calls answered late (R-PH-5). */
  only: z.enum(['not_logged', 'late']).optional(),
});

export const PbxImportFormat = z.enum(['asterisk', 'mapped']);
export const PbxImportBody = z.strictObject({
  format: PbxImportFormat.describe('asterisk: Master.csv in the cdr_csv column order; mapped: a CSV read by the saved mapping'),
  fileName: z.string().trim().min(1).max(200),
  /** The file, base64. */
  content: z.string().min(1).max(28_000_000),
  dryRun: z.boolean().default(false),
});
export const PbxImportResult = z
  .object({
    rows: z.number().int(),
    added: z.number().int(),
    /** Already imported (the same PBX call id) or known from the live events: nothing added. */
    known: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
    dryRun: z.boolean(),
  })
  .meta({ id: 'PbxImportResult' });

/** R-PH-5 over a period: the share answered within the limit, missed calls and the longest waits, by day, extension and person. */
const AnswerGroup = z.object({
  key: z.string(),
  label: z.string(),
  calls: z.number().int(),
  answered: z.number().int(),
  answeredInTime: z.number().int(),
  missed: z.number().int(),
  /** answered in time ÷ calls (missed calls count against), 0..1; null with no calls. */
  inTimeRate: z.number().nullable(),
  longestRingSeconds: z.number().nullable(),
});
export const AnswerTimesQuery = z.strictObject({
  from: LocalDate,
  to: LocalDate,
});
export const AnswerTimes = z
  .object({
    from: z.string(),
    to: z.string(),
    limitSeconds: z.number().int(),
    total: AnswerGroup,
    byDay: z.array(AnswerGroup),
    byExtension: z.array(AnswerGroup),
    byPerson: z.array(AnswerGroup),
    /** The longest waits before an answer, longest first (at most 20). */
    longestWaits: z.array(PbxCall),
    notLogged: z.number().int(),
  })
  .meta({ id: 'AnswerTimes' });
export type AnswerTimes = z.infer<typeof AnswerTimes>;
