import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import './tables.js';

/** Queries of follow-ups, rain, notices and spot checks. Every one is scoped to an estate. */
type Db = Kysely<Database> | Transaction<Database>;

export function followUpsQuery(db: Db, estateId: string) {
  return db
    .selectFrom('followups')
    .innerJoin('cases', 'cases.id', 'followups.case_id')
    .leftJoin('units', 'units.id', 'cases.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .leftJoin('rain_events', 'rain_events.id', 'followups.rain_event_id')
    .leftJoin('staff as assignee', 'assignee.id', 'followups.assignee_id')
    .leftJoin('staff as performer', 'performer.id', 'followups.performed_by')
    .leftJoin('staff as recorder', 'recorder.id', 'followups.recorded_by')
    .leftJoin('staff as flagger', 'flagger.id', 'followups.flagged_by')
    .where('followups.estate_id', '=', estateId);
}

export const followUpColumns = [
  'followups.id',
  'followups.estate_id',
  'followups.case_id',
  'followups.kind',
  'followups.repair_class',
  'followups.status',
  'followups.repair_completed_at',
  'followups.opened_at',
  'followups.due_at',
  'followups.rain_event_id',
  'followups.notice_id',
  'followups.department_id',
  'followups.assignee_id',
  'followups.performed_at',
  'followups.performed_by',
  'followups.method',
  'followups.resident_words',
  'followups.satisfaction',
  'followups.result',
  'followups.problem',
  'followups.attempt_count',
  'followups.recorded_at',
  'followups.recorded_by',
  'followups.flagged_at',
  'followups.flagged_by',
  'followups.flag_note',
  'cases.number as case_number',
  'cases.description as case_description',
  'cases.resident_name',
  'cases.resident_phone',
  'cases.unit_id',
  'cases.maintenance_id',
  'units.building_id',
  'buildings.name as building_name',
  'units.number as unit_number',
  'units.floor as unit_floor',
  'units.area_m2 as unit_area_m2',
  'rain_events.started_at as rain_started_at',
  'rain_events.ended_at as rain_ended_at',
  'assignee.name as assignee_name',
  'performer.name as performer_name',
  'recorder.name as recorder_name',
  'flagger.name as flagger_name',
] as const;

export async function findFollowUp(db: Db, followUpId: string) {
  const own = await db.selectFrom('followups').select('estate_id').where('id', '=', followUpId).executeTakeFirst();
  if (!own) return undefined;
  return followUpsQuery(db, own.estate_id).select(followUpColumns).where('followups.id', '=', followUpId).executeTakeFirst();
}
export type FollowUpRow = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

export async function attemptsOf(db: Db, followUpIds: readonly string[]) {
  if (!followUpIds.length) return [];
  return db
    .selectFrom('followup_attempts')
    .innerJoin('staff', 'staff.id', 'followup_attempts.by_id')
    .select([
      'followup_attempts.id',
      'followup_attempts.followup_id',
      'followup_attempts.at',
      'followup_attempts.method',
      'followup_attempts.note',
      'followup_attempts.by_id',
      'staff.name as by_name',
    ])
    .where('followup_attempts.followup_id', 'in', followUpIds)
    .orderBy('followup_attempts.at')
    .execute();
}

/** The R-RC-1 deadlines and the notices issued for findings of these follow-ups. */
export async function rectificationOf(db: Db, followUpIds: readonly string[]) {
  if (!followUpIds.length) return { obligations: [], notices: [] };
  const obligations = await db
    .selectFrom('obligations')
    .select(['subject_id', 'due_at', 'met_at', 'cancelled_at'])
    .where('subject_type', '=', 'followup')
    .where('rule', '=', 'R-RC-1')
    .where('subject_id', 'in', followUpIds)
    .orderBy('opened_at')
    .execute();
  const notices = await db
    .selectFrom('rectification_notices')
    .select(['id', 'followup_id', 'year', 'number', 'acknowledged_at', 'rectified_at', 'voided_at'])
    .where('followup_id', 'in', followUpIds)
    .orderBy('number')
    .execute();
  return { obligations, notices };
}

export function noticesQuery(db: Db, estateId: string) {
  return db
    .selectFrom('rectification_notices as n')
    .innerJoin('estates', 'estates.id', 'n.estate_id')
    .innerJoin('cases', 'cases.id', 'n.case_id')
    .leftJoin('units', 'units.id', 'n.unit_id')
    .leftJoin('buildings', 'buildings.id', 'units.building_id')
    .innerJoin('staff as recipient', 'recipient.id', 'n.recipient_id')
    .innerJoin('staff as issuer', 'issuer.id', 'n.issued_by')
    .leftJoin('staff as acker', 'acker.id', 'n.acknowledged_by')
    .leftJoin('staff as rectifier', 'rectifier.id', 'n.rectified_by')
    .leftJoin('staff as voider', 'voider.id', 'n.voided_by')
    .where('n.estate_id', '=', estateId);
}

export const noticeColumns = [
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
  'estates.name as estate_name',
  'estates.office_name',
  'estates.time_zone',
  'cases.number as case_number',
  'cases.repair_class',
  'units.building_id',
  'buildings.name as building_name',
  'units.number as unit_number',
  'units.floor as unit_floor',
  'units.area_m2 as unit_area_m2',
  'recipient.name as recipient_name',
  'issuer.name as issuer_name',
  'acker.name as acker_name',
  'rectifier.name as rectifier_name',
  'voider.name as voider_name',
] as const;

export async function findNotice(db: Db, noticeId: string) {
  const own = await db.selectFrom('rectification_notices').select('estate_id').where('id', '=', noticeId).executeTakeFirst();
  if (!own) return undefined;
  return noticesQuery(db, own.estate_id).select(noticeColumns).where('n.id', '=', noticeId).executeTakeFirst();
}
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

/** The estate's managers: those whose role in this estate is manager (roles are held per estate). */
export async function managersOf(db: Db, estateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select('staff.id')
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff_estates.role', '=', 'manager')
    .where('staff.disabled_at', 'is', null)
    .orderBy('staff.name')
    .execute();
  return rows.map((r) => r.id);
}

export async function staffInEstate(db: Db, estateId: string, staffId: string) {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .select(['staff.id', 'staff.name', 'staff.role'])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.id', '=', staffId)
    .where('staff.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** The department that makes follow-up visits: the front desk (§4: the office follows up). */
export async function followUpDepartment(db: Db, estateId: string): Promise<string | null> {
  const row = await db
    .selectFrom('departments')
    .select('id')
    .where('estate_id', '=', estateId)
    .where('code', '=', 'front_desk')
    .executeTakeFirst();
  return row?.id ?? null;
}
