import type { ExpressionBuilder, Kysely, Transaction, Updateable } from 'kysely';
import { departmentName, staffName, unitBuildingName, unitField } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { indexTerms, queryTerms } from '../platform/search.js';
import { OPEN_STATUSES } from './rules.js';
import type { CaseTable } from './tables.js';
import './tables.js';

/** Queries of cases. Every function takes the estate (or reads it from the case it finds). */
type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

export function casesQuery(db: Db, estateId: string) {
  return db.selectFrom('cases').where('cases.estate_id', '=', estateId);
}

/** A case's columns with the names of its unit, department and people beside them. */
export function caseColumns(e: ExpressionBuilder<Database, 'cases'>) {
  const unit = e.ref('cases.unit_id');
  return [
    'cases.id',
    'cases.estate_id',
    'cases.number',
    'cases.kind',
    'cases.channel',
    'cases.status',
    'cases.unit_id',
    unitField(unit, 'building_id').as('building_id'),
    unitBuildingName(unit).as('building_name'),
    unitField(unit, 'number').as('unit_number'),
    unitField(unit, 'floor').as('unit_floor'),
    unitField(unit, 'area_m2').as('unit_area_m2'),
    'cases.resident_id',
    'cases.resident_name',
    'cases.resident_phone',
    'cases.description',
    'cases.repair_class',
    'cases.occurred_at',
    'cases.recorded_at',
    'cases.recorded_by',
    staffName(e.ref('cases.recorded_by')).as('recorder_name'),
    'cases.department_id',
    departmentName(e.ref('cases.department_id')).as('department_name'),
    'cases.assignee_id',
    staffName(e.ref('cases.assignee_id')).as('assignee_name'),
    'cases.maintenance_id',
    staffName(e.ref('cases.maintenance_id')).as('maintenance_name'),
    'cases.escalated_to',
    staffName(e.ref('cases.escalated_to')).as('escalated_name'),
    'cases.first_reply_at',
    'cases.result',
    'cases.satisfaction',
    'cases.repair_started_at',
    'cases.repair_completed_at',
    'cases.closed_at',
    'cases.close_reason',
    'cases.updated_at',
  ] as const;
}

export async function findCase(db: Db, caseId: string) {
  const estate = await db.selectFrom('cases').select('estate_id').where('id', '=', caseId).executeTakeFirst();
  if (!estate) return undefined;
  return casesQuery(db, estate.estate_id).select(caseColumns).where('cases.id', '=', caseId).executeTakeFirst();
}

export type CaseJoinRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function insertCase(trx: Trx, row: CaseTable): Promise<void> {
  await trx.insertInto('cases').values(row).execute();
}

/** Changes fields of one case of the estate. */
export async function updateCase(trx: Trx, estateId: string, caseId: string, patch: Updateable<CaseTable>): Promise<void> {
  await trx.updateTable('cases').set(patch).where('id', '=', caseId).where('estate_id', '=', estateId).execute();
}

/**
 * How many open cases each of these people holds, across every estate they work for: a
 * person's load is everything on their desk.
 */
export async function openCaseLoads(db: Db, staffIds: string[]): Promise<Map<string, number>> {
  if (!staffIds.length) return new Map();
  const rows = await db
    .selectFrom('cases')
    .select((eb) => ['cases.assignee_id', eb.fn.countAll<number>().as('c')])
    .where('cases.assignee_id', 'in', staffIds)
    .where('cases.status', 'in', OPEN_STATUSES)
    .groupBy('cases.assignee_id')
    .execute();
  return new Map(rows.map((r) => [r.assignee_id as string, Number(r.c)]));
}

// ------------------------------------------------------------------ the timeline and search terms

export async function addEvent(
  trx: Trx,
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

/** A case's timeline, oldest first, with who did each thing. */
export async function caseEvents(db: Db, estateId: string, caseId: string) {
  return db
    .selectFrom('case_events')
    .select((e) => [
      'case_events.id',
      'case_events.type',
      'case_events.at',
      'case_events.actor_id',
      staffName(e.ref('case_events.actor_id')).as('actor_name'),
      'case_events.text',
      'case_events.data',
    ])
    .where('case_events.case_id', '=', caseId)
    .where('case_events.estate_id', '=', estateId)
    .orderBy('case_events.at')
    .orderBy('case_events.id')
    .execute();
}

/** Adds the search terms of a text to a case (description, replies and notes are all findable). */
export async function indexText(trx: Trx, estateId: string, caseId: string, text: string): Promise<void> {
  const terms = indexTerms(text);
  if (!terms.length) return;
  await trx
    .insertInto('case_terms')
    .values(terms.map((term) => ({ case_id: caseId, estate_id: estateId, term })))
    .onConflict((oc) => oc.columns(['case_id', 'term']).doNothing())
    .execute();
}

/** Narrows a cases query to those holding every term of the query: exact terms as they are, prefixes by any term they begin. */
/**
 * Cases whose words hold every term of the query: each term is looked up in the estate's term
 * index (estate, term, case), so a search reads the matching cases, not every case of the estate.
 */
export function whereMatches<Q extends ReturnType<typeof casesQuery>>(q: Q, estateId: string, query: string): Q {
  const terms = queryTerms(query);
  if (!terms.exact.length && !terms.prefix.length) return q.where('cases.id', '=', '') as Q;
  const wanted = [...terms.exact.map((term) => ({ term, prefix: false })), ...terms.prefix.map((term) => ({ term, prefix: true }))];
  let out = q;
  for (const { term, prefix } of wanted) {
    out = out.where((eb) => {
      const held = eb.selectFrom('case_terms').select('case_terms.case_id').where('case_terms.estate_id', '=', estateId);
      return eb(
        'cases.id',
        'in',
        prefix
          ? held.where('case_terms.term', '>=', term).where('case_terms.term', '<', `${term}\uffff`)
          : held.where('case_terms.term', '=', term),
      );
    }) as Q;
  }
  return out;
}
