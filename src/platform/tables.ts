/** Tables of the platform's own small mechanisms, added to the app's Database type. */

/** Facts about this installation as a whole, one row each. */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The record a request with an `Idempotency-Key` created, so that a repeat finds it. */
export interface IdempotencyKeyTable {
  estate_id: string;
  operation: string;
  key: string;
  request_hash: string;
  record_id: string;
  created_at: string;
}

declare module './db/schema.js' {
  interface Database {
    app_meta: AppMetaTable;
    idempotency_keys: IdempotencyKeyTable;
  }
}
