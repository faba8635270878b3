import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import './tables.js';

/** Obligations read and changed by rule: a new owner for some rules of a subject, counts for dashboards. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** Gives the open obligations of these rules on a subject to a new owner (the others keep theirs). */
export async function reassignObligationsOfRules(
  trx: Trx,
  o: { subjectType: string; subjectId: string; rules: readonly string[]; ownerId: string | null },
): Promise<void> {
  if (!o.rules.length) return;
  await trx
    .updateTable('obligations')
    .set({ owner_id: o.ownerId })
    .where('subject_type', '=', o.subjectType)
    .where('subject_id', '=', o.subjectId)
    .where('rule', 'in', o.rules)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}

/** Every obligation of one rule on these subjects, met or not, oldest first. */
export async function obligationsOfRule(db: Db, o: { subjectType: string; rule: string; subjectIds: readonly string[] }) {
  if (!o.subjectIds.length) return [];
  return db
    .selectFrom('obligations')
    .select(['subject_id', 'due_at', 'met_at', 'cancelled_at'])
    .where('subject_type', '=', o.subjectType)
    .where('rule', '=', o.rule)
    .where('subject_id', 'in', o.subjectIds)
    .orderBy('opened_at')
    .execute();
}

/** How many obligations of a rule are open in the estate (due before `dueBefore`, when given). */
export async function countOpenObligations(db: Db, o: { estateId: string; rule: string; dueBefore?: string }): Promise<number> {
  let q = db
    .selectFrom('obligations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', o.estateId)
    .where('rule', '=', o.rule)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null);
  if (o.dueBefore !== undefined) q = q.where('due_at', '<', o.dueBefore);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
