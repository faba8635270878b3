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

  // An estate's own wording of the plan's situation scripts (R-PH-2); the plan's is the default.
  await db.schema
    .createTable('desk_scripts')
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('staff.id'))
    .addPrimaryKeyConstraint('desk_scripts_pk', ['estate_id', 'situation', 'locale'])
    .execute();

  // Every call (R-PH-4).
  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('started_at', ts, (c) => c.notNull())
    .addColumn('duration_seconds', 'integer')
    .addColumn('caller_name', 'text')
    .addColumn('caller_phone', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('asked_for_id', 'text', (c) => c.references('staff.id'))
    .addColumn('answered_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('note', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calls_estate_started').on('calls').columns(['estate_id', 'started_at']).execute();

  // Messages for colleagues and their call-backs (R-PH-2, R-PH-3).
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('taken_at', ts, (c) => c.notNull())
    .addColumn('caller_name', 'text', (c) => c.notNull())
    .addColumn('caller_phone', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('for_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('taken_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(oneOf('reason', ['promise', 'absent'])))
    .addColumn('from_transfer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_back_at', ts)
    .addColumn('callback_due_at', ts, (c) => c.notNull())
    .addColumn('called_back_at', ts)
    .addColumn('called_back_by', 'text', (c) => c.references('staff.id'))
    .addColumn('callback_note', 'text')
    .addColumn('handed_on_from', 'text', (c) => c.references('staff.id'))
    .addColumn('call_id', 'text', (c) => c.references('calls.id'))
    .execute();
  await db.schema.createIndex('messages_estate_for').on('messages').columns(['estate_id', 'for_id', 'called_back_at']).execute();

  // Walk-in visits at the counter (R-WK-1..4).
  await db.schema
    .createTable('visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(oneOf('status', ['waiting', 'serving', 'departed'])))
    .addColumn('arrived_at', ts, (c) => c.notNull())
    .addColumn('visitor_name', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('asked_for_id', 'text', (c) => c.references('staff.id'))
    .addColumn('routed_to_id', 'text', (c) => c.references('staff.id'))
    .addColumn('suggestion', 'text')
    .addColumn('acknowledged_at', ts)
    .addColumn('received_at', ts)
    .addColumn('received_by', 'text', (c) => c.references('staff.id'))
    .addColumn('departed_at', ts)
    .addColumn('outcome', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
    .execute();
  await db.schema.createIndex('visits_estate_status').on('visits').columns(['estate_id', 'status', 'arrived_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
