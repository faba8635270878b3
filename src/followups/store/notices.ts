import type { Kysely, Transaction } from 'kysely';
import { caseField } from '../../cases/index.js';
import { estateField, staffName, unitBuildingName, unitField } from '../../directory/index.js';
import type { Database } from '../../platform/db/schema.js';
import type { RectificationNoticeTable } from '../tables.js';
import '../tables.js';

/** Rectification notices, with the estate, case, unit and people they show. Every list is scoped to an estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

function noticesOf(db: Db, estateId: string) {
  return db.selectFrom('rectification_notices as n').where('n.estate_id', '=', estateId);
}
type NoticesQuery = ReturnType<typeof noticesOf>;

function withColumns(q: NoticesQuery) {
  return q
    .select([
      'n.id',
      'n.estate_id',
      'n.year',
      'n.number',
      'n.case_id',
      'n.followup_id',
      'n.spot_check_item_id',
      'n.unit_id',
      'n.finding_at',
      'n.problem',
      'n.required_action',
      'n.deadline_at',
      'n.recipient_id',
      'n.issued_by',
      'n.issued_at',
      'n.issue_due_at',
      'n.acknowledged_at',
      'n.acknowledged_by',
      'n.rectified_at',
      'n.rectified_by',
      'n.rectified_note',
      'n.next_followup_id',
      'n.voided_at',
      'n.voided_by',
      'n.void_reason',
    ])
    .select((e) => {
      const estateId = e.ref('n.estate_id');
      const unitId = e.ref('n.unit_id');
      return [
        estateField(estateId, 'name').$asScalar().$notNull().as('estate_name'),
        estateField(estateId, 'office_name').$asScalar().$notNull().as('office_name'),
        estateField(estateId, 'time_zone').$asScalar().$notNull().as('time_zone'),
        caseField(e.ref('n.case_id'), 'number').$asScalar().$notNull().as('case_number'),
        caseField(e.ref('n.case_id'), 'repair_class').as('repair_class'),
        unitField(unitId, 'building_id').as('building_id'),
        unitBuildingName(unitId).as('building_name'),
        unitField(unitId, 'number').as('unit_number'),
        unitField(unitId, 'floor').as('unit_floor'),
        unitField(unitId, 'area_m2').as('unit_area_m2'),
        staffName(e.ref('n.recipient_id')).$asScalar().$notNull().as('recipient_name'),
        staffName(e.ref('n.issued_by')).$asScalar().$notNull().as('issuer_name'),
        staffName(e.ref('n.acknowledged_by')).as('acker_name'),
        staffName(e.ref('n.rectified_by')).as('rectifier_name'),
        staffName(e.ref('n.voided_by')).as('voider_name'),
      ];
    });
}

export async function findNotice(db: Db, noticeId: string) {
  const own = await db.selectFrom('rectification_notices').select('estate_id').where('id', '=', noticeId).executeTakeFirst();
  if (!own) return undefined;
  return withColumns(noticesOf(db, own.estate_id)).where('n.id', '=', noticeId).executeTakeFirst();
}
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

export type NoticeStatusFilter = 'issued' | 'acknowledged' | 'rectified' | 'void' | 'unacknowledged' | 'all';

/** A page of the estate's notices, newest first. */
export async function noticePage(
  db: Db,
  o: {
    estateId: string;
    status: NoticeStatusFilter;
    /** Addressed to each of these (the actor's own, and the one asked for). */
    recipientIds: readonly string[];
    year?: number | undefined;
    caseId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  let base = noticesOf(db, o.estateId);
  switch (o.status) {
    case 'void':
      base = base.where('n.voided_at', 'is not', null);
      break;
    case 'issued':
    case 'unacknowledged':
      base = base.where('n.voided_at', 'is', null).where('n.acknowledged_at', 'is', null);
      break;
    case 'acknowledged':
      base = base.where('n.voided_at', 'is', null).where('n.acknowledged_at', 'is not', null).where('n.rectified_at', 'is', null);
      break;
    case 'rectified':
      base = base.where('n.voided_at', 'is', null).where('n.rectified_at', 'is not', null);
      break;
  }
  for (const id of o.recipientIds) base = base.where('n.recipient_id', '=', id);
  if (o.year) base = base.where('n.year', '=', o.year);
  if (o.caseId) base = base.where('n.case_id', '=', o.caseId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await withColumns(base)
    .orderBy('n.year', 'desc')
    .orderBy('n.number', 'desc')
    .limit(o.pageSize)
    .offset((o.page - 1) * o.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** The notices issued for findings of these follow-ups. */
export async function noticesOfFollowUps(db: Db, followUpIds: readonly string[]) {
  if (!followUpIds.length) return [];
  return db
    .selectFrom('rectification_notices')
    .select(['id', 'followup_id', 'year', 'number', 'acknowledged_at', 'rectified_at', 'voided_at'])
    .where('followup_id', 'in', followUpIds)
    .orderBy('number')
    .execute();
}

/** The live (not voided) notice issued for a finding (a follow-up or a spot-check item), if any. */
export async function liveNoticeFor(
  db: Db,
  estateId: string,
  finding: { followUpId?: string | null | undefined; spotCheckItemId?: string | null | undefined },
): Promise<string | null> {
  let q = db.selectFrom('rectification_notices').select('id').where('estate_id', '=', estateId).where('voided_at', 'is', null);
  q = finding.followUpId
    ? q.where('followup_id', '=', finding.followUpId)
    : q.where('spot_check_item_id', '=', finding.spotCheckItemId ?? '');
  return (await q.executeTakeFirst())?.id ?? null;
}

export async function insertNotice(trx: Trx, row: RectificationNoticeTable): Promise<void> {
  await trx.insertInto('rectification_notices').values(row).execute();
}

export async function updateNotice(
  trx: Trx,
  id: string,
  patch: Partial<Omit<RectificationNoticeTable, 'id' | 'estate_id' | 'year' | 'number'>>,
): Promise<void> {
  await trx.updateTable('rectification_notices').set(patch).where('id', '=', id).execute();
}

/** Who issued a notice, or undefined. */
export async function noticeIssuer(trx: Trx, estateId: string, noticeId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('rectification_notices')
    .select('issued_by')
    .where('id', '=', noticeId)
    .where('estate_id', '=', estateId)
    .executeTakeFirst();
  return row?.issued_by;
}

export async function countUnacknowledged(db: Db, estateId: string): Promise<number> {
  const row = await db
    .selectFrom('rectification_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('estate_id', '=', estateId)
    .where('voided_at', 'is', null)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
