import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

function oneOf(column: string, values: string[]) {
  return sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}

export async function up(db: Db): Promise<void> {
  const ts = instant(db);

  // Rain per estate (R-FU-3): typed in by staff or imported from a weather feed.
  await db.schema
    .createTable('rain_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('ended_at', ts, (c) => c.notNull())
    .addColumn('amount_mm', 'real')
    .addColumn('source', 'text', (c) => c.notNull().check(oneOf('source', ['manual', 'hko', 'csv'])))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rain_events_estate_start').on('rain_events').columns(['estate_id', 'started_at']).execute();

  // Follow-up visits (R-FU-1, R-FU-2, R-RC-3). `dedupe_key` makes "one after-rain follow-up per
  // leak repair" a constraint, not a hope: overlapping or repeated rain can never add a second.
  await db.schema
    .createTable('followups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['repair', 'after_rain', 'after_rectification'])))
    .addColumn('repair_class', 'text', (c) => c.notNull().check(oneOf('repair_class', ['safety', 'leak', 'other'])))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['awaiting_rain', 'open', 'done'])))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('repair_completed_at', ts, (c) => c.notNull())
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('due_at', ts)
    .addColumn('rain_event_id', 'text', (c) => c.references('rain_events.id'))
    .addColumn('notice_id', 'text')
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('staff.id'))
    .addColumn('performed_at', ts)
    .addColumn('performed_by', 'text', (c) => c.references('staff.id'))
    .addColumn('method', 'text')
    .addColumn('resident_words', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('result', 'text', (c) => c.check(sql`result is null or result in ('ok', 'problem', 'unreachable')`))
    .addColumn('problem', 'text')
    .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_at', ts)
    .addColumn('recorded_by', 'text', (c) => c.references('staff.id'))
    .addColumn('flagged_at', ts)
    .addColumn('flagged_by', 'text', (c) => c.references('staff.id'))
    .addColumn('flag_note', 'text')
    .execute();
  await db.schema.createIndex('followups_estate_status_due').on('followups').columns(['estate_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('followups_estate_performed').on('followups').columns(['estate_id', 'performed_at']).execute();
  await db.schema.createIndex('followups_case').on('followups').columns(['case_id']).execute();

  // Tries that did not reach the resident: "unreachable" is recorded after them, never instead.
  await db.schema
    .createTable('followup_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('followup_id', 'text', (c) => c.notNull().references('followups.id'))
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('by_id', 'text', (c) => c.notNull().references('staff.id'))
    .execute();
  await db.schema.createIndex('followup_attempts_followup').on('followup_attempts').columns(['followup_id', 'at']).execute();

  // The manager's monthly spot check (R-FU-5): one per estate and month, drawn once.
  await db.schema
    .createTable('spot_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('seed', 'text')
    .addColumn('population', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sample_size', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drawn_at', ts)
    .addColumn('drawn_by', 'text', (c) => c.references('staff.id'))
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('completed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('spot_checks_estate_month', ['estate_id', 'month'])
    .execute();

  await db.schema
    .createTable('spot_check_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('spot_check_id', 'text', (c) => c.notNull().references('spot_checks.id'))
    .addColumn('followup_id', 'text', (c) => c.notNull().references('followups.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict is null or verdict in ('confirmed', 'discrepancy', 'unreachable')`))
    .addColumn('note', 'text')
    .addColumn('problem_found', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verdict_at', ts)
    .addColumn('verdict_by', 'text', (c) => c.references('staff.id'))
    .addUniqueConstraint('spot_check_items_check_followup', ['spot_check_id', 'followup_id'])
    .execute();

  // Written rectification notices (R-RC-1..3): numbered per estate and year, never deleted.
  await db.schema
    .createTable('rectification_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('followup_id', 'text', (c) => c.references('followups.id'))
    .addColumn('spot_check_item_id', 'text', (c) => c.references('spot_check_items.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('finding_at', ts, (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('required_action', 'text', (c) => c.notNull())
    .addColumn('deadline_at', ts, (c) => c.notNull())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('issued_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('issued_at', ts, (c) => c.notNull())
    .addColumn('issue_due_at', ts, (c) => c.notNull())
    .addColumn('acknowledged_at', ts)
    .addColumn('acknowledged_by', 'text', (c) => c.references('staff.id'))
    .addColumn('rectified_at', ts)
    .addColumn('rectified_by', 'text', (c) => c.references('staff.id'))
    .addColumn('rectified_note', 'text')
    .addColumn('next_followup_id', 'text', (c) => c.references('followups.id'))
    .addColumn('voided_at', ts)
    .addColumn('voided_by', 'text', (c) => c.references('staff.id'))
    .addColumn('void_reason', 'text')
    .addUniqueConstraint('rectification_notices_number', ['estate_id', 'year', 'number'])
    .execute();
  await db.schema.createIndex('rectification_notices_case').on('rectification_notices').columns(['case_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
