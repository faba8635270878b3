import { type ExpressionBuilder, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { departmentName, staffName, unitBuildingName, unitField } from '../directory/index.js';
import { isPostgres } from '../platform/db/engine.js';
import type { Database } from '../platform/db/schema.js';
import { newId } from '../platform/ids.js';
import { indexTerms, queryTerms } from '../platform/search.js';
import { OPEN_STATUSES } from './rules.js';
import { documentText, estateToken, ftsMatch, newTerms, tsQuery } from './search-document.js';
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

function recordedAtOf(trx: Trx, caseId: string) {
  return trx.selectFrom('cases').select('cases.recorded_at').where('cases.id', '=', caseId);
}

/**
 * Adds the search terms of a text to the case's search document (description, replies and notes
 * are all findable): the first text makes the document, later ones add the terms it lacks.
 */
export async function indexText(trx: Trx, estateId: string, caseId: string, text: string): Promise<void> {
  const terms = indexTerms(text);
  if (!terms.length) return;
  if (isPostgres(trx)) {
    // array_to_tsvector keeps each term as it is (no parser); || merges without duplicates.
    await trx
      .insertInto('case_docs')
      .values({
        case_id: caseId,
        estate_id: estateId,
        recorded_at: recordedAtOf(trx, caseId),
        terms: sql<string>`array_to_tsvector(${sql.val([estateToken(estateId), ...terms])}::text[])`,
      })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ terms: sql<string>`case_docs.terms || excluded.terms` }))
      .execute();
    return;
  }
  // SQLite: the triggers on case_docs keep the FTS5 index (case_search) in step.
  const doc = await trx
    .selectFrom('case_docs')
    .select(['case_docs.id', 'case_docs.terms'])
    .where('case_docs.case_id', '=', caseId)
    .executeTakeFirst();
  if (!doc) {
    await trx
      .insertInto('case_docs')
      .values({ case_id: caseId, estate_id: estateId, recorded_at: recordedAtOf(trx, caseId), terms: documentText(estateId, terms) })
      .execute();
    return;
  }
  const added = newTerms(doc.terms, terms);
  if (added.length) {
    await trx
      .updateTable('case_docs')
      .set({ terms: `${doc.terms} ${added.join(' ')}` })
      .where('case_docs.id', '=', doc.id)
      .execute();
  }
}

/**
 * Narrows a cases query to those whose search document holds every term of the query (exact
 * terms as they are, words as prefixes) and the estate's token: one lookup in the search index
 * (FTS5 on SQLite, GIN on PostgreSQL) finds the estate's matching cases.
 */
export function whereMatches<Q extends ReturnType<typeof casesQuery>>(db: Db, q: Q, estateId: string, query: string): Q {
  const terms = queryTerms(query);
  if (!terms.exact.length && !terms.prefix.length) return q.where('cases.id', '=', '') as Q;
  const matching = isPostgres(db)
    ? sql<boolean>`case_docs.terms @@ ${tsQuery(estateId, terms)}::tsquery`
    : sql<boolean>`case_docs.id in (select rowid from case_search where case_search match ${ftsMatch(estateId, terms)})`;
  return q.where((eb) => eb('cases.id', 'in', eb.selectFrom('case_docs').select('case_docs.case_id').where(matching))) as Q;
}

/**
 * A page of the estate's cases matching a search, by recorded time, and how many match: read
 * from the search documents alone (the estate's token, the terms and the recorded time are all
 * there), so a word found in thousands of cases costs no read of each case.
 */
export async function searchPage(
  db: Db,
  estateId: string,
  query: string,
  opts: { direction: 'asc' | 'desc'; limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const terms = queryTerms(query);
  if (!terms.exact.length && !terms.prefix.length) return { ids: [], total: 0 };
  const order = opts.direction === 'asc' ? sql`asc` : sql`desc`;
  if (isPostgres(db)) {
    const match = sql`case_docs.terms @@ ${tsQuery(estateId, terms)}::tsquery`;
    const count = await sql<{ n: number }>`select count(*) as n from case_docs where ${match}`.execute(db);
    const page = await sql<{ case_id: string }>`
      select case_docs.case_id from case_docs where ${match}
      order by case_docs.recorded_at ${order}, case_docs.case_id ${order} limit ${opts.limit} offset ${opts.offset}`.execute(db);
    return { ids: page.rows.map((r) => r.case_id), total: Number(count.rows[0]?.n ?? 0) };
  }
  // A document is numbered when its case is recorded (the first text indexed is the case's own),
  // so the search index's own order is the recorded order: FTS5 reads the page's entries in that
  // order and stops, where a sort by recorded_at would look up every matching document first.
  const match = ftsMatch(estateId, terms);
  const count = await sql<{ n: number }>`select count(*) as n from case_search where case_search match ${match}`.execute(db);
  const page = await sql<{ case_id: string }>`
    select case_docs.case_id from case_search join case_docs on case_docs.id = case_search.rowid
    where case_search match ${match}
    order by case_search.rowid ${order} limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return { ids: page.rows.map((r) => r.case_id), total: Number(count.rows[0]?.n ?? 0) };
}
