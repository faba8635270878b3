import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { newId } from '../ids.js';
import { insertOutboxMessage } from './store.js';
import type { OutboxChannel } from './tables.js';

/**
 * Notifications leave through an outbox: a use case writes the message in its own transaction,
 * so a message exists exactly when the change it reports does; the OutboxWorker delivers it
 * afterwards, retrying until it is through.
 */
export type { OutboxChannel, OutboxStatus, OutboxTable } from './tables.js';

export interface OutboxEntry {
  /** The row's id when the caller keeps a reference to it (a case's timeline); a new one otherwise. */
  id?: string;
  estateId: string | null;
  /** What happened, unique per occurrence: the same key, channel and recipient are queued once. */
  eventKey: string;
  channel: OutboxChannel;
  /** An email address, the phone number or handle the messaging gateway delivers to, or a resident's id (portal). */
  recipient: string;
  subject?: string | null;
  body: string;
  /** Structured data for the webhook's receiver; stored as JSON. */
  payload?: unknown;
  /** When the change happened, from the use case's clock: the message is due from then. */
  at: string;
}

/** Queues a message in the caller's transaction; false when this event was already queued for this recipient. */
export async function enqueue(trx: Transaction<Database>, entry: OutboxEntry): Promise<boolean> {
  return insertOutboxMessage(trx, {
    id: entry.id ?? newId(),
    estate_id: entry.estateId,
    event_key: entry.eventKey,
    channel: entry.channel,
    recipient: entry.recipient,
    subject: entry.subject ?? null,
    body: entry.body,
    payload: entry.payload === undefined || entry.payload === null ? null : JSON.stringify(entry.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: entry.at,
    created_at: entry.at,
  });
}

/** A queued message as a transport receives it. */
export interface OutboxMessage {
  id: string;
  estateId: string | null;
  eventKey: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  payload: unknown;
}

/** Delivers one message or throws; the worker retries what throws. */
export interface Transport {
  send(message: OutboxMessage, now: Date): Promise<void>;
  close(): Promise<void>;
}

export { type DeliveryState, deliveryStates, type PortalMessage, portalMessagesFor } from './store.js';
