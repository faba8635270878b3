import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** The raw better-sqlite3 connection (SQLite only): used for online backups. */
  sqlite?: SQLite.Database;
  /**
   * Keeps the query planner's statistics current: SQLite's `PRAGMA optimize` (run at open and
   * then hourly by the server) analyses the tables whose contents changed enough since the last
   * time, reading at most 1,000 rows of each index; PostgreSQL's autovacuum does this itself.
   */
  optimize(): void;
  close(): Promise<void>;
}

// PostgreSQL hands back int8 (count, sum) as strings and timestamptz as Date objects;
// EstateDesk wants plain numbers and ISO-8601 UTC strings, exactly as SQLite stores them.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());

/** How many prepared statements a SQLite connection keeps, least recently used dropped first. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as Kysely sees it, with its prepared statements kept by their SQL: Kysely
 * prepares every query afresh, which was about a tenth of a write's time. A statement still
 * being iterated (a streamed export) is not handed out again; a new one is prepared for that call.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      const kept = cache.get(sql);
      if (kept && !kept.busy) {
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (!kept) {
        cache.set(sql, statement);
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}

export function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('analysis_limit = 1000');
  const optimize = () => {
    sqlite.pragma('optimize');
  };
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    engine: 'sqlite',
    sqlite,
    optimize,
    close: () => db.destroy(),
  };
}

export function openPostgres(connectionString: string, max = 10): DbHandle {
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', optimize: () => undefined, close: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; sqliteFile: string }): DbHandle {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openSqlite(opts.sqliteFile);
}
