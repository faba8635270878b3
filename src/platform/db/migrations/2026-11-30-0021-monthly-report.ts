import type { Kysely } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The monthly service report: a month's figures frozen once the month has ended (they do not
 * move when late records arrive; the next month's report shows the corrections), and the
 * indexes its counts read by the estate and a period: deadlines by due time, cases by when they
 * happened (in (time, id) order, as the period exports page them) and when they closed, notices
 * issued, messages taken, visits and voids.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('report_snapshots')
    .addColumn('estate_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_snapshots_pk', ['estate_id', 'month'])
    .execute();
  const indexes: [string, string, string[]][] = [
    ['obligations_estate_due', 'obligations', ['estate_id', 'due_at', 'rule']],
    ['cases_estate_occurred', 'cases', ['estate_id', 'occurred_at', 'id']],
    ['cases_estate_closed', 'cases', ['estate_id', 'closed_at']],
    ['rectification_notices_estate_issued', 'rectification_notices', ['estate_id', 'issued_at', 'id']],
    ['messages_estate_taken', 'messages', ['estate_id', 'taken_at']],
    ['visits_estate_arrived', 'visits', ['estate_id', 'arrived_at', 'id']],
    ['fee_payment_voids_estate_voided', 'fee_payment_voids', ['estate_id', 'voided_at']],
  ];
  for (const [name, table, columns] of indexes) await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
