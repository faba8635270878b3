import type { Kysely, Transaction } from 'kysely';
import type { Database, DepartmentRow } from '../platform/db/schema.js';
import type { Paging } from './store.js';

/** Departments of an estate. */
type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** A page of an estate's departments, oldest first; with the total. */
export async function pageOfDepartments(db: Db, estateId: string, paging: Paging) {
  const base = db.selectFrom('departments').where('estate_id', '=', estateId);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute();
  return { rows, total: Number(n) };
}

/** How many staff each of these departments has, by department id. */
export async function staffCounts(db: Db, departmentIds: string[]): Promise<Map<string | null, number>> {
  if (!departmentIds.length) return new Map();
  const rows = await db
    .selectFrom('staff_estates')
    .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('department_id', 'in', departmentIds)
    .groupBy('department_id')
    .execute();
  return new Map(rows.map((c) => [c.department_id, Number(c.n)]));
}

export async function insertDepartment(trx: Trx, row: DepartmentRow): Promise<void> {
  await trx.insertInto('departments').values(row).execute();
}

export async function updateDepartmentRow(
  trx: Trx,
  departmentId: string,
  patch: Partial<Pick<DepartmentRow, 'name' | 'case_kinds' | 'repair_classes'>> & { updated_at: string },
): Promise<void> {
  await trx.updateTable('departments').set(patch).where('id', '=', departmentId).execute();
}
