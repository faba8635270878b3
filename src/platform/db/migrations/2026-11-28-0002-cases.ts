import { type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

function instant(db: Db): 'timestamptz' | 'text' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'timestamptz' : 'text';
}

export async function up(db: Db): Promise<void> {
  const ts = instant(db);

  // The deadline engine: every rule with a time limit is an obligation (ARCHITECTURE.md).
  await db.schema
    .createTable('obligations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('staff.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('opened_at', ts, (c) => c.notNull())
    .addColumn('due_at', ts, (c) => c.notNull())
    .addColumn('met_at', ts)
    .addColumn('met_by', 'text', (c) => c.references('staff.id'))
    .addColumn('breached_at', ts)
    .addColumn('escalated_to', 'text', (c) => c.references('staff.id'))
    .addColumn('escalated_at', ts)
    .addColumn('cancelled_at', ts)
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('obligations_queue').on('obligations').columns(['estate_id', 'met_at', 'due_at']).execute();
  await db.schema.createIndex('obligations_subject').on('obligations').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('obligations_owner').on('obligations').columns(['owner_id', 'met_at', 'due_at']).execute();
  await db.schema.createIndex('obligations_sweep').on('obligations').columns(['breached_at', 'met_at', 'due_at']).execute();

  // Per-estate, per-period counters: case numbers, and later gap-free notice and receipt numbers.
  await db.schema
    .createTable('counters')
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('counters_pk', ['estate_id', 'name', 'period'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('resident_name', 'text')
    .addColumn('resident_phone', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('repair_class', 'text')
    .addColumn('occurred_at', ts, (c) => c.notNull())
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('assignee_id', 'text', (c) => c.references('staff.id'))
    .addColumn('maintenance_id', 'text', (c) => c.references('staff.id'))
    .addColumn('escalated_to', 'text', (c) => c.references('staff.id'))
    .addColumn('first_reply_at', ts)
    .addColumn('result', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('repair_started_at', ts)
    .addColumn('repair_completed_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('closed_by', 'text', (c) => c.references('staff.id'))
    .addColumn('close_reason', 'text')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('cases_estate_number', ['estate_id', 'number'])
    .execute();
  await db.schema.createIndex('cases_estate_status').on('cases').columns(['estate_id', 'status', 'recorded_at']).execute();
  await db.schema.createIndex('cases_estate_recorded').on('cases').columns(['estate_id', 'recorded_at']).execute();
  await db.schema.createIndex('cases_assignee').on('cases').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('cases_unit').on('cases').columns(['unit_id']).execute();
  await db.schema.createIndex('cases_escalated').on('cases').columns(['estate_id', 'escalated_to']).execute();

  // The case's timeline: what was said and done, in order (R-RD-1: the resident's words are never edited).
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('staff.id'))
    .addColumn('text', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();

  // Full-text search that works without word spaces: folded script, CJK unigrams and bigrams, words.
  await db.schema
    .createTable('case_terms')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('estate_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_terms_pk', ['case_id', 'term'])
    .execute();
  await db.schema.createIndex('case_terms_lookup').on('case_terms').columns(['estate_id', 'term', 'case_id']).execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_case').on('attachments').column('case_id').execute();

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('estate_id', 'text', (c) => c.notNull().references('estates.id'))
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_views_owner').on('saved_views').columns(['staff_id', 'estate_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
