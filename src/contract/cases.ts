import { z } from 'zod';
import { CaseKind, Id, Instant, PageQuery, RepairClass } from './common.js';
import { UnitSummary } from './directory.js';
import { PhraseWarnings } from './phrases.js';

/** R-IN-1: the four ways a case reaches the office. */
export const Channel = z.enum(['counter', 'phone', 'hotline', 'portal']);
export type Channel = z.infer<typeof Channel>;
export const CaseStatus = z.enum(['new', 'assigned', 'in_progress', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const ReplyMethod = z.enum(['call', 'visit', 'written']);
export const Satisfaction = z.enum(['satisfied', 'not_satisfied']);
export type Satisfaction = z.infer<typeof Satisfaction>;

const Content = (max: number) => z.string().trim().min(1).max(max);
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,20}$/, 'a phone number of digits, spaces, +, - or brackets');

export const PersonRef = z.object({ id: Id, name: z.string() });

/** An obligation of the deadline engine, as shown on a case or in a queue. */
export const Obligation = z
  .object({
    id: Id,
    estateId: Id,
    rule: z.string().describe('The rule that set the deadline, e.g. R-CP-1'),
    subjectType: z.string(),
    subjectId: z.string(),
    caseNumber: z.string().nullable(),
    ownerId: Id.nullable(),
    departmentId: Id.nullable(),
    openedAt: Instant,
    dueAt: Instant,
    metAt: Instant.nullable(),
    metOnTime: z.boolean().nullable().describe('null while open'),
    breachedAt: Instant.nullable(),
    escalatedTo: PersonRef.nullable(),
    state: z.enum(['open', 'due_soon', 'overdue', 'met', 'cancelled']).describe('As of the asOf time'),
  })
  .meta({ id: 'Obligation' });
export type Obligation = z.infer<typeof Obligation>;

export const CaseSummary = z
  .object({
    id: Id,
    estateId: Id,
    number: z.string().describe('Per estate and year, e.g. 2026-00042'),
    kind: CaseKind,
    channel: Channel,
    status: CaseStatus,
    unit: UnitSummary.nullable(),
    residentId: Id.nullable(),
    residentName: z.string().nullable(),
    residentPhone: z.string().nullable(),
    description: z.string(),
    repairClass: RepairClass.nullable(),
    occurredAt: Instant,
    recordedAt: Instant,
    recordedBy: PersonRef,
    department: z.object({ id: Id, name: z.string() }).nullable(),
    assignee: PersonRef.nullable(),
    maintenanceStaff: PersonRef.nullable(),
    escalatedTo: PersonRef.nullable(),
    firstReplyAt: Instant.nullable(),
    replyDueAt: Instant.nullable().describe('R-CP-1 deadline while unmet'),
    overdue: z.boolean().describe('An open obligation of this case is past due as of asOf'),
    satisfaction: Satisfaction.nullable(),
    updatedAt: Instant,
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseEventType = z.enum([
  'recorded',
  'assigned',
  'reply',
  'note',
  'forwarded',
  'escalated',
  'satisfaction',
  'resolved',
  'closed',
  'reopened',
  'repair_started',
  'repair_work',
  'repair_completed',
  'attachment',
  'follow_up_scheduled',
  'follow_up',
  'rectification_notice',
  'progress_message',
]);
export const CaseEvent = z
  .object({
    id: Id,
    type: CaseEventType,
    at: Instant,
    actor: PersonRef.nullable().describe('null when the system did it (an escalation by the sweeper)'),
    text: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });

export const Attachment = z
  .object({ id: Id, fileName: z.string(), contentType: z.string(), size: z.number().int(), createdAt: Instant, url: z.string() })
  .meta({ id: 'Attachment' });

export const CaseDetail = CaseSummary.extend({
  result: z.string().nullable(),
  closedAt: Instant.nullable(),
  closeReason: z.string().nullable(),
  repairStartedAt: Instant.nullable(),
  repairCompletedAt: Instant.nullable(),
  timeline: z.array(CaseEvent),
  obligations: z.array(Obligation),
  attachments: z.array(Attachment),
  phraseWarnings: PhraseWarnings.optional(),
}).meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CreateCaseBody = z
  .strictObject({
    kind: CaseKind,
    channel: Channel,
    unitId: Id.nullable().optional(),
    residentId: Id.nullable().optional(),
    residentName: z.string().trim().max(100).nullable().optional(),
    residentPhone: Phone.nullable().optional(),
    description: Content(5000),
    occurredAt: Instant.optional().describe('When it happened; defaults to now, may be earlier (R-IN-3)'),
    repairClass: RepairClass.nullable().optional().describe('Required for repairs (R-IN-4)'),
  })
  .refine((b) => b.kind !== 'repair' || Boolean(b.repairClass), {
    path: ['repairClass'],
    message: 'a repair needs its class: safety, leak or other (R-IN-4)',
  })
  .refine((b) => b.kind === 'repair' || !b.repairClass, { path: ['repairClass'], message: 'only repairs have a repair class' });

export const ListCasesQuery = PageQuery.extend({
  status: z
    .union([CaseStatus, z.literal('open')])
    .optional()
    .describe('open = anything not closed'),
  kind: CaseKind.optional(),
  channel: Channel.optional(),
  assigneeId: Id.optional(),
  departmentId: Id.optional(),
  unitId: Id.optional(),
  escalated: z.enum(['true', 'false']).optional().describe("true: the manager's escalation queue"),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional().describe('Full-text: Chinese (no spaces needed) and English'),
  asOf: Instant.optional().describe('Judge due and overdue as of this instant (default now)'),
  sort: z.enum(['-recordedAt', 'recordedAt', '-occurredAt', 'occurredAt', 'replyDueAt']).default('-recordedAt'),
});

export const AssignCaseBody = z.strictObject({
  departmentId: Id.nullable().optional(),
  assigneeId: Id.nullable().optional(),
  note: z.string().trim().max(1000).optional(),
});

export const AssigneeSuggestions = z
  .object({
    departments: z.array(z.object({ id: Id, name: z.string(), code: z.string() })),
    staff: z.array(z.object({ id: Id, name: z.string(), departmentId: Id.nullable(), presence: z.string(), openCases: z.number().int() })),
  })
  .meta({ id: 'AssigneeSuggestions' });

export const ReplyBody = z.strictObject({
  method: ReplyMethod,
  content: Content(5000).describe('What was said or written to the resident'),
  repliedAt: Instant.optional().describe('When the reply was given; defaults to now'),
});
export const NoteBody = z.strictObject({ content: Content(5000) });
export const ForwardBody = z.strictObject({ departmentId: Id, reason: Content(1000) });
export const EscalateBody = z.strictObject({ reason: Content(1000) });
export const SatisfactionBody = z.strictObject({
  satisfaction: Satisfaction,
  result: z.string().trim().min(1).max(5000).optional().describe('The handling result, if not recorded yet'),
  note: z.string().trim().max(1000).optional().describe("The resident's own words"),
});
export const ResolveBody = z.strictObject({ result: Content(5000) });
export const CloseBody = z.strictObject({
  result: z.string().trim().min(1).max(5000).optional(),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(1000)
    .optional()
    .describe('Required when a manager closes a complaint without satisfaction (R-CP-3)'),
});
export const ReopenBody = z.strictObject({ reason: Content(1000) });
export const StartRepairBody = z.strictObject({
  maintenanceStaffId: Id.optional(),
  startedAt: Instant.optional(),
  appointmentAt: Instant.optional().describe("R-CP-5: when the repairer will call at the resident's home; the resident is told"),
});
export const RepairWorkBody = z.strictObject({
  workDone: Content(5000),
  materials: z.string().trim().max(2000).optional(),
});
export const CompleteRepairBody = z.strictObject({
  workDone: z.string().trim().min(1).max(5000).optional(),
  materials: z.string().trim().max(2000).optional(),
  completedAt: Instant.optional().describe('When the repair was finished; defaults to now'),
});

export const ListObligationsQuery = PageQuery.extend({
  queue: z.enum(['open', 'due_soon', 'overdue', 'mine', 'my_department', 'escalated', 'all']).default('open'),
  rule: z.string().max(20).optional(),
  withinHours: z.coerce.number().int().min(1).max(720).default(24).describe('What "due soon" means'),
  asOf: Instant.optional(),
});

export const SavedView = z
  .object({ id: Id, name: z.string(), query: z.record(z.string(), z.string()), createdAt: Instant })
  .meta({ id: 'SavedView' });
export const CreateSavedViewBody = z.strictObject({
  name: Content(60),
  query: z.record(z.string().max(40), z.string().max(200)).refine((q) => Object.keys(q).length <= 20, 'at most 20 filters'),
});
