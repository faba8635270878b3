import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ObligationTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The obligations of several subjects of one type at once (a page of a list). */
export async function obligationsOfSubjects(db: Db, subjectType: string, subjectIds: string[]): Promise<ObligationTable[]> {
  if (!subjectIds.length) return [];
  return db.selectFrom('obligations').selectAll().where('subject_type', '=', subjectType).where('subject_id', 'in', subjectIds).execute();
}

/**
 * The ids of an estate's subjects of one type with an obligation open past its due time, as a
 * subquery for `where(id, 'in', …)`.
 */
export function overdueSubjectIds(db: Db, opts: { estateId: string; subjectType: string; asOf: string }) {
  return db
    .selectFrom('obligations')
    .select('obligations.subject_id')
    .where('obligations.estate_id', '=', opts.estateId)
    .where('obligations.subject_type', '=', opts.subjectType)
    .where('obligations.met_at', 'is', null)
    .where('obligations.cancelled_at', 'is', null)
    .where('obligations.due_at', '<', opts.asOf);
}
