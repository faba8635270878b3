/** Tables of the deadline engine and the shared counters, added to the app's Database type. */
export interface ObligationTable {
  id: string;
  estate_id: string;
  rule: string;
  subject_type: string;
  subject_id: string;
  owner_id: string | null;
  department_id: string | null;
  opened_at: string;
  due_at: string;
  met_at: string | null;
  met_by: string | null;
  breached_at: string | null;
  escalated_to: string | null;
  escalated_at: string | null;
  cancelled_at: string | null;
  data: string;
}

export interface CounterTable {
  estate_id: string;
  name: string;
  period: string;
  value: number;
}

declare module '../db/schema.js' {
  interface Database {
    obligations: ObligationTable;
    counters: CounterTable;
  }
}
