/** A month's report frozen once the month ended: the figures as they stood then (JSON of MonthlyReport). */
export interface ReportSnapshotTable {
  estate_id: string;
  month: string;
  frozen_at: string;
  as_of: string;
  body: string;
}

declare module '../platform/db/schema.js' {
  interface Database {
    report_snapshots: ReportSnapshotTable;
  }
}
