import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.js';

type Row = Record<string, unknown>;

/**
 * Tables in the order their rows may be written: a parent before the rows that refer to it, so
 * every flush writes all buffers in this order and the foreign keys hold at each statement.
 */
export const TABLE_ORDER = [
  'estates',
  'departments',
  'buildings',
  'units',
  'residents',
  'resident_units',
  'staff',
  'staff_estates',
  'presence',
  'rain_events',
  'cases',
  'case_events',
  'case_docs',
  'followups',
  'followup_attempts',
  'rectification_notices',
  'obligations',
  'calls',
  'messages',
  'visits',
  'counters',
  'history',
  'history_heads',
  'app_meta',
] as const;
export type TableName = (typeof TABLE_ORDER)[number];

/**
 * Columns that hold a search document, given to `add` as its list of terms: written as the
 * terms separated by spaces on SQLite (its triggers fill the FTS5 index), and through
 * array_to_tsvector on PostgreSQL, as the store writes them.
 */
const TERM_COLUMNS: Partial<Record<TableName, string>> = { case_docs: 'terms' };

/** Bound parameters per statement: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

/**
 * Buffers rows per table and writes them as multi-row inserts inside large transactions, on
 * SQLite (prepared statements kept per table and row count) or PostgreSQL (one connection).
 */
export class Sink {
  readonly written = new Map<TableName, number>();
  private readonly buffers = new Map<TableName, { columns: string[]; rows: unknown[][] }>();
  private readonly statements = new Map<string, SQLite.Statement>();
  private inTransaction = false;
  private sinceCommit = 0;
  total = 0;

  constructor(
    private readonly target: { sqlite: SQLite.Database } | { pg: Kysely<Database> },
    private readonly rowsPerTransaction = 200_000,
  ) {}

  add(table: TableName, row: Row): void {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = { columns: Object.keys(row), rows: [] };
      this.buffers.set(table, buffer);
    }
    const terms = 'sqlite' in this.target ? TERM_COLUMNS[table] : undefined;
    buffer.rows.push(buffer.columns.map((c) => (c === terms ? (row[c] as string[]).join(' ') : (row[c] ?? null))));
  }

  /** Writes every buffer when one is full, and commits when the transaction is large enough. */
  async maybeFlush(): Promise<void> {
    for (const [, b] of this.buffers) {
      if (b.rows.length >= chunkOf(b.columns.length)) {
        await this.flush();
        break;
      }
    }
    if (this.sinceCommit >= this.rowsPerTransaction) await this.commit();
  }

  async flush(): Promise<void> {
    if (!this.inTransaction) {
      await this.exec('begin');
      this.inTransaction = true;
    }
    for (const table of TABLE_ORDER) {
      const b = this.buffers.get(table);
      if (!b || b.rows.length === 0) continue;
      const chunk = chunkOf(b.columns.length);
      for (let i = 0; i < b.rows.length; i += chunk) await this.insert(table, b.columns, b.rows.slice(i, i + chunk));
      this.written.set(table, (this.written.get(table) ?? 0) + b.rows.length);
      this.total += b.rows.length;
      this.sinceCommit += b.rows.length;
      b.rows = [];
    }
  }

  async commit(): Promise<void> {
    await this.flush();
    await this.exec('commit');
    this.inTransaction = false;
    this.sinceCommit = 0;
  }

  private async exec(statement: string): Promise<void> {
    if ('sqlite' in this.target) this.target.sqlite.exec(statement);
    else await this.target.pg.executeQuery(CompiledQuery.raw(statement, []));
  }

  private async insert(table: TableName, columns: string[], rows: unknown[][]): Promise<void> {
    const params = rows.flat();
    if ('sqlite' in this.target) {
      const key = `${table}:${rows.length}`;
      let statement = this.statements.get(key);
      if (!statement) {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        statement = this.target.sqlite.prepare(
          `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${Array(rows.length).fill(tuple).join(',')}`,
        );
        this.statements.set(key, statement);
      }
      statement.run(params);
      return;
    }
    let n = 0;
    const terms = TERM_COLUMNS[table];
    const param = (c: string) => (c === terms ? `array_to_tsvector($${++n}::text[])` : `$${++n}`);
    const tuples = rows.map(() => `(${columns.map(param).join(',')})`);
    const text = `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${tuples.join(',')}`;
    await this.target.pg.executeQuery(CompiledQuery.raw(text, params));
  }
}

function chunkOf(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns)));
}

function quote(name: string): string {
  return `"${name}"`;
}
