import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ListStaffQuery } from '../contract/directory.js';
import type { Database, StaffRow } from '../platform/db/schema.js';
import { likePattern } from './store.js';

/** Staff and the estates they work for (memberships). */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

export async function findStaff(db: Db, staffId: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', staffId).executeTakeFirst();
}

export async function staffRows(db: Db, staffIds: string[]): Promise<StaffRow[]> {
  if (!staffIds.length) return [];
  return db.selectFrom('staff').selectAll().where('id', 'in', staffIds).execute();
}

/** Whether the person works for any of these estates. */
export async function worksForAny(db: Db, staffId: string, estateIds: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('staff_estates')
    .select('estate_id')
    .where('staff_id', '=', staffId)
    .where('estate_id', 'in', estateIds.length ? [...estateIds] : [''])
    .executeTakeFirst();
  return Boolean(row);
}

/** The ids of a page of an estate's staff, searched, filtered and sorted; with the total. */
export async function pageOfStaffIds(db: Db, estateId: string, query: z.infer<typeof ListStaffQuery>) {
  const { q, role, departmentId, sort, page, pageSize } = query;
  let base = db
    .selectFrom('staff')
    .innerJoin('staff_estates', 'staff_estates.staff_id', 'staff.id')
    .where('staff_estates.estate_id', '=', estateId);
  if (q) {
    const like = likePattern(q);
    base = base.where((eb) =>
      eb.or([eb('staff.name', 'like', like), eb('staff.username', 'like', like), eb('staff.surname', 'like', like)]),
    );
  }
  if (role) base = base.where('staff_estates.role', '=', role);
  if (departmentId) base = base.where('staff_estates.department_id', '=', departmentId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const desc = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort === 'role' ? 'staff_estates.role' : 'staff.name';
  const rows = await base
    .select('staff.id')
    .orderBy(column, desc)
    .orderBy('staff.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { ids: rows.map((r) => r.id), total: Number(n) };
}

export async function updateStaffRow(
  trx: Trx,
  staffId: string,
  patch: Partial<Pick<StaffRow, 'name' | 'surname' | 'role' | 'email' | 'phone' | 'locale' | 'disabled_at'>> & { updated_at: string },
): Promise<void> {
  await trx.updateTable('staff').set(patch).where('id', '=', staffId).execute();
}

export interface MembershipRow {
  staff_id: string;
  estate_id: string;
  department_id: string | null;
  counter_seat: string | null;
  role: string;
}

export async function insertMemberships(trx: Trx, rows: MembershipRow[]): Promise<void> {
  if (!rows.length) return;
  await trx.insertInto('staff_estates').values(rows).execute();
}

/** The same role in every estate the person works for. */
export async function setRoleEverywhere(trx: Trx, staffId: string, role: string): Promise<void> {
  await trx.updateTable('staff_estates').set({ role }).where('staff_id', '=', staffId).execute();
}

export async function deleteMemberships(trx: Trx, staffId: string, estateIds: string[]): Promise<void> {
  if (!estateIds.length) return;
  await trx.deleteFrom('staff_estates').where('staff_id', '=', staffId).where('estate_id', 'in', estateIds).execute();
}
