import type { Kysely } from 'kysely';
import { caseField } from '../../cases/index.js';
import { staffName, unitBuildingName, unitField } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inPeriodAfter, type PeriodPage, type PeriodRange } from '../../platform/period-pages.js';

/** The front desk's records of a period, a page at a time in (time, id) order, for the period exports. */
type Db = Kysely<Database>;

/** Calls that started in the period. */
export function callsOfPeriod(db: Db, page: PeriodPage) {
  return db
    .selectFrom('calls')
    .select((e) => [
      'calls.id',
      'calls.started_at as at',
      'calls.duration_seconds',
      'calls.caller_name',
      'calls.caller_phone',
      unitBuildingName(e.ref('calls.unit_id')).as('building_name'),
      unitField(e.ref('calls.unit_id'), 'number').as('unit_number'),
      'calls.purpose',
      'calls.outcome',
      staffName(e.ref('calls.answered_by')).as('answered_by_name'),
      staffName(e.ref('calls.asked_for_id')).as('asked_for_name'),
      caseField(e.ref('calls.case_id'), 'number').as('case_number'),
      'calls.note',
    ])
    .where('calls.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'calls.started_at', 'calls.id', page))
    .orderBy('calls.started_at')
    .orderBy('calls.id')
    .limit(page.limit)
    .execute();
}
export type CallOfPeriod = Awaited<ReturnType<typeof callsOfPeriod>>[number];

export async function countCallsOfPeriod(db: Db, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('calls')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Walk-in visits that arrived in the period. */
export function visitsOfPeriod(db: Db, page: PeriodPage) {
  return db
    .selectFrom('visits')
    .select((e) => [
      'visits.id',
      'visits.arrived_at as at',
      'visits.visitor_name',
      unitBuildingName(e.ref('visits.unit_id')).as('building_name'),
      unitField(e.ref('visits.unit_id'), 'number').as('unit_number'),
      'visits.purpose',
      'visits.status',
      staffName(e.ref('visits.asked_for_id')).as('asked_for_name'),
      'visits.received_at',
      staffName(e.ref('visits.received_by')).as('received_by_name'),
      'visits.departed_at',
      'visits.outcome',
      caseField(e.ref('visits.case_id'), 'number').as('case_number'),
      'visits.note',
    ])
    .where('visits.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'visits.arrived_at', 'visits.id', page))
    .orderBy('visits.arrived_at')
    .orderBy('visits.id')
    .limit(page.limit)
    .execute();
}
export type VisitOfPeriod = Awaited<ReturnType<typeof visitsOfPeriod>>[number];

export async function countVisitsOfPeriod(db: Db, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('visits')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('arrived_at', '>=', range.from)
    .where('arrived_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
