import type { Selectable } from 'kysely';

/** R-PT-1: a resident's account for the portal; one per resident of an estate. */
export interface ResidentAccountTable {
  id: string;
  estate_id: string;
  resident_id: string;
  /** What the resident signs in with: the digits of their phone, or their email in lower case. */
  login: string | null;
  /** Null until the resident sets one: they may sign in with codes sent to their phone only. */
  password_hash: string | null;
  locale: string;
  invited_at: string;
  invited_by: string | null;
  /** When the invitation was accepted. */
  activated_at: string | null;
  last_sign_in_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A one-time code: an invitation, or a sign-in code sent to the resident. Kept only as its hash. */
export interface ResidentCodeTable {
  id: string;
  account_id: string;
  purpose: 'invitation' | 'sign_in';
  code_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  failed_attempts: number;
}

export interface ResidentSessionTable {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type ResidentAccountRow = Selectable<ResidentAccountTable>;

declare module '../platform/db/schema.js' {
  interface Database {
    resident_accounts: ResidentAccountTable;
    resident_codes: ResidentCodeTable;
    resident_sessions: ResidentSessionTable;
  }
}
