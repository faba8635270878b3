import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Where the bench runs: the server's database (an SQLite file, which the server reads as
 * `<data dir>/estatedesk.db`, or a PostgreSQL URL) and the bare baseline's own database
 * beside it (a file in the same folder, so on the same disk; a database on the same server).
 */
export interface Target {
  engine: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl: string | undefined;
  /** The SQLite file (null on PostgreSQL). */
  sqliteFile: string | null;
  bare: { sqliteFile: string } | { databaseUrl: string };
  /** Drops the bare database and removes what the bench made for itself. */
  cleanUp(): Promise<void>;
}

function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/**
 * The server reads `<data folder>/estatedesk.db`. A file of that name is served from its own
 * folder; any other file through a link of that name in a folder of the bench's own (SQLite
 * follows the link, so its WAL stays beside the real file).
 */
export async function sqliteTarget(file: string): Promise<Target> {
  const real = path.resolve(file);
  const own = path.basename(real) === 'estatedesk.db' ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-bench-'));
  if (own) fs.symlinkSync(real, path.join(own, 'estatedesk.db'));
  const bareFile = path.join(path.dirname(real), 'bench-bare.db');
  removeSqlite(bareFile);
  return {
    engine: 'sqlite',
    dataDir: own ?? path.dirname(real),
    databaseUrl: undefined,
    sqliteFile: real,
    bare: { sqliteFile: bareFile },
    cleanUp: async () => {
      removeSqlite(bareFile);
      if (own) fs.rmSync(own, { recursive: true, force: true });
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function postgresTarget(databaseUrl: string): Promise<Target> {
  const url = new URL(databaseUrl);
  const name = `${decodeURIComponent(url.pathname.slice(1)) || 'postgres'}_bench_bare`.replace(/[^A-Za-z0-9_]/g, '_');
  await onServer(databaseUrl, `drop database if exists "${name}" with (force)`);
  await onServer(databaseUrl, `create database "${name}"`);
  const bareUrl = new URL(databaseUrl);
  bareUrl.pathname = `/${name}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-bench-'));
  return {
    engine: 'postgres',
    dataDir,
    databaseUrl,
    sqliteFile: null,
    bare: { databaseUrl: bareUrl.toString() },
    cleanUp: async () => {
      await onServer(databaseUrl, `drop database if exists "${name}" with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
