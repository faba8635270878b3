import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from './db/schema.js';
import { AppError } from './errors.js';
import { canonicalJson } from './history.js';
import { findIdempotencyKey, insertIdempotencyKey } from './idempotency.store.js';

/**
 * Idempotency keys for creates that take a gap-free number (rectification notices; fee receipts
 * later). The client sends an `Idempotency-Key` header, generated once per form it shows; the
 * service writes the key with the created record's id in the record's own transaction, so a
 * retried or double-clicked request finds the first record instead of taking a second number.
 */
export type { IdempotencyKeyTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/** The header's value: 8 to 200 printable ASCII characters (a UUID is the usual choice). */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, 'must be 8 to 200 printable ASCII characters, e.g. a UUID')
  .describe(
    'A key generated once per form (a UUID): a request repeated with the same key answers the record the first one created instead of creating another',
  );

export interface IdempotentRequest {
  estateId: string;
  operation: string;
  key: string;
  /** What was asked for: the same key with a different request is refused. */
  request: unknown;
}

const hashOf = (request: unknown) => createHash('sha256').update(canonicalJson(request)).digest('hex');

/** The id of the record an earlier request with this key created, or null. */
export async function recordFor(db: Db, req: IdempotentRequest): Promise<string | null> {
  const row = await findIdempotencyKey(db, req.estateId, req.operation, req.key);
  if (!row) return null;
  if (row.request_hash !== hashOf(req.request)) {
    throw new AppError('request.idempotency_key_reused', 'Idempotency-Key: already used for a different request', {
      field: 'Idempotency-Key',
    });
  }
  return row.record_id;
}

/** Remembers the record a request created, inside the transaction that created it. */
export async function rememberRecord(trx: Transaction<Database>, req: IdempotentRequest, recordId: string, at: string): Promise<void> {
  await insertIdempotencyKey(trx, {
    estate_id: req.estateId,
    operation: req.operation,
    key: req.key,
    request_hash: hashOf(req.request),
    record_id: recordId,
    created_at: at,
  });
}

/** A unique or primary-key violation on either engine: a concurrent twin committed first. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
