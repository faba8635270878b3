/** The outbox table, added to the app's Database type. */
/** 'portal': a message the resident reads in the resident portal; its recipient is the resident's id. */
export type OutboxChannel = 'email' | 'webhook' | 'portal';
/** 'sending' is a row claimed by a worker; a claim older than the lease is taken over. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxTable {
  id: string;
  estate_id: string | null;
  event_key: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  /** JSON, for the webhook's receiver. */
  payload: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  claimed_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    outbox: OutboxTable;
  }
}
