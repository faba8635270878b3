import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { isPostgres } from '../db/engine.js';
import type { Database } from '../db/schema.js';
import type { OutboxChannel, OutboxTable } from './tables.js';
import './tables.js';

/** Queries of the outbox. */
export type OutboxRow = Selectable<OutboxTable>;

/** Inserts a message unless the same event is already queued for the same recipient on the channel; true when inserted. */
export async function insertOutboxMessage(
  trx: Transaction<Database>,
  row: Omit<Insertable<OutboxTable>, 'claim_token' | 'claimed_at' | 'last_error' | 'sent_at'>,
): Promise<boolean> {
  const result = await trx
    .insertInto('outbox')
    .values(row)
    .onConflict((oc) => oc.columns(['event_key', 'channel', 'recipient']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims the next message due on one of these channels: a pending one whose time has come, or one
 * whose claim is older than the lease (its worker died). Returns it with its attempt counted.
 */
export async function claimNextMessage(
  db: Kysely<Database>,
  opts: { channels: OutboxChannel[]; at: string; leaseExpired: string },
): Promise<OutboxRow | undefined> {
  const { at, leaseExpired } = opts;
  const token = randomUUID();
  let next = db
    .selectFrom('outbox')
    .select('id')
    .where('channel', 'in', opts.channels)
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseExpired)]),
      ]),
    )
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(1);
  if (isPostgres(db)) next = next.forUpdate().skipLocked();
  // `id = (subquery)`, not `id in (...)`: PostgreSQL runs a scalar subquery once, whereas an IN
  // may be re-run per row and, with SKIP LOCKED, claim every due row at once.
  return db
    .updateTable('outbox')
    .set((eb) => ({ status: 'sending', claim_token: token, claimed_at: at, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', next)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseExpired)])]))
    .returningAll()
    .executeTakeFirst();
}

/** Gives a claimed message back after a failed send: to retry later, or failed for good. Only the claim's holder may. */
export async function releaseFailedMessage(
  db: Kysely<Database>,
  opts: { id: string; claimToken: string; status: 'pending' | 'failed'; nextAttemptAt: string; error: string },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: opts.status, next_attempt_at: opts.nextAttemptAt, last_error: opts.error, claim_token: null, claimed_at: null })
    .where('id', '=', opts.id)
    .where('claim_token', '=', opts.claimToken)
    .execute();
}

/** Marks a claimed message sent. Only the claim's holder may. */
export async function markMessageSent(db: Kysely<Database>, opts: { id: string; claimToken: string; at: string }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: opts.at, last_error: null, claim_token: null, claimed_at: null })
    .where('id', '=', opts.id)
    .where('claim_token', '=', opts.claimToken)
    .execute();
}

/** A portal message as the resident portal lists it. */
export interface PortalMessage {
  id: string;
  estateId: string | null;
  eventKey: string;
  subject: string | null;
  body: string;
  payload: unknown;
  sentAt: string | null;
  createdAt: string;
}

/**
 * The portal messages delivered to a resident (recipient = their id), newest first, a page of
 * them with the count of all.
 */
export async function portalMessagesFor(
  db: Kysely<Database>,
  residentId: string,
  opts: { limit: number; offset: number },
): Promise<{ items: PortalMessage[]; total: number }> {
  const base = db.selectFrom('outbox').where('channel', '=', 'portal').where('recipient', '=', residentId).where('status', '=', 'sent');
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).offset(opts.offset).execute();
  return {
    total: Number(n),
    items: rows.map((r) => ({
      id: r.id,
      estateId: r.estate_id,
      eventKey: r.event_key,
      subject: r.subject,
      body: r.body,
      payload: r.payload === null ? null : (JSON.parse(r.payload) as unknown),
      sentAt: r.sent_at,
      createdAt: r.created_at,
    })),
  };
}

/** How far each of these messages got: pending (or being sent), sent or failed, and when it was sent. */
export interface DeliveryState {
  status: 'pending' | 'sent' | 'failed';
  sentAt: string | null;
  attempts: number;
}

export async function deliveryStates(db: Kysely<Database>, ids: string[]): Promise<Map<string, DeliveryState>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('outbox').select(['id', 'status', 'sent_at', 'attempts']).where('id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { status: r.status === 'sending' ? 'pending' : (r.status as DeliveryState['status']), sentAt: r.sent_at, attempts: r.attempts },
    ]),
  );
}
