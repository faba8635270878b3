import { z } from 'zod';
import { Id, Instant, pageOf } from './common.js';

/** A calendar month in the estate's time zone. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('A calendar month (YYYY-MM) in the estate’s time zone');

/** The rules with a deadline the monthly report measures, in the order it shows them. */
export const REPORTED_RULES = ['R-CP-1', 'R-CP-5', 'R-FU-1', 'R-FU-2', 'R-RC-1', 'R-PH-3', 'R-WK-4', 'R-FU-5'] as const;
export const ReportedRule = z.enum(REPORTED_RULES);
export type ReportedRule = z.infer<typeof ReportedRule>;

/** Where a deadline stood at the report's `asOf`. */
export const DeadlineState = z.enum(['onTime', 'late', 'open']);
export type DeadlineState = z.infer<typeof DeadlineState>;

/** One rule's deadlines that fell due in the month: met on time, met late, still open at `asOf`. */
export const RuleCompliance = z.object({
  rule: ReportedRule,
  due: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  open: z.number().int(),
  /** Of those still open, how many were past their due time at `asOf`. */
  overdue: z.number().int(),
  /** on time ÷ due, 0..1; null when nothing fell due. */
  onTimeRate: z.number().nullable(),
});
export type RuleCompliance = z.infer<typeof RuleCompliance>;

const Counted = z.object({ key: z.string(), count: z.number().int() });

export const MonthlyFigures = z.object({
  /** Cases that happened in the month (`occurredAt`), by kind, channel and repair class. */
  volumes: z.object({
    total: z.number().int(),
    byKind: z.array(Counted),
    byChannel: z.array(Counted),
    byRepairClass: z.array(Counted),
  }),
  rules: z.array(RuleCompliance),
  satisfaction: z.object({
    /** Complaints closed in the month, by the resident's answer. */
    complaintsClosed: z.number().int(),
    satisfied: z.number().int(),
    notSatisfied: z.number().int(),
    /** Closed by a manager without the resident's satisfaction (R-CP-3). */
    closedWithout: z.number().int(),
    /** Follow-up visits recorded in the month and the staff-recorded scores (1–5). */
    followUpsRecorded: z.number().int(),
    followUpResults: z.object({ ok: z.number().int(), problem: z.number().int(), unreachable: z.number().int() }),
    averageScore: z.number().nullable(),
  }),
  /** The month's own spot check (R-FU-5), drawn in the following month. */
  spotCheck: z.object({
    drawn: z.boolean(),
    sampled: z.number().int(),
    confirmed: z.number().int(),
    discrepancy: z.number().int(),
    unreachable: z.number().int(),
    pending: z.number().int(),
  }),
  /** Rectification notices issued in the month and how long maintenance took to acknowledge them. */
  notices: z.object({
    issued: z.number().int(),
    acknowledged: z.number().int(),
    unacknowledged: z.number().int(),
    medianAckHours: z.number().nullable(),
    maxAckHours: z.number().nullable(),
  }),
  desk: z.object({
    calls: z.number().int(),
    messages: z.number().int(),
    callBacks: z.number().int(),
    visits: z.number().int(),
    /** Waits at the counter from arrival to being received, in minutes. */
    medianWaitMinutes: z.number().nullable(),
    maxWaitMinutes: z.number().nullable(),
    waitedOverLimit: z.number().int(),
  }),
  /**
   * R-PH-5: calls the PBX measured that rang in the month: answered, answered within the estate's
   * limit (three rings), missed, the longest ring, and answered calls the desk has not logged
   * (R-PH-4). Absent from reports frozen before the phone system was counted.
   */
  phone: z
    .object({
      calls: z.number().int(),
      answered: z.number().int(),
      answeredInTime: z.number().int(),
      missed: z.number().int(),
      /** answered in time ÷ calls, 0..1; null with no calls. */
      inTimeRate: z.number().nullable(),
      longestRingSeconds: z.number().nullable(),
      notLogged: z.number().int(),
    })
    .optional(),
  fees: z.object({
    currency: z.string(),
    /** Valid receipts of the month, in minor units; voided ones are counted apart. */
    collected: z.number().int(),
    receipts: z.number().int(),
    voided: z.number().int(),
    /** What units owed at `asOf`, by age band, in minor units. */
    arrears: z.object({
      total: z.number().int(),
      units: z.number().int(),
      bands: z.array(z.object({ band: z.string(), amount: z.number().int() })),
    }),
  }),
});
export type MonthlyFigures = z.infer<typeof MonthlyFigures>;

/** A figure of an earlier, frozen report that reads differently now: records arrived or changed after it was frozen. */
export const Correction = z.object({ month: Month, figure: z.string(), frozen: z.number(), now: z.number() });
export type Correction = z.infer<typeof Correction>;

export const MonthlyReport = z
  .object({
    estate: z.object({ id: Id, code: z.string(), name: z.string(), timeZone: z.string() }),
    month: Month,
    period: z.object({ start: Instant, end: Instant }),
    /** The instant the open figures were read at. */
    asOf: Instant,
    /** Set once the month has ended and its figures were frozen: they no longer move. */
    frozenAt: Instant.nullable(),
    figures: MonthlyFigures,
    /** Figures of the previous month's frozen report that read differently now. */
    corrections: z.array(Correction),
    /** The twelve months to this one: each rule's on-time rate, and the month's case total. */
    trend: z.array(
      z.object({
        month: Month,
        cases: z.number().int(),
        rates: z.array(
          z.object({ rule: ReportedRule, onTimeRate: z.number().nullable(), due: z.number().int(), onTime: z.number().int() }),
        ),
      }),
    ),
  })
  .meta({ id: 'MonthlyReport' });
export type MonthlyReport = z.infer<typeof MonthlyReport>;

export const MonthlyReportQuery = z.strictObject({ asOf: Instant.optional() });

/**
 * A figure whose records can be listed: `cases.total`, `cases.kind.repair`, `cases.channel.phone`,
 * `cases.repairClass.leak`, `rules.R-FU-1.late` (due|onTime|late|open|overdue),
 * `complaints.satisfied|notSatisfied|closedWithout|closed`, `followUps.recorded`,
 * `followUps.result.problem`, `spotCheck.sampled`, `notices.issued|acknowledged|unacknowledged`,
 * `desk.calls|messages|callBacks|visits|waitedOverLimit`, `phone.calls|answered|answeredInTime|missed|late|notLogged`
 * (the PBX's calls, type `call`), `fees.receipts|voided`.
 */
export const FigureKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9.-]+$/, 'a figure key such as rules.R-CP-1.late')
  .describe('The figure whose records to list');

export const FigureRecordsQuery = z.strictObject({
  figure: FigureKey,
  asOf: Instant.optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** One record behind a figure, with what the web app needs to open it. */
export const FigureRecord = z.object({
  type: z.enum(['case', 'followup', 'notice', 'call', 'message', 'visit', 'payment', 'spotcheck']),
  id: Id,
  /** The case this record belongs to, when it has one (opens the case's page). */
  caseId: Id.nullable(),
  /** A case number, receipt number or notice number; otherwise a short description. */
  label: z.string(),
  at: Instant,
  dueAt: Instant.nullable(),
  metAt: Instant.nullable(),
  detail: z.string().nullable(),
});
export type FigureRecord = z.infer<typeof FigureRecord>;
export const FigureRecordPage = pageOf(FigureRecord).meta({ id: 'FigureRecordPage' });

/** The head office's view: the same figures side by side for the estates the reader may read, ranked. */
export const HeadOfficeQuery = z.strictObject({
  month: Month,
  asOf: Instant.optional(),
  /** Only these estates (comma-separated ids); by default every estate the reader may read. */
  estateIds: z
    .string()
    .max(4000)
    .regex(/^[0-9a-f-]{36}(,[0-9a-f-]{36})*$/i, 'estate ids separated by commas')
    .optional()
    .describe('Only these estates, by id, separated by commas'),
});
export const HeadOfficeRow = z.object({
  estate: z.object({ id: Id, code: z.string(), name: z.string() }),
  rank: z.number().int(),
  /** All rules' deadlines together: on time ÷ due. */
  onTimeRate: z.number().nullable(),
  frozenAt: Instant.nullable(),
  cases: z.number().int(),
  rules: z.array(RuleCompliance),
  satisfied: z.number().int(),
  notSatisfied: z.number().int(),
  collected: z.number().int(),
  arrears: z.number().int(),
  /** The twelve months to this one: the estate's overall on-time rate. */
  trend: z.array(z.object({ month: Month, onTimeRate: z.number().nullable() })),
});
export const HeadOffice = z.object({ month: Month, currency: z.string(), estates: z.array(HeadOfficeRow) }).meta({ id: 'HeadOffice' });
export type HeadOffice = z.infer<typeof HeadOffice>;

/** What the deadline sweep did when run on demand. */
export const SweepResult = z
  .object({
    ranAt: Instant,
    breached: z.number().int(),
    breaches: z.array(
      z.object({
        rule: z.string(),
        subjectType: z.string(),
        subjectId: Id,
        dueAt: Instant,
        escalatedTo: Id.nullable(),
        escalatedToName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SweepResult' });
export type SweepResult = z.infer<typeof SweepResult>;
