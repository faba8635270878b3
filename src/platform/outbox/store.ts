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
