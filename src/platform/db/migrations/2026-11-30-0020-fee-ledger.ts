import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The money records that are written once and never changed nor deleted (R-FE-2, R-RD-1). */
const INSERT_ONLY = ['fee_charges', 'fee_payments', 'fee_allocations', 'fee_payment_voids'] as const;

/**
 * Fees at the counter (R-FE-2..4): charges, payments (the receipts), their allocations to
 * charges, voids, the cashier's days and the monthly charge runs. Amounts are integer minor
 * units; days are YYYY-MM-DD text and months YYYY-MM text on both engines. The money tables are
 * insert-only: triggers on both engines refuse an UPDATE or a DELETE of any of their rows, so a
 * receipt can neither vanish nor change, whatever writes to the database. A cashier's day may
 * only move forward (open → closed → checked); once closed nothing else of it changes.
 */
export async function up(db: Db): Promise<void> {
  const pg = isPostgres(db);
  const ts = pg ? 'timestamptz' : 'text';

  await db.schema
    .createTable('cashier_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('cashier_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'closed', 'checked')`))
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('last_booked_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('closed_by', 'text', (c) => c.references('staff.id'))
    .addColumn('close_note', 'text')
    .addColumn('close_totals', 'text')
    .addColumn('checked_at', ts)
    .addColumn('checked_by', 'text', (c) => c.references('staff.id'))
    .addColumn('check_note', 'text')
    .execute();
  await db.schema.createIndex('cashier_days_one_a_day').on('cashier_days').columns(['estate_id', 'cashier_id', 'date']).unique().execute();
  await db.schema.createIndex('cashier_days_estate_date').on('cashier_days').columns(['estate_id', 'date']).execute();

  await db.schema
    .createTable('fee_charge_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('running', 'done')`))
    .addColumn('total_units', 'integer', (c) => c.notNull())
    .addColumn('processed_units', 'integer', (c) => c.notNull())
    .addColumn('charges_created', 'integer', (c) => c.notNull())
    .addColumn('amount_created', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.references('staff.id'))
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('fee_charge_runs_estate_period').on('fee_charge_runs').columns(['estate_id', 'period']).execute();

  await db.schema
    .createTable('fee_charges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('fee_item_id', 'text', (c) => c.references('fee_items.id'))
    .addColumn('fee_item_code', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('run', 'one_off')`))
    .addColumn('period', 'text')
    .addColumn('charged_on', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    // A run's charge of a unit, item code and month: unique, so a second run creates nothing.
    .addColumn('run_key', 'text')
    .addColumn('run_id', 'text', (c) => c.references('fee_charge_runs.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('created_by', 'text', (c) => c.references('staff.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fee_charges_run_key').on('fee_charges').columns(['estate_id', 'run_key']).unique().execute();
  await db.schema.createIndex('fee_charges_unit').on('fee_charges').columns(['unit_id', 'charged_on']).execute();
  await db.schema.createIndex('fee_charges_estate_on').on('fee_charges').columns(['estate_id', 'charged_on']).execute();

  await db.schema
    .createTable('fee_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('payer', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('cash', 'card', 'bank_transfer', 'fps', 'ewallet')`))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('receipt_year', 'integer', (c) => c.notNull())
    .addColumn('receipt_seq', 'integer', (c) => c.notNull())
    .addColumn('receipt_number', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('cashier_day_id', 'text', (c) => c.notNull().references('cashier_days.id'))
    .addColumn('received_at', ts, (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('fee_payments_receipt')
    .on('fee_payments')
    .columns(['estate_id', 'receipt_year', 'receipt_seq'])
    .unique()
    .execute();
  await db.schema.createIndex('fee_payments_unit').on('fee_payments').columns(['unit_id', 'received_at']).execute();
  await db.schema.createIndex('fee_payments_day').on('fee_payments').columns(['cashier_day_id']).execute();
  await db.schema.createIndex('fee_payments_estate_received').on('fee_payments').columns(['estate_id', 'received_at']).execute();

  await db.schema
    .createTable('fee_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('payment_id', 'text', (c) => c.notNull().references('fee_payments.id'))
    .addColumn('charge_id', 'text', (c) => c.notNull().references('fee_charges.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .execute();
  await db.schema.createIndex('fee_allocations_payment').on('fee_allocations').columns(['payment_id']).execute();
  await db.schema.createIndex('fee_allocations_charge').on('fee_allocations').columns(['charge_id']).execute();

  await db.schema
    .createTable('fee_payment_voids')
    .addColumn('payment_id', 'text', (c) => c.primaryKey().references('fee_payments.id'))
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('voided_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('voided_at', ts, (c) => c.notNull())
    .addColumn('cashier_day_id', 'text', (c) => c.notNull().references('cashier_days.id'))
    .addColumn('original_day_id', 'text', (c) => c.notNull().references('cashier_days.id'))
    .execute();
  await db.schema.createIndex('fee_payment_voids_day').on('fee_payment_voids').columns(['cashier_day_id']).execute();

  if (pg) {
    await sql`
      create function refuse_money_change() returns trigger language plpgsql as $$
      begin
        raise exception '% of %: money records are never changed nor deleted (R-FE-2)', tg_op, tg_table_name
          using errcode = 'P0001';
      end $$`.execute(db);
    for (const table of INSERT_ONLY) {
      await sql
        .raw(`create trigger ${table}_insert_only before update or delete on ${table} for each row execute function refuse_money_change()`)
        .execute(db);
    }
    await sql`
      create function refuse_closed_day_change() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' or (old.state <> 'open' and not (old.state = 'closed' and new.state = 'checked')) then
          raise exception 'cashier day %: a closed day never changes (R-FE-4)', old.id using errcode = 'P0001';
        end if;
        return new;
      end $$`.execute(db);
    await sql`
      create trigger cashier_days_forward_only before update or delete on cashier_days
      for each row execute function refuse_closed_day_change()`.execute(db);
  } else {
    for (const table of INSERT_ONLY) {
      for (const op of ['update', 'delete']) {
        await sql
          .raw(
            `create trigger ${table}_no_${op} before ${op} on ${table} begin ` +
              `select raise(abort, '${op} of ${table}: money records are never changed nor deleted (R-FE-2)'); end`,
          )
          .execute(db);
      }
    }
    await sql
      .raw(
        `create trigger cashier_days_forward_only before update on cashier_days ` +
          `when old.state <> 'open' and not (old.state = 'closed' and new.state = 'checked') begin ` +
          `select raise(abort, 'a closed cashier day never changes (R-FE-4)'); end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger cashier_days_no_delete before delete on cashier_days begin select raise(abort, 'a cashier day is never deleted (R-FE-4)'); end`,
      )
      .execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
