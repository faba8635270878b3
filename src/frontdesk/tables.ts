/** Tables of the front desk, added to the app's Database type. */
export interface DeskScriptTable {
  estate_id: string;
  situation: string;
  locale: string;
  text: string;
  updated_at: string;
  updated_by: string;
}

export interface CallTable {
  id: string;
  estate_id: string;
  started_at: string;
  duration_seconds: number | null;
  caller_name: string | null;
  caller_phone: string | null;
  unit_id: string | null;
  resident_id: string | null;
  purpose: string;
  outcome: string;
  asked_for_id: string | null;
  answered_by: string;
  note: string | null;
  case_id: string | null;
  recorded_at: string;
}

export interface MessageTable {
  id: string;
  estate_id: string;
  taken_at: string;
  caller_name: string;
  caller_phone: string | null;
  unit_id: string | null;
  text: string;
  for_id: string;
  taken_by: string;
  reason: string;
  from_transfer: number;
  expected_back_at: string | null;
  callback_due_at: string;
  called_back_at: string | null;
  called_back_by: string | null;
  callback_note: string | null;
  handed_on_from: string | null;
  call_id: string | null;
}

export interface VisitTable {
  id: string;
  estate_id: string;
  status: string;
  arrived_at: string;
  visitor_name: string | null;
  unit_id: string | null;
  resident_id: string | null;
  purpose: string;
  note: string | null;
  asked_for_id: string | null;
  routed_to_id: string | null;
  /** JSON: the receiver suggestion made on arrival (R-WK-2, R-WK-3). */
  suggestion: string | null;
  acknowledged_at: string | null;
  received_at: string | null;
  received_by: string | null;
  departed_at: string | null;
  outcome: string | null;
  case_id: string | null;
  recorded_by: string;
}

declare module '../platform/db/schema.js' {
  interface Database {
    desk_scripts: DeskScriptTable;
    calls: CallTable;
    messages: MessageTable;
    visits: VisitTable;
  }
}
