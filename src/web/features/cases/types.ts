import type { z } from 'zod';
import type {
  AssignCaseBody,
  AssigneeSuggestions as AssigneeSuggestionsSchema,
  Attachment as AttachmentSchema,
  CaseDetail,
  CaseEvent as CaseEventSchema,
  CaseEventType as CaseEventTypeSchema,
  CaseStatus,
  CaseSummary,
  Channel,
  CloseBody,
  CompleteRepairBody,
  CreateCaseBody,
  CreateSavedViewBody,
  EscalateBody,
  ForwardBody,
  NoteBody,
  Obligation,
  ReopenBody,
  RepairWorkBody,
  ReplyBody,
  ReplyMethod as ReplyMethodSchema,
  ResolveBody,
  Satisfaction,
  SatisfactionBody,
  SavedView as SavedViewSchema,
  StartRepairBody,
} from '../../../contract/cases';
import type { CaseKindValue, RepairClassValue } from '../directory/types';

/** The cases' shapes as the web app sees them, all taken from the shared contract. */
export type { CaseDetail, CaseStatus, CaseSummary, Channel, Obligation, Satisfaction };
export type CaseKind = CaseKindValue;
export type RepairClass = RepairClassValue;
export type CaseEvent = z.infer<typeof CaseEventSchema>;
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;
export type Attachment = z.infer<typeof AttachmentSchema>;
export type AssigneeSuggestions = z.infer<typeof AssigneeSuggestionsSchema>;
export type SavedView = z.infer<typeof SavedViewSchema>;
export type ReplyMethod = z.infer<typeof ReplyMethodSchema>;
export type ObligationState = Obligation['state'];

export type CreateCaseInput = z.input<typeof CreateCaseBody>;
export type AssignCaseInput = z.input<typeof AssignCaseBody>;
export type ReplyInput = z.input<typeof ReplyBody>;
export type NoteInput = z.input<typeof NoteBody>;
export type ForwardInput = z.input<typeof ForwardBody>;
export type EscalateInput = z.input<typeof EscalateBody>;
export type SatisfactionInput = z.input<typeof SatisfactionBody>;
export type ResolveInput = z.input<typeof ResolveBody>;
export type CloseInput = z.input<typeof CloseBody>;
export type ReopenInput = z.input<typeof ReopenBody>;
export type StartRepairInput = z.input<typeof StartRepairBody>;
export type RepairWorkInput = z.input<typeof RepairWorkBody>;
export type CompleteRepairInput = z.input<typeof CompleteRepairBody>;
export type CreateSavedViewInput = z.input<typeof CreateSavedViewBody>;

/** The queues of the obligations endpoint. */
export type ObligationQueue = 'open' | 'due_soon' | 'overdue' | 'mine' | 'my_department' | 'escalated' | 'all';

/** The values of each enum in display order; `Record<Union, true>` makes the compiler insist on all of them. */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

/** The order the intake screen offers them in, that of their digits (`SUBJECT_DIGITS`). */
export const INTAKE_KINDS = valuesOf<CaseKind>({
  inquiry: true,
  repair: true,
  fee: true,
  complaint: true,
  message: true,
  praise: true,
  suggestion: true,
});
export const CHANNELS = valuesOf<Channel>({ phone: true, counter: true, hotline: true, portal: true });
export const CASE_STATUSES = valuesOf<CaseStatus>({ new: true, assigned: true, in_progress: true, resolved: true, closed: true });
export const REPLY_METHODS = valuesOf<ReplyMethod>({ call: true, visit: true, written: true });
export const SATISFACTIONS = valuesOf<Satisfaction>({ satisfied: true, not_satisfied: true });
export const CASE_SORTS = ['-recordedAt', 'recordedAt', '-occurredAt', 'occurredAt', 'replyDueAt'] as const;

export const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  assigned: 'cyan',
  in_progress: 'processing',
  resolved: 'green',
  closed: 'default',
};

export const KIND_COLORS: Record<CaseKind, string> = {
  complaint: 'red',
  repair: 'orange',
  inquiry: 'blue',
  fee: 'gold',
  message: 'purple',
  praise: 'green',
  suggestion: 'geekblue',
};

/** Image types the attachment endpoint accepts, and its size limit. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
