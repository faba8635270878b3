import type { Kysely, Transaction } from 'kysely';
import type { Database, PresenceRow } from '../platform/db/schema.js';

/** Where staff are (R-WK-5). */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** The presence board of an estate: every enabled staff member with their department and presence, by department and name. */
export async function presenceBoard(db: Db, estateId: string) {
  return db
    .selectFrom('staff_estates')
    .innerJoin('staff', 'staff.id', 'staff_estates.staff_id')
    .leftJoin('departments', 'departments.id', 'staff_estates.department_id')
    .leftJoin('presence', 'presence.staff_id', 'staff.id')
    .select([
      'staff.id',
      'staff.name',
      'staff.surname',
      'staff_estates.role',
      'staff_estates.department_id',
      'departments.name as department_name',
      'departments.case_kinds',
      'staff_estates.counter_seat',
      'staff.phone',
      'presence.state',
      'presence.until',
      'presence.note',
      'presence.on_task',
      'presence.updated_at',
      'presence.updated_by',
    ])
    .where('staff_estates.estate_id', '=', estateId)
    .where('staff.disabled_at', 'is', null)
    .orderBy('departments.name')
    .orderBy('staff.name')
    .execute();
}

export async function presenceOfStaff(db: Db, staffId: string): Promise<PresenceRow | undefined> {
  return db.selectFrom('presence').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
}

export async function insertPresence(trx: Trx, row: PresenceRow): Promise<void> {
  await trx.insertInto('presence').values(row).execute();
}

export async function updatePresenceRow(trx: Trx, row: PresenceRow): Promise<void> {
  await trx.updateTable('presence').set(row).where('staff_id', '=', row.staff_id).execute();
}
