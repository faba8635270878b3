/** The notices table, added to the app's Database type. */
export interface NoticeTable {
  id: string;
  estate_id: string;
  staff_id: string;
  /** What happened, e.g. 'case.assigned', 'case.escalated', 'obligation.breached'. */
  kind: string;
  subject_type: string;
  subject_id: string;
  /** JSON: what the screen needs to word the notice without another query. */
  data: string;
  created_at: string;
  read_at: string | null;
}

declare module '../platform/db/schema.js' {
  interface Database {
    notices: NoticeTable;
  }
}
