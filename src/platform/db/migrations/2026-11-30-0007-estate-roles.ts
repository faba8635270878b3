import { type Kysely, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * Roles are held per estate: a person may be receptionist in one estate and manager in another.
 * Each membership takes the person's role as it was; `staff.role` stays the company-level role
 * (`admin` for the company, otherwise the role given when the account was made).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('staff_estates').addColumn('role', 'text').execute();
  await sql`update staff_estates set role = (select staff.role from staff where staff.id = staff_estates.staff_id)`.execute(db);
  await sql`update staff_estates set role = 'manager' where role = 'admin'`.execute(db);
}
