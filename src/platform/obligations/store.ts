import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ObligationTable } from './tables.js';
import './tables.js';

/** Queries of the deadline engine; only this folder names the `obligations` table. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

export async function insertObligation(trx: Trx, row: ObligationTable): Promise<void> {
  await trx.insertInto('obligations').values(row).execute();
}

/** Open, unmet and not cancelled: the obligations of a subject an action may still meet, move or cancel. */
function openOf(trx: Trx, subjectType: string, subjectId: string) {
  return trx
    .updateTable('obligations')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null);
}

/** Returns how many were met. */
export async function setObligationsMet(
  trx: Trx,
  opts: { subjectType: string; subjectId: string; rule?: string | undefined; metAt: string; metBy: string | null },
): Promise<number> {
  let q = openOf(trx, opts.subjectType, opts.subjectId).set({ met_at: opts.metAt, met_by: opts.metBy });
  if (opts.rule) q = q.where('rule', '=', opts.rule);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Returns how many were cancelled. */
export async function setObligationsCancelled(trx: Trx, opts: { subjectType: string; subjectId: string; at: string }): Promise<number> {
  const result = await openOf(trx, opts.subjectType, opts.subjectId).set({ cancelled_at: opts.at }).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setObligationsOwner(
  trx: Trx,
  opts: { subjectType: string; subjectId: string; patch: { owner_id?: string | null; department_id?: string | null } },
): Promise<void> {
  await openOf(trx, opts.subjectType, opts.subjectId).set(opts.patch).execute();
}

export async function obligationsOf(db: Db, subjectType: string, subjectId: string): Promise<ObligationTable[]> {
  return db
    .selectFrom('obligations')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('due_at')
    .execute();
}

export type Queue = 'open' | 'due_soon' | 'overdue' | 'mine' | 'my_department' | 'escalated' | 'all';

/** The queues are indexed queries over one table: (estate_id, met_at, due_at). */
export function queueQuery(
  db: Db,
  opts: {
    estateId: string;
    queue: Queue;
    asOf: string;
    withinHours: number;
    staffId: string;
    departmentIds: string[];
    rule?: string | undefined;
  },
) {
  let q = db.selectFrom('obligations').where('obligations.estate_id', '=', opts.estateId);
  if (opts.queue !== 'all') q = q.where('obligations.met_at', 'is', null).where('obligations.cancelled_at', 'is', null);
  if (opts.rule) q = q.where('obligations.rule', '=', opts.rule);
  switch (opts.queue) {
    case 'due_soon':
      q = q
        .where('obligations.due_at', '>=', opts.asOf)
        .where('obligations.due_at', '<=', new Date(new Date(opts.asOf).getTime() + opts.withinHours * 3_600_000).toISOString());
      break;
    case 'overdue':
      q = q.where('obligations.due_at', '<', opts.asOf);
      break;
    case 'mine':
      q = q.where('obligations.owner_id', '=', opts.staffId);
      break;
    case 'my_department':
      q = opts.departmentIds.length ? q.where('obligations.department_id', 'in', opts.departmentIds) : q.where(sql<boolean>`1 = 0`);
      break;
    case 'escalated':
      q = q.where('obligations.escalated_to', 'is not', null);
      break;
  }
  return q;
}

/** The ids of up to `limit` obligations past due at `at` and not yet breached, met or cancelled, earliest first. */
export async function pastDueIds(db: Db, at: string, limit: number, estateId?: string): Promise<{ id: string; estate_id: string }[]> {
  let q = db.selectFrom('obligations').select(['id', 'estate_id']);
  if (estateId !== undefined) q = q.where('estate_id', '=', estateId);
  return q
    .where('breached_at', 'is', null)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_at', '<', at)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** Marks one obligation breached unless it already is (or was met or cancelled); true when this call did it. */
export async function markBreached(trx: Trx, id: string, at: string): Promise<boolean> {
  const won = await trx
    .updateTable('obligations')
    .set({ breached_at: at })
    .where('id', '=', id)
    .where('breached_at', 'is', null)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(won.numUpdatedRows) === 1;
}

export async function obligationById(db: Db, id: string): Promise<ObligationTable> {
  return db.selectFrom('obligations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
