import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from './db/engine.js';
import type { Database, HistoryRow } from './db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Makes sure a chain has its head row (sequence 0, the genesis hash) before it is locked. */
export async function ensureHistoryHead(trx: Transaction<Database>, chain: string, genesis: string): Promise<void> {
  await trx
    .insertInto('history_heads')
    .values({ chain, seq: 0, hash: genesis })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
}

/**
 * The head of a chain. It serialises writers of one chain: on PostgreSQL a row lock held to
 * commit; on SQLite the single connection already runs one transaction at a time.
 */
export async function lockHistoryHead(trx: Transaction<Database>, chain: string) {
  let q = trx.selectFrom('history_heads').select(['seq', 'hash']).where('chain', '=', chain);
  if (isPostgres(trx)) q = q.forUpdate();
  return q.executeTakeFirstOrThrow();
}

export async function insertHistoryEntry(trx: Transaction<Database>, row: HistoryRow): Promise<void> {
  await trx.insertInto('history').values(row).execute();
}

export async function moveHistoryHead(trx: Transaction<Database>, chain: string, seq: number, hash: string): Promise<void> {
  await trx.updateTable('history_heads').set({ seq, hash }).where('chain', '=', chain).execute();
}

export async function historyHeads(db: Db) {
  return db.selectFrom('history_heads').selectAll().orderBy('chain').execute();
}

export async function chainsWithEntries(db: Db) {
  return db.selectFrom('history').select('chain').distinct().execute();
}

/** One page of a chain's entries, in order. */
export async function chainEntries(db: Db, chain: string, limit: number, offset: number) {
  return db.selectFrom('history').selectAll().where('chain', '=', chain).orderBy('seq').limit(limit).offset(offset).execute();
}

/** An estate's entries, newest first, optionally of one entity type or entity; with their total. */
export async function estateHistory(
  db: Db,
  opts: { estateId: string; entityType?: string | undefined; entityId?: string | undefined; page: number; pageSize: number },
) {
  let base = db.selectFrom('history').where('history.estate_id', '=', opts.estateId);
  if (opts.entityType) base = base.where('history.entity_type', '=', opts.entityType);
  if (opts.entityId) base = base.where('history.entity_id', '=', opts.entityId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'history.id',
      'history.seq',
      'history.at',
      'history.actor_id',
      'history.entity_type',
      'history.entity_id',
      'history.action',
      'history.before',
      'history.after',
    ])
    .orderBy('history.seq', 'desc')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  return { total: Number(n), rows };
}
