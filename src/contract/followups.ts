import { z } from 'zod';
import { PersonRef } from './cases.js';
import { Id, ImportRowError, Instant, PageQuery, RepairClass } from './common.js';
import { UnitSummary } from './directory.js';
import { PhraseWarnings } from './phrases.js';

/**
 * Follow-up visits after repairs (R-FU-1..5) and written rectification notices (R-RC-1..3).
 * Every action that records something that happened takes `occurredAt`: a visit made this
 * morning may be entered in the afternoon, and the deadlines count from when it happened.
 */
const Content = (max: number) => z.string().trim().min(1).max(max);
const OccurredAt = Instant.optional().describe('When it happened; defaults to now. Never in the future.');

/** repair: R-FU-1 after completion; after_rain: R-FU-2; after_rectification: R-RC-3 (due by R-FU-1). */
export const FollowUpKind = z.enum(['repair', 'after_rain', 'after_rectification']);
export type FollowUpKind = z.infer<typeof FollowUpKind>;
/** awaiting_rain: an after-rain follow-up whose rain has not come yet (R-FU-2). */
export const FollowUpStatus = z.enum(['awaiting_rain', 'open', 'done']);
export const FollowUpResult = z.enum(['ok', 'problem', 'unreachable']);
export type FollowUpResult = z.infer<typeof FollowUpResult>;
export const FollowUpMethod = z.enum(['phone', 'visit']);
export const DeadlineState = z.enum(['open', 'due_soon', 'overdue', 'met', 'cancelled']);
export const NoticeStatus = z.enum(['issued', 'acknowledged', 'rectified', 'void']);

export const FollowUpAttempt = z.object({
  id: Id,
  at: Instant,
  method: FollowUpMethod,
  note: z.string().nullable(),
  by: PersonRef,
});

export const FollowUp = z
  .object({
    id: Id,
    estateId: Id,
    caseId: Id,
    caseNumber: z.string(),
    caseDescription: z.string(),
    unit: UnitSummary.nullable(),
    residentName: z.string().nullable(),
    residentPhone: z.string().nullable(),
    kind: FollowUpKind,
    rule: z.enum(['R-FU-1', 'R-FU-2']).describe('The rule that set the due time (an after-rectification visit is due by R-FU-1)'),
    repairClass: RepairClass,
    status: FollowUpStatus,
    repairCompletedAt: Instant,
    openedAt: Instant,
    dueAt: Instant.nullable().describe('null while awaiting rain'),
    state: DeadlineState.nullable().describe('The deadline as of asOf; null while awaiting rain'),
    metOnTime: z.boolean().nullable(),
    rainEvent: z.object({ id: Id, startedAt: Instant, endedAt: Instant }).nullable(),
    noticeId: Id.nullable().describe('after_rectification: the notice whose rectification it checks'),
    assignee: PersonRef.nullable(),
    performedAt: Instant.nullable(),
    performedBy: PersonRef.nullable(),
    method: FollowUpMethod.nullable(),
    residentWords: z.string().nullable().describe("The resident's own words, verbatim"),
    satisfaction: z.number().int().nullable().describe('1 (very dissatisfied) to 5 (very satisfied)'),
    result: FollowUpResult.nullable(),
    problem: z.string().nullable(),
    attempts: z.array(FollowUpAttempt).describe('Tries that did not reach the resident'),
    recordedAt: Instant.nullable(),
    recordedBy: PersonRef.nullable(),
    rectification: z
      .object({
        dueAt: Instant.describe('R-RC-1: the written notice is due by then'),
        state: DeadlineState,
        notices: z.array(z.object({ id: Id, code: z.string(), status: NoticeStatus })),
      })
      .nullable()
      .describe('When the result is a problem'),
    flag: z
      .object({ at: Instant, by: PersonRef, note: z.string().nullable() })
      .nullable()
      .describe('Set when a spot check found a discrepancy (R-FU-5)'),
    phraseWarnings: PhraseWarnings.optional(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpQueue = z.enum(['due_today', 'overdue', 'awaiting_rain', 'open', 'done', 'flagged', 'all']);
export type FollowUpQueue = z.infer<typeof FollowUpQueue>;

export const ListFollowUpsQuery = PageQuery.extend({
  queue: FollowUpQueue.default('open').describe('due_today is the estate’s calendar day'),
  repairClass: RepairClass.optional(),
  kind: FollowUpKind.optional(),
  result: FollowUpResult.optional(),
  assignee: z
    .union([z.literal('me'), z.literal('none'), Id])
    .optional()
    .describe('me, none, or a staff id'),
  caseId: Id.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional()
    .describe('Performed in this month (estate time zone)'),
  asOf: Instant.optional(),
});

export const FollowUpCounts = z.object({
  dueToday: z.number().int(),
  overdue: z.number().int(),
  awaitingRain: z.number().int(),
  open: z.number().int(),
  flagged: z.number().int(),
});

export const FollowUpPage = z.object({
  items: z.array(FollowUp),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: FollowUpCounts,
});

export const RecordFollowUpBody = z
  .strictObject({
    occurredAt: OccurredAt,
    performedById: Id.optional().describe('Who made the visit or call; defaults to the caller'),
    method: FollowUpMethod,
    result: FollowUpResult,
    residentWords: z.string().trim().max(5000).optional().describe('Required unless unreachable'),
    satisfaction: z.number().int().min(1).max(5).optional().describe('Required unless unreachable'),
    problem: z.string().trim().max(5000).optional().describe('Required when the result is a problem'),
    attempts: z
      .number()
      .int()
      .min(1)
      .max(50)
      .optional()
      .describe('How many tries in all, this one included; defaults to the logged attempts plus one'),
  })
  .superRefine((b, ctx) => {
    if (b.result !== 'unreachable') {
      if (!b.residentWords) ctx.addIssue({ code: 'custom', path: ['residentWords'], message: 'required unless unreachable' });
      if (b.satisfaction === undefined) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: 'required unless unreachable' });
    }
    if (b.result === 'problem' && !b.problem)
      ctx.addIssue({ code: 'custom', path: ['problem'], message: 'required when the result is a problem' });
  });

export const FollowUpAttemptBody = z.strictObject({
  occurredAt: OccurredAt,
  method: FollowUpMethod,
  note: z.string().trim().max(1000).optional(),
});

export const AssignFollowUpBody = z.strictObject({
  assigneeId: Id.nullable().describe('null to unassign'),
});

// ------------------------------------------------------------------ rain (R-FU-2, R-FU-3)

export const RainSource = z.enum(['manual', 'hko', 'csv']);

export const RainEvent = z
  .object({
    id: Id,
    estateId: Id,
    startedAt: Instant,
    endedAt: Instant,
    amountMm: z.number().nullable(),
    source: RainSource,
    note: z.string().nullable(),
    recordedBy: PersonRef,
    recordedAt: Instant,
    followUpsOpened: z.number().int().describe('After-rain follow-ups this rain opened (R-FU-2)'),
  })
  .meta({ id: 'RainEvent' });
export type RainEvent = z.infer<typeof RainEvent>;

export const RecordRainEventBody = z
  .strictObject({
    startedAt: Instant,
    endedAt: Instant,
    amountMm: z.number().min(0).max(2000).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => new Date(b.endedAt) > new Date(b.startedAt), { path: ['endedAt'], message: 'must be after startedAt' });

export const ListRainEventsQuery = PageQuery.extend({
  from: Instant.optional(),
  to: Instant.optional(),
  source: RainSource.optional(),
});

export const ImportRainBody = z.strictObject({
  format: z.enum(['hko-json', 'csv']).describe("hko-json: the Observatory's rhrread or hourly rainfall JSON (one or a list)"),
  fileName: z.string().max(255).optional(),
  contentBase64: z.base64().min(1).max(14_000_000),
  place: z.string().trim().min(1).max(100).optional().describe('District or station to read; defaults to the estate’s rainfallPlace'),
  dryRun: z.boolean().default(false).describe('Parse and report, write nothing'),
});

export const ImportRainResult = z.object({
  created: z.number().int(),
  duplicates: z.number().int().describe('Rain already on record, skipped'),
  followUpsOpened: z.number().int(),
  events: z.array(z.object({ startedAt: Instant, endedAt: Instant, amountMm: z.number().nullable(), duplicate: z.boolean() })),
  errors: z.array(ImportRowError),
  dryRun: z.boolean(),
});

// ------------------------------------------------------------------ rectification notices (R-RC-1..3)

export const RectificationNotice = z
  .object({
    id: Id,
    estateId: Id,
    estateName: z.string(),
    officeName: z.string(),
    number: z.number().int().describe('Gap-free per estate and year'),
    year: z.number().int(),
    code: z.string().describe('Year and number, e.g. 2026-0007'),
    status: NoticeStatus,
    caseId: Id,
    caseNumber: z.string(),
    repairClass: RepairClass,
    unit: UnitSummary.nullable(),
    followUpId: Id.nullable(),
    spotCheckItemId: Id.nullable(),
    findingAt: Instant.describe('When the problem was found'),
    problem: z.string(),
    requiredAction: z.string(),
    deadlineAt: Instant.describe('Rectify by'),
    recipient: PersonRef,
    issuedBy: PersonRef,
    issuedAt: Instant,
    issuedOnTime: z.boolean().describe('R-RC-1: within the limit after the finding'),
    acknowledgedAt: Instant.nullable(),
    acknowledgedBy: PersonRef.nullable(),
    rectifiedAt: Instant.nullable(),
    rectifiedBy: PersonRef.nullable(),
    rectifiedNote: z.string().nullable(),
    nextFollowUpId: Id.nullable().describe('R-RC-3: the follow-up scheduled by the rectification'),
    voidedAt: Instant.nullable(),
    voidedBy: PersonRef.nullable(),
    voidReason: z.string().nullable(),
    phraseWarnings: PhraseWarnings.optional(),
  })
  .meta({ id: 'RectificationNotice' });
export type RectificationNotice = z.infer<typeof RectificationNotice>;

export const IssueNoticeBody = z
  .strictObject({
    occurredAt: OccurredAt,
    followUpId: Id.nullable().optional().describe('The follow-up that found the problem'),
    spotCheckItemId: Id.nullable().optional().describe('Or the spot-check item that found it'),
    problem: Content(5000).optional().describe("Defaults to the follow-up's problem"),
    requiredAction: Content(5000),
    deadlineAt: Instant.describe('Rectify by'),
    recipientId: Id.optional().describe("The maintenance staff responsible; defaults to the repair's"),
  })
  .refine((b) => Boolean(b.followUpId) !== Boolean(b.spotCheckItemId), {
    path: ['followUpId'],
    message: 'give exactly one of followUpId and spotCheckItemId',
  });

export const AcknowledgeNoticeBody = z.strictObject({ occurredAt: OccurredAt });
export const MarkRectifiedBody = z.strictObject({ occurredAt: OccurredAt, note: Content(2000).optional() });
export const VoidNoticeBody = z.strictObject({ reason: Content(500) });

export const NextNoticeNumberQuery = z.strictObject({
  at: Instant.optional().describe('When the notice would be issued (its year picks the sequence); omit for now'),
});

export const NextNoticeNumber = z
  .object({
    year: z.number().int(),
    code: z.string().describe('R-RC-2: the number the next notice issued in this estate and year takes, e.g. 2026-0007'),
  })
  .meta({ id: 'NextNoticeNumber' });
export type NextNoticeNumber = z.infer<typeof NextNoticeNumber>;

export const ListNoticesQuery = PageQuery.extend({
  status: z.enum(['issued', 'acknowledged', 'rectified', 'void', 'unacknowledged', 'all']).default('all'),
  recipient: z.union([z.literal('me'), Id]).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  caseId: Id.optional(),
});

// ------------------------------------------------------------------ monthly spot check (R-FU-5)

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const SpotVerdict = z.enum(['confirmed', 'discrepancy', 'unreachable']);

export const SpotCheckItem = z.object({
  id: Id,
  position: z.number().int(),
  followUp: FollowUp,
  verdict: SpotVerdict.nullable(),
  note: z.string().nullable(),
  problemFound: z.boolean(),
  verdictAt: Instant.nullable(),
  verdictBy: PersonRef.nullable(),
});

export const SpotCheck = z
  .object({
    id: Id,
    estateId: Id,
    month: Month,
    status: z.enum(['pending', 'drawn', 'complete']),
    seed: z.string().nullable().describe('The recorded seed: the same seed and month always give the same sample'),
    population: z.number().int().describe("The month's completed follow-ups"),
    sampleSize: z.number().int(),
    drawnAt: Instant.nullable(),
    drawnBy: PersonRef.nullable(),
    dueAt: Instant.describe('R-FU-5: by the 7th of the next month, estate time zone'),
    state: DeadlineState,
    completedAt: Instant.nullable(),
    items: z.array(SpotCheckItem),
    alreadyDrawn: z.boolean().describe('true when this draw returned the sample drawn before'),
  })
  .meta({ id: 'SpotCheck' });
export type SpotCheck = z.infer<typeof SpotCheck>;

export const DrawSpotCheckBody = z.strictObject({
  month: Month,
  seed: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,64}$/, '4 to 64 letters, digits or dashes')
    .optional()
    .describe('Omit for a fresh random seed'),
});

export const SpotCheckDrawPreviewQuery = z.strictObject({
  month: Month.optional().describe('Omit for the month before this one, estate time zone'),
});

export const SpotCheckDrawPreview = z
  .object({
    month: Month,
    timeZone: z.string().describe('The estate time zone the month is counted in'),
    population: z.number().int().describe("The month's completed follow-ups"),
    sampleSize: z.number().int().describe('How many a draw now would sample (R-FU-5)'),
    alreadyDrawn: z.boolean().describe('true when the month was drawn before: drawing again returns that sample'),
    monthOver: z.boolean().describe('A month is drawn only once it is over'),
    dueAt: Instant.describe('R-FU-5: by the 7th of the next month, estate time zone'),
  })
  .meta({ id: 'SpotCheckDrawPreview' });
export type SpotCheckDrawPreview = z.infer<typeof SpotCheckDrawPreview>;

export const SpotVerdictBody = z.strictObject({
  occurredAt: OccurredAt,
  verdict: SpotVerdict,
  note: z.string().trim().max(2000).optional(),
  problemFound: z.boolean().default(false).describe('The repair itself still has a problem: a notice is due (R-RC-1)'),
});

export const ListSpotChecksQuery = PageQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const FollowUpSummary = z.object({
  asOf: Instant,
  byClass: z.array(z.object({ repairClass: RepairClass, dueToday: z.number().int(), overdue: z.number().int(), open: z.number().int() })),
  awaitingRain: z.number().int(),
  noticesDue: z.number().int().describe('Problems found still waiting for their written notice (R-RC-1)'),
  noticesUnacknowledged: z.number().int(),
  noticesPastDeadline: z.number().int(),
  spotCheck: z
    .object({
      month: Month,
      status: z.enum(['pending', 'drawn', 'complete']),
      dueAt: Instant,
      drawnAt: Instant.nullable().describe('After dueAt: drawn late (R-FU-5)'),
      state: DeadlineState,
    })
    .nullable(),
});
