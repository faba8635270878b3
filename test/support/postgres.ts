import pg from 'pg';

/** The PostgreSQL server the suite uses: TEST_DATABASE_URL, else the local server on 127.0.0.1:5432. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Waits (up to 2 s) until a database has no connections. pg's Pool.end() resolves before the
 * sockets finish closing.
 */
async function untilUnused(c: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Returns once a closed database's connections are gone, so it can be a template. */
export async function settleDatabase(name: string): Promise<void> {
  await withAdmin((c) => untilUnused(c, name));
}

/** Drops a test database once its connections are gone; forcing it earlier would kill a connection mid-close. */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (c) => {
    await untilUnused(c, name);
    await c.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  });
}
