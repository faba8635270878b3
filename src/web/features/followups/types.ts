import type { z } from 'zod';
import type {
  AcknowledgeNoticeBody,
  AssignFollowUpBody,
  DrawSpotCheckBody,
  FollowUp,
  FollowUpAttemptBody,
  FollowUpCounts as FollowUpCountsSchema,
  FollowUpKind,
  FollowUpMethod as FollowUpMethodSchema,
  FollowUpPage as FollowUpPageSchema,
  FollowUpQueue,
  FollowUpResult,
  FollowUpSummary as FollowUpSummarySchema,
  ImportRainBody,
  ImportRainResult as ImportRainResultSchema,
  IssueNoticeBody,
  MarkRectifiedBody,
  NextNoticeNumber,
  NoticeStatus as NoticeStatusSchema,
  RainEvent,
  RainSource as RainSourceSchema,
  RecordFollowUpBody,
  RecordRainEventBody,
  RectificationNotice,
  SpotCheck,
  SpotCheckDrawPreview,
  SpotCheckItem as SpotCheckItemSchema,
  SpotVerdictBody,
  SpotVerdict as SpotVerdictSchema,
  VoidNoticeBody,
} from '../../../contract/followups';

/** The follow-ups' shapes as the web app sees them, all taken from the shared contract. */
export type {
  FollowUp,
  FollowUpKind,
  FollowUpQueue,
  FollowUpResult,
  NextNoticeNumber,
  RainEvent,
  RectificationNotice,
  SpotCheck,
  SpotCheckDrawPreview,
};
export type FollowUpMethod = z.infer<typeof FollowUpMethodSchema>;
export type FollowUpPage = z.infer<typeof FollowUpPageSchema>;
export type FollowUpCounts = z.infer<typeof FollowUpCountsSchema>;
export type FollowUpSummary = z.infer<typeof FollowUpSummarySchema>;
export type RainSource = z.infer<typeof RainSourceSchema>;
export type ImportRainResult = z.infer<typeof ImportRainResultSchema>;
export type NoticeStatus = z.infer<typeof NoticeStatusSchema>;
export type SpotCheckItem = z.infer<typeof SpotCheckItemSchema>;
export type SpotVerdict = z.infer<typeof SpotVerdictSchema>;

export type RecordFollowUpInput = z.input<typeof RecordFollowUpBody>;
export type FollowUpAttemptInput = z.input<typeof FollowUpAttemptBody>;
export type AssignFollowUpInput = z.input<typeof AssignFollowUpBody>;
export type RecordRainInput = z.input<typeof RecordRainEventBody>;
export type ImportRainInput = z.input<typeof ImportRainBody>;
export type IssueNoticeInput = z.input<typeof IssueNoticeBody>;
export type AcknowledgeNoticeInput = z.input<typeof AcknowledgeNoticeBody>;
export type MarkRectifiedInput = z.input<typeof MarkRectifiedBody>;
export type VoidNoticeInput = z.input<typeof VoidNoticeBody>;
export type DrawSpotCheckInput = z.input<typeof DrawSpotCheckBody>;
export type SpotVerdictInput = z.input<typeof SpotVerdictBody>;

/** The values of each enum in display order; `Record<Union, true>` makes the compiler insist on all of them. */
function valuesOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[];
}

/** The queues in the order the desk works them: today first, then what slipped. */
export const QUEUES = valuesOf<FollowUpQueue>({
  due_today: true,
  overdue: true,
  open: true,
  awaiting_rain: true,
  flagged: true,
  done: true,
  all: true,
});
export const FOLLOW_UP_KINDS = valuesOf<FollowUpKind>({ repair: true, after_rain: true, after_rectification: true });
export const RESULTS = valuesOf<FollowUpResult>({ ok: true, problem: true, unreachable: true });
export const METHODS = valuesOf<FollowUpMethod>({ phone: true, visit: true });
export const RAIN_SOURCES = valuesOf<RainSource>({ manual: true, hko: true, csv: true });
export const NOTICE_STATUSES = valuesOf<NoticeStatus>({ issued: true, acknowledged: true, rectified: true, void: true });
export const VERDICTS = valuesOf<SpotVerdict>({ confirmed: true, discrepancy: true, unreachable: true });
export const SATISFACTION_SCORES = [1, 2, 3, 4, 5] as const;

export const RESULT_COLORS: Record<FollowUpResult, string> = { ok: 'green', problem: 'red', unreachable: 'default' };
export const NOTICE_STATUS_COLORS: Record<NoticeStatus, string> = {
  issued: 'orange',
  acknowledged: 'blue',
  rectified: 'green',
  void: 'default',
};
export const VERDICT_COLORS: Record<SpotVerdict, string> = { confirmed: 'green', discrepancy: 'red', unreachable: 'default' };

export function isNoticeStatus(value: string): value is NoticeStatus {
  return (NOTICE_STATUSES as string[]).includes(value);
}
