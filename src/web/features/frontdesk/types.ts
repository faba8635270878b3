import type { z } from 'zod';
import type {
  CallbackDue as CallbackDueSchema,
  CallbackReason as CallbackReasonSchema,
  CallOutcome as CallOutcomeSchema,
  CallPurpose as CallPurposeSchema,
  Call as CallSchema,
  CompleteCallbackBody,
  DepartureBody,
  DeskScript as DeskScriptSchema,
  FrontDeskSummary as FrontDeskSummarySchema,
  Greeting as GreetingSchema,
  HandOnMessageBody,
  LogCallBody,
  Message,
  PageStaffBody,
  ReceiverSuggestion as ReceiverSuggestionSchema,
  ReceiveVisitorBody,
  RecordArrivalBody,
  Situation,
  TakeMessageBody,
  UpdateDeskScriptBody,
  Visit,
  VisitPurpose as VisitPurposeSchema,
} from '../../../contract/frontdesk';

/** The front desk's shapes as the web app sees them, all taken from the shared contract. */
export type { Message, Situation, Visit };
export type Greeting = z.infer<typeof GreetingSchema>;
export type DeskScript = z.infer<typeof DeskScriptSchema>;
export type Call = z.infer<typeof CallSchema>;
export type CallPurpose = z.infer<typeof CallPurposeSchema>;
export type CallOutcome = z.infer<typeof CallOutcomeSchema>;
export type CallbackReason = z.infer<typeof CallbackReasonSchema>;
export type CallbackDue = z.infer<typeof CallbackDueSchema>;
export type VisitPurpose = z.infer<typeof VisitPurposeSchema>;
export type ReceiverSuggestion = z.infer<typeof ReceiverSuggestionSchema>;
export type FrontDeskSummary = z.infer<typeof FrontDeskSummarySchema>;
export type MessageState = Message['state'];

export type LogCallInput = z.input<typeof LogCallBody>;
export type TakeMessageInput = z.input<typeof TakeMessageBody>;
export type CompleteCallbackInput = z.input<typeof CompleteCallbackBody>;
export type HandOnInput = z.input<typeof HandOnMessageBody>;
export type RecordArrivalInput = z.input<typeof RecordArrivalBody>;
export type ReceiveVisitorInput = z.input<typeof ReceiveVisitorBody>;
export type PageStaffInput = z.input<typeof PageStaffBody>;
export type DepartureInput = z.input<typeof DepartureBody>;
export type UpdateDeskScriptInput = z.input<typeof UpdateDeskScriptBody>;

/** The values of each enum in display order; `Record<Union, true>` makes the compiler insist on all of them. */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

export const CALL_PURPOSES = valuesOf<CallPurpose>({
  inquiry: true,
  repair: true,
  fee: true,
  complaint: true,
  message: true,
  colleague: true,
  other: true,
});
export const CALL_OUTCOMES = valuesOf<CallOutcome>({
  answered: true,
  transferred: true,
  message_taken: true,
  call_back_promised: true,
  unanswered_transfer: true,
  case_created: true,
});
export const VISIT_PURPOSES = valuesOf<VisitPurpose>({ inquiry: true, repair: true, fee: true, complaint: true, other: true });
export const CALLBACK_REASONS = valuesOf<CallbackReason>({ promise: true, absent: true });
export const SITUATIONS = valuesOf<Situation>({
  out: true,
  meeting: true,
  on_call: true,
  off_duty: true,
  call_back_later: true,
  ask_identity: true,
  hold: true,
  other_office: true,
  walk_in_greeting: true,
  walk_in_away: true,
  walk_in_farewell: true,
  complaint_apology: true,
  complaint_forward: true,
  complaint_escalate: true,
  thanks_registration: true,
  reply_to_thanks: true,
  refer_colleague: true,
  on_call_other: true,
  internal_greeting: true,
});

/** The case kinds a call becomes with one keystroke (Alt+1..4), in that order. */
export const CASE_SHORTCUTS = ['inquiry', 'repair', 'fee', 'complaint'] as const;
export type CaseShortcut = (typeof CASE_SHORTCUTS)[number];

/** The message lists: whose, and which. */
export const MESSAGE_WHOSE = ['me', 'all'] as const;
export type MessageWhose = (typeof MESSAGE_WHOSE)[number];
export const MESSAGE_STATUSES = ['open', 'overdue', 'done', 'all'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
