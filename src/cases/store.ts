import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { indexTerms, queryTerms } from '../platform/search.js';
import './tables.js';

/** Queries of cases. Every function takes the estate (or reads it from the case it finds). */
type Db = Kysely<Database> | Transaction<Database>;

export function casesQuery(db: Db, estateId: string) {
  return db
    .selectFrom('cases')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .leftJoin('departments', 'departments.id', 'cases.department_id')
    .innerJoin('staff as recorder', 'recorder.id', 'cases.recorded_by')
    .leftJoin('staff as assignee', 'assignee.id', 'cases.assignee_id')
    .leftJoin('staff as maint', 'maint.id', 'cases.maintenance_id')
    .leftJoin('staff as escalated', 'escalated.id', 'cases.escalated_to')
    .where('cases.estate_id', '=', estateId);
}

export const caseColumns = [
  'cases.id',
  'cases.estate_id',
  'cases.number',
  'cases.kind',
  'cases.channel',
  'cases.status',
  'cases.unit_id',
  'units.building_id',
  'buildings.name as building_name',
  'units.number as unit_number',
  'units.floor as unit_floor',
  'units.area_m2 as unit_area_m2',
  'cases.resident_id',
  'cases.resident_name',
  'cases.resident_phone',
  'cases.description',
  'cases.repair_class',
  'cases.occurred_at',
  'cases.recorded_at',
  'cases.recorded_by',
  'recorder.name as recorder_name',
  'cases.department_id',
  'departments.name as department_name',
  'cases.assignee_id',
  'assignee.name as assignee_name',
  'cases.maintenance_id',
  'maint.name as maintenance_name',
  'cases.escalated_to',
  'escalated.name as escalated_name',
  'cases.first_reply_at',
  'cases.result',
  'cases.satisfaction',
  'cases.repair_started_at',
  'cases.repair_completed_at',
  'cases.closed_at',
  'cases.close_reason',
  'cases.updated_at',
] as const;

export async function findCase(db: Db, caseId: string) {
  const estate = await db.selectFrom('cases').select('estate_id').where('id', '=', caseId).executeTakeFirst();
  if (!estate) return undefined;
  return casesQuery(db, estate.estate_id).select(caseColumns).where('cases.id', '=', caseId).executeTakeFirst();
}

export type CaseJoinRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function addEvent(
  trx: Transaction<Database>,
  e: {
    estateId: string;
    caseId: string;
    type: string;
    at: string;
    actorId: string | null;
    text?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('case_events')
    .values({
      id,
      estate_id: e.estateId,
      case_id: e.caseId,
      type: e.type,
      at: e.at,
      actor_id: e.actorId,
      text: e.text ?? null,
      data: JSON.stringify(e.data ?? {}),
    })
    .execute();
  return id;
}

/** Adds the search terms of a text to a case (description, replies and notes are all findable). */
export async function indexText(trx: Transaction<Database>, estateId: string, caseId: string, text: string): Promise<void> {
  const terms = indexTerms(text);
  if (!terms.length) return;
  await trx
    .insertInto('case_terms')
    .values(terms.map((term) => ({ case_id: caseId, estate_id: estateId, term })))
    .onConflict((oc) => oc.columns(['case_id', 'term']).doNothing())
    .execute();
}

/** Narrows a cases query to those holding every term of the query. */
export function whereMatches<Q extends ReturnType<typeof casesQuery>>(q: Q, query: string): Q {
  const terms = queryTerms(query);
  if (!terms.exact.length && !terms.prefix.length) return q.where('cases.id', '=', '') as Q;
  let out = q;
  for (const term of terms.exact) {
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_terms')
          .select('case_terms.case_id')
          .whereRef('case_terms.case_id', '=', 'cases.id')
          .where('case_terms.term', '=', term),
      ),
    ) as Q;
  }
  for (const word of terms.prefix) {
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_terms')
          .select('case_terms.case_id')
          .whereRef('case_terms.case_id', '=', 'cases.id')
          .where('case_terms.term', '>=', word)
          .where('case_terms.term', '<', `${word}\uffff`),
      ),
    ) as Q;
  }
  return out;
}

export async function managersOf(db: Db, estateId: string): Promise<{ id: string; name: string; email: string | null }[]> {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.email'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.role', '=', 'manager')
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.name')
    .execute();
}

/** A staff member who works for the estate, or undefined. */
export async function staffInEstate(db: Db, estateId: string, staffId: string) {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.role', 'staff.email', 'staff_estates.department_id'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.id', '=', staffId)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
}
