import type { Generated } from 'kysely';

/** Tables of the cases capability, added to the app's Database type. */
export interface CaseTable {
  id: string;
  estate_id: string;
  number: string;
  kind: string;
  channel: string;
  status: string;
  unit_id: string | null;
  resident_id: string | null;
  resident_name: string | null;
  resident_phone: string | null;
  description: string;
  repair_class: string | null;
  occurred_at: string;
  recorded_at: string;
  recorded_by: string;
  department_id: string | null;
  assignee_id: string | null;
  maintenance_id: string | null;
  escalated_to: string | null;
  first_reply_at: string | null;
  result: string | null;
  satisfaction: string | null;
  repair_started_at: string | null;
  repair_completed_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  close_reason: string | null;
  updated_at: string;
}

export interface CaseEventTable {
  id: string;
  estate_id: string;
  case_id: string;
  type: string;
  at: string;
  actor_id: string | null;
  text: string | null;
  data: string;
}

/**
 * A case's search document: its terms and its estate's token, space-separated text on SQLite
 * (indexed by the FTS5 table case_search, kept by triggers), a tsvector on PostgreSQL.
 */
export interface CaseDocTable {
  id: Generated<number>;
  case_id: string;
  estate_id: string;
  /** The case's `recorded_at`, which never changes: a search pages by it without reading the case. */
  recorded_at: string;
  terms: string;
}

export interface AttachmentTable {
  id: string;
  estate_id: string;
  case_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_by: string;
  created_at: string;
}

export interface SavedViewTable {
  id: string;
  estate_id: string;
  staff_id: string;
  name: string;
  query: string;
  created_at: string;
}

declare module '../platform/db/schema.js' {
  interface Database {
    cases: CaseTable;
    case_events: CaseEventTable;
    case_docs: CaseDocTable;
    attachments: AttachmentTable;
    saved_views: SavedViewTable;
  }
}
