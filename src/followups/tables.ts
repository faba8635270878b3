/** Tables of the follow-up capability, added to the app's Database type. */
export interface RainEventTable {
  id: string;
  estate_id: string;
  started_at: string;
  ended_at: string;
  amount_mm: number | null;
  source: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface FollowUpTable {
  id: string;
  estate_id: string;
  case_id: string;
  kind: string;
  repair_class: string;
  status: string;
  dedupe_key: string | null;
  repair_completed_at: string;
  opened_at: string;
  due_at: string | null;
  rain_event_id: string | null;
  notice_id: string | null;
  department_id: string | null;
  assignee_id: string | null;
  performed_at: string | null;
  performed_by: string | null;
  method: string | null;
  resident_words: string | null;
  satisfaction: number | null;
  result: string | null;
  problem: string | null;
  attempt_count: number;
  recorded_at: string | null;
  recorded_by: string | null;
  flagged_at: string | null;
  flagged_by: string | null;
  flag_note: string | null;
  /** R-PT-1: the resident's own score of the visit (1-5) and comment, given on the portal. */
  resident_score?: number | null;
  resident_comment?: string | null;
  resident_scored_at?: string | null;
}

export interface FollowUpAttemptTable {
  id: string;
  estate_id: string;
  followup_id: string;
  at: string;
  method: string;
  note: string | null;
  by_id: string;
}

export interface SpotCheckTable {
  id: string;
  estate_id: string;
  month: string;
  seed: string | null;
  population: number;
  sample_size: number;
  drawn_at: string | null;
  drawn_by: string | null;
  due_at: string;
  completed_at: string | null;
  created_at: string;
}

export interface SpotCheckItemTable {
  id: string;
  estate_id: string;
  spot_check_id: string;
  followup_id: string;
  position: number;
  verdict: string | null;
  note: string | null;
  problem_found: number;
  verdict_at: string | null;
  verdict_by: string | null;
}

export interface RectificationNoticeTable {
  id: string;
  estate_id: string;
  year: number;
  number: number;
  case_id: string;
  followup_id: string | null;
  spot_check_item_id: string | null;
  unit_id: string | null;
  finding_at: string;
  problem: string;
  required_action: string;
  deadline_at: string;
  recipient_id: string;
  issued_by: string;
  issued_at: string;
  issue_due_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  rectified_at: string | null;
  rectified_by: string | null;
  rectified_note: string | null;
  next_followup_id: string | null;
  voided_at: string | null;
  voided_by: string | null;
  void_reason: string | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    rain_events: RainEventTable;
    followups: FollowUpTable;
    followup_attempts: FollowUpAttemptTable;
    spot_checks: SpotCheckTable;
    spot_check_items: SpotCheckItemTable;
    rectification_notices: RectificationNoticeTable;
  }
}
