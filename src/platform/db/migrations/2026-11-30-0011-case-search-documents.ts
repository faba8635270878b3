import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations never import application code: they describe tables as they were on their day.
// biome-ignore lint/suspicious/noExplicitAny: migrations run against Kysely<any> by design
type Db = Kysely<any>;

/**
 * The case search index as one document per case instead of one row per term (docs/adr/0009):
 * `case_docs` holds a case's terms and its estate's token (`_e` and the estate id without
 * hyphens, which no query can produce), indexed by SQLite FTS5 (`case_search`, kept by
 * triggers) or a PostgreSQL GIN index over a tsvector. Existing terms move over, so existing
 * databases keep their search; `case_terms` goes. The document keeps its case's `recorded_at`
 * (which never changes), so a search pages newest first without reading each matching case;
 * documents are numbered in the order their cases were recorded (SQLite pages by that number).
 */
export async function up(db: Db): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // PostgreSQL runs each migration in a transaction; SQLite's are not, and this one moves every
  // term before it drops the old table: all of it or nothing.
  if (postgres) await move(db, true);
  else await db.transaction().execute((trx) => move(trx, false));
}

async function move(db: Db, postgres: boolean): Promise<void> {
  await db.schema
    .createTable('case_docs')
    .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('estate_id', 'text', (c) => c.notNull())
    .addColumn('recorded_at', postgres ? sql`timestamptz` : 'text', (c) => c.notNull())
    .addColumn('terms', postgres ? sql`tsvector` : 'text', (c) => c.notNull())
    .execute();

  if (postgres) {
    // array_to_tsvector takes the terms as they are: no parser, so Han pairs stay whole.
    await sql`
      insert into case_docs (case_id, estate_id, recorded_at, terms)
      select t.case_id, t.estate_id, min(c.recorded_at), array_to_tsvector(array_agg(t.term) || ('_e' || lower(replace(t.estate_id, '-', ''))))
      from case_terms t join cases c on c.id = t.case_id group by t.case_id, t.estate_id
      order by min(c.recorded_at), t.case_id`.execute(db);
    await sql`create index case_docs_terms on case_docs using gin (terms)`.execute(db);
  } else {
    await sql`
      insert into case_docs (case_id, estate_id, recorded_at, terms)
      select t.case_id, t.estate_id, min(c.recorded_at), '_e' || lower(replace(t.estate_id, '-', '')) || ' ' || group_concat(t.term, ' ')
      from case_terms t join cases c on c.id = t.case_id group by t.case_id, t.estate_id
      order by min(c.recorded_at), t.case_id`.execute(db);
    // The ascii tokenizer splits only at ASCII spaces and punctuation: every stored term (letters,
    // digits, Han and other scripts) stays one token, and '_' keeps the estate token whole. No
    // positions are kept (detail=none): a query looks up single terms, never phrases.
    await sql`
      create virtual table case_search using fts5(
        terms, content='case_docs', content_rowid='id', tokenize="ascii tokenchars '_'", detail=none, columnsize=0
      )`.execute(db);
    await sql`
      create trigger case_docs_search_insert after insert on case_docs begin
        insert into case_search (rowid, terms) values (new.id, new.terms);
      end`.execute(db);
    await sql`
      create trigger case_docs_search_delete after delete on case_docs begin
        insert into case_search (case_search, rowid, terms) values ('delete', old.id, old.terms);
      end`.execute(db);
    await sql`
      create trigger case_docs_search_update after update on case_docs begin
        insert into case_search (case_search, rowid, terms) values ('delete', old.id, old.terms);
        insert into case_search (rowid, terms) values (new.id, new.terms);
      end`.execute(db);
    await sql`insert into case_search (case_search) values ('rebuild')`.execute(db);
  }
  await db.schema.dropTable('case_terms').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
