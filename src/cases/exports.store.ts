import type { Kysely } from 'kysely';
import { unitBuildingName, unitField } from '../directory/index.js';
import type { Database } from '../platform/db/schema.js';
import { inPeriodAfter, type PeriodPage, type PeriodRange } from '../platform/period-pages.js';
import './tables.js';

/** The cases that occurred in a period, a page at a time in (occurred, id) order, for the period export. */
export function casesOfPeriod(db: Kysely<Database>, page: PeriodPage) {
  return db
    .selectFrom('cases')
    .select((e) => [
      'cases.id',
      'cases.occurred_at as at',
      'cases.number',
      'cases.recorded_at',
      'cases.kind',
      'cases.channel',
      'cases.repair_class',
      'cases.status',
      unitBuildingName(e.ref('cases.unit_id')).as('building_name'),
      unitField(e.ref('cases.unit_id'), 'number').as('unit_number'),
      'cases.resident_name',
      'cases.resident_phone',
      'cases.description',
      'cases.first_reply_at',
      'cases.closed_at',
      'cases.satisfaction',
    ])
    .where('cases.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'cases.occurred_at', 'cases.id', page))
    .orderBy('cases.occurred_at')
    .orderBy('cases.id')
    .limit(page.limit)
    .execute();
}
export type CaseOfPeriod = Awaited<ReturnType<typeof casesOfPeriod>>[number];

/** How many cases occurred in the period. */
export async function countCasesOfPeriod(db: Kysely<Database>, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('cases')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('occurred_at', '>=', range.from)
    .where('occurred_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
