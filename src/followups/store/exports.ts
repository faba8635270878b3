import type { Kysely } from 'kysely';
import { caseField } from '../../cases/index.js';
import { staffName, unitBuildingName, unitField } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import { inPeriodAfter, type PeriodPage, type PeriodRange } from '../../platform/period-pages.js';

/** Follow-ups and rectification notices of a period, a page at a time in (time, id) order, for the period exports. */
type Db = Kysely<Database>;

/** Follow-ups opened in the period (a repair completed, a rain, a notice). */
export function followUpsOfPeriod(db: Db, page: PeriodPage) {
  return db
    .selectFrom('followups')
    .select((e) => [
      'followups.id',
      'followups.opened_at as at',
      caseField(e.ref('followups.case_id'), 'number').as('case_number'),
      unitBuildingName(caseField(e.ref('followups.case_id'), 'unit_id').$asScalar()).as('building_name'),
      unitField(caseField(e.ref('followups.case_id'), 'unit_id').$asScalar(), 'number').as('unit_number'),
      'followups.kind',
      'followups.repair_class',
      'followups.status',
      'followups.due_at',
      'followups.performed_at',
      staffName(e.ref('followups.performed_by')).as('performed_by_name'),
      'followups.method',
      'followups.satisfaction',
      'followups.resident_score',
      'followups.result',
      'followups.problem',
    ])
    .where('followups.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'followups.opened_at', 'followups.id', page))
    .orderBy('followups.opened_at')
    .orderBy('followups.id')
    .limit(page.limit)
    .execute();
}
export type FollowUpOfPeriod = Awaited<ReturnType<typeof followUpsOfPeriod>>[number];

export async function countFollowUpsOfPeriod(db: Db, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('followups')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('opened_at', '>=', range.from)
    .where('opened_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rectification notices issued in the period, voided ones too. */
export function noticesOfPeriod(db: Db, page: PeriodPage) {
  return db
    .selectFrom('rectification_notices as n')
    .select((e) => [
      'n.id',
      'n.issued_at as at',
      'n.year',
      'n.number',
      caseField(e.ref('n.case_id'), 'number').as('case_number'),
      unitBuildingName(e.ref('n.unit_id')).as('building_name'),
      unitField(e.ref('n.unit_id'), 'number').as('unit_number'),
      'n.finding_at',
      'n.problem',
      'n.required_action',
      'n.deadline_at',
      staffName(e.ref('n.recipient_id')).as('recipient_name'),
      staffName(e.ref('n.issued_by')).as('issued_by_name'),
      'n.acknowledged_at',
      'n.rectified_at',
      'n.voided_at',
      'n.void_reason',
    ])
    .where('n.estate_id', '=', page.estateId)
    .where((e) => inPeriodAfter(e, 'n.issued_at', 'n.id', page))
    .orderBy('n.issued_at')
    .orderBy('n.id')
    .limit(page.limit)
    .execute();
}
export type NoticeOfPeriod = Awaited<ReturnType<typeof noticesOfPeriod>>[number];

export async function countNoticesOfPeriod(db: Db, estateId: string, range: PeriodRange): Promise<number> {
  const row = await db
    .selectFrom('rectification_notices')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('issued_at', '>=', range.from)
    .where('issued_at', '<', range.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
