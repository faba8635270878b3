import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, HistoryRow } from './db/schema.js';
import {
  chainEntries,
  chainsWithEntries,
  ensureHistoryHead,
  historyHeads,
  insertHistoryEntry,
  lockHistoryHead,
  moveHistoryHead,
} from './history.store.js';
import { newId } from './ids.js';

/**
 * R-RD-1: every change is kept in an append-only history (who, when, what changed), written in
 * the same transaction as the change. Entries are hash-chained per estate (company-wide records
 * such as staff accounts chain under "company"), so an edit, insert or delete done behind the
 * application's back breaks a link that `estatedesk history verify` names.
 */
export interface Change {
  estateId: string | null;
  actorId: string | null;
  at: string;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

export function chainOf(estateId: string | null): string {
  return estateId ? `estate:${estateId}` : 'company';
}

/** Canonical JSON: keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

type Hashed = Pick<
  HistoryRow,
  'chain' | 'seq' | 'estate_id' | 'actor_id' | 'at' | 'entity_type' | 'entity_id' | 'action' | 'before' | 'after' | 'prev_hash'
>;

export function entryHash(e: Hashed): string {
  const body = canonicalJson([
    e.chain,
    e.seq,
    e.estate_id,
    e.actor_id,
    new Date(e.at).toISOString(),
    e.entity_type,
    e.entity_id,
    e.action,
    e.before,
    e.after,
    e.prev_hash,
  ]);
  return createHash('sha256').update(body).digest('hex');
}

export async function recordChange(trx: Transaction<Database>, change: Change): Promise<void> {
  await writeChange(trx, prepareChange(change));
}

/** A change with its states already in canonical JSON: what it says is fixed when it is made. */
export interface PreparedChange {
  estateId: string | null;
  actorId: string | null;
  at: string;
  entityType: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}

export function prepareChange(change: Change): PreparedChange {
  return {
    estateId: change.estateId,
    actorId: change.actorId,
    at: change.at,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before: change.before === undefined || change.before === null ? null : canonicalJson(change.before),
    after: change.after === undefined || change.after === null ? null : canonicalJson(change.after),
  };
}

/** Appends a prepared change to its chain: the head row is locked from here to the commit. */
export async function writeChange(trx: Transaction<Database>, change: PreparedChange): Promise<void> {
  const chain = chainOf(change.estateId);
  await ensureHistoryHead(trx, chain, GENESIS);
  const head = await lockHistoryHead(trx, chain);
  const entry: Hashed = {
    chain,
    seq: head.seq + 1,
    estate_id: change.estateId,
    actor_id: change.actorId,
    at: change.at,
    entity_type: change.entityType,
    entity_id: change.entityId,
    action: change.action,
    before: change.before,
    after: change.after,
    prev_hash: head.hash,
  };
  const hash = entryHash(entry);
  await insertHistoryEntry(trx, { id: newId(), ...entry, hash });
  await moveHistoryHead(trx, chain, entry.seq, hash);
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  entries: number;
  /** The first broken link, in words a person can act on. */
  problem?: { chain: string; seq: number; entryId: string | null; reason: string };
}

export { estateHistory } from './history.store.js';

/** Walks every chain in order and names the first link that does not hold. */
export async function verifyHistory(db: Kysely<Database>): Promise<VerifyResult> {
  const heads = await historyHeads(db);
  const chainsInHistory = await chainsWithEntries(db);
  let entries = 0;
  for (const { chain } of chainsInHistory) {
    if (!heads.some((h) => h.chain === chain)) {
      return {
        ok: false,
        chains: heads.length,
        entries,
        problem: { chain, seq: 0, entryId: null, reason: 'chain has entries but no head: entries were inserted behind the application' },
      };
    }
  }
  for (const head of heads) {
    let prevHash = GENESIS;
    let expectedSeq = 1;
    const pageSize = 5000;
    for (let offset = 0; ; offset += pageSize) {
      const rows = await chainEntries(db, head.chain, pageSize, offset);
      for (const row of rows) {
        entries++;
        const fail = (reason: string): VerifyResult => ({
          ok: false,
          chains: heads.length,
          entries,
          problem: { chain: head.chain, seq: row.seq, entryId: row.id, reason },
        });
        if (row.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} but found ${row.seq}: entries are missing (deleted)`);
        if (row.prev_hash !== prevHash)
          return fail('its link to the previous entry does not match: an entry before it was changed, removed or inserted');
        if (entryHash(row) !== row.hash) return fail('its content does not match its hash: the entry was edited');
        prevHash = row.hash;
        expectedSeq++;
      }
      if (rows.length < pageSize) break;
    }
    if (expectedSeq - 1 !== head.seq || prevHash !== head.hash) {
      return {
        ok: false,
        chains: heads.length,
        entries,
        problem: {
          chain: head.chain,
          seq: expectedSeq,
          entryId: null,
          reason: `the chain ends at entry ${expectedSeq - 1} but its head records ${head.seq}: the last entries were deleted or the head was changed`,
        },
      };
    }
  }
  return { ok: true, chains: heads.length, entries };
}
