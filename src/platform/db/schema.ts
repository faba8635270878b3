import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types. Instants are ISO-8601 UTC strings on both engines (timestamptz on
 * PostgreSQL, parsed back to ISO strings in connect.ts; text on SQLite). JSON columns are
 * text. Flags are integers 0/1 (better-sqlite3 cannot bind booleans).
 */
export interface EstateTable {
  id: string;
  code: string;
  name: string;
  address: string;
  time_zone: string;
  office_name: string;
  policy: string;
  created_at: string;
  updated_at: string;
}

export interface BuildingTable {
  id: string;
  estate_id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  estate_id: string;
  building_id: string;
  number: string;
  floor: number;
  area_m2: number | null;
  created_at: string;
  updated_at: string;
}

export interface ResidentTable {
  id: string;
  estate_id: string;
  name: string;
  phone: string | null;
  phone_alt: string | null;
  email: string | null;
  kind: string;
  /** R-WD-2: mr, mrs, miss, ms; null when not known. */
  title: string | null;
  /** R-CP-5: the language of what the office writes to them: zh-Hant, zh-Hans or en. */
  locale: Generated<string>;
  /** R-CP-5: sms, email or portal; null: automatic (sms with a phone, else email, else portal). */
  notify_channel: string | null;
  /** R-CP-5: 1 when the resident refused this channel. */
  sms_opt_out: Generated<number>;
  email_opt_out: Generated<number>;
  portal_opt_out: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ResidentUnitTable {
  resident_id: string;
  unit_id: string;
  estate_id: string;
}

export interface DepartmentTable {
  id: string;
  estate_id: string;
  code: string;
  name: string;
  case_kinds: string;
  repair_classes: string;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: string;
  username: string;
  name: string;
  surname: string;
  role: string;
  email: string | null;
  phone: string | null;
  locale: string;
  password_hash: string | null;
  password_changed_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffEstateTable {
  staff_id: string;
  estate_id: string;
  department_id: string | null;
  counter_seat: string | null;
  /** The person's role in this estate (roles are held per estate). */
  role: string;
}

export interface PresenceTable {
  staff_id: string;
  state: string;
  until: string | null;
  note: string | null;
  on_task: number;
  updated_at: string;
  updated_by: string | null;
}

export interface SessionTable {
  id: string;
  staff_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: string;
  account: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface HistoryTable {
  id: string;
  chain: string;
  seq: number;
  estate_id: string | null;
  actor_id: string | null;
  at: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface HistoryHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

export interface Database {
  estates: EstateTable;
  buildings: BuildingTable;
  units: UnitTable;
  residents: ResidentTable;
  resident_units: ResidentUnitTable;
  departments: DepartmentTable;
  staff: StaffTable;
  staff_estates: StaffEstateTable;
  presence: PresenceTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  history: HistoryTable;
  history_heads: HistoryHeadTable;
}

export type EstateRow = Selectable<EstateTable>;
export type BuildingRow = Selectable<BuildingTable>;
export type UnitRow = Selectable<UnitTable>;
export type ResidentRow = Selectable<ResidentTable>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type StaffRow = Selectable<StaffTable>;
export type PresenceRow = Selectable<PresenceTable>;
export type HistoryRow = Selectable<HistoryTable>;
export type NewHistory = Insertable<HistoryTable>;
export type UnitUpdate = Updateable<UnitTable>;
// Generated is re-exported for later tables with server-side defaults.
export type { Generated };
