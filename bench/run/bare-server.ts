/**
 * The bare baseline, run as its own process: a minimal Fastify app over the same engine and
 * durability as EstateDesk (better-sqlite3 with WAL and synchronous=FULL, or pg with a pool of
 * 10), with one route that inserts one row and one that reads a page through an index. Nothing
 * else: no session, no validation library, no history. It prints `bare listening at <url>`.
 *
 * Environment: BARE_SQLITE_FILE or BARE_DATABASE_URL; BARE_ROWS rows seeded over BARE_ESTATES
 * estates on an empty table.
 */
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

interface Store {
  insert(estateId: string, kind: string, description: string): Promise<{ id: string; createdAt: string }>;
  page(estateId: string): Promise<unknown[]>;
  close(): Promise<void>;
}

const ROWS = Number(process.env.BARE_ROWS ?? 100_000);
const ESTATES = Number(process.env.BARE_ESTATES ?? 100);

function sqliteStore(file: string): Store {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`create table if not exists items (
    id text primary key, estate_id text not null, kind text not null, description text not null, created_at text not null)`);
  db.exec('create index if not exists items_estate_created on items (estate_id, created_at)');
  const { n } = db.prepare('select count(*) as n from items').get() as { n: number };
  if (n === 0) {
    const seed = db.prepare('insert into items (id, estate_id, kind, description, created_at) values (?, ?, ?, ?, ?)');
    const start = Date.now() - ROWS * 1000;
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++)
        seed.run(randomUUID(), `e${i % ESTATES}`, 'repair', `seeded row ${i} 浴室天花滲水`, new Date(start + i * 1000).toISOString());
    })();
  }
  const insert = db.prepare('insert into items (id, estate_id, kind, description, created_at) values (?, ?, ?, ?, ?)');
  const page = db.prepare('select id, kind, description, created_at from items where estate_id = ? order by created_at desc limit 25');
  return {
    insert: async (estateId, kind, description) => {
      const id = randomUUID();
      const createdAt = new Date().toISOString();
      insert.run(id, estateId, kind, description, createdAt);
      return { id, createdAt };
    },
    page: async (estateId) => page.all(estateId),
    close: async () => {
      db.close();
    },
  };
}

async function postgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(`create table if not exists items (
    id uuid primary key, estate_id text not null, kind text not null, description text not null, created_at timestamptz not null)`);
  await pool.query('create index if not exists items_estate_created on items (estate_id, created_at)');
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from items');
  if (Number(rows[0]?.n ?? 0) === 0) {
    await pool.query(
      `insert into items (id, estate_id, kind, description, created_at)
       select gen_random_uuid(), 'e' || (i % $2), 'repair', 'seeded row ' || i || ' 浴室天花滲水', now() - make_interval(secs => $1 - i)
       from generate_series(0, $1 - 1) as i`,
      [ROWS, ESTATES],
    );
    await pool.query('analyze items');
  }
  return {
    insert: async (estateId, kind, description) => {
      const id = randomUUID();
      const createdAt = new Date().toISOString();
      await pool.query('insert into items (id, estate_id, kind, description, created_at) values ($1, $2, $3, $4, $5)', [
        id,
        estateId,
        kind,
        description,
        createdAt,
      ]);
      return { id, createdAt };
    },
    page: async (estateId) =>
      (
        await pool.query('select id, kind, description, created_at from items where estate_id = $1 order by created_at desc limit 25', [
          estateId,
        ])
      ).rows,
    close: () => pool.end(),
  };
}

async function main() {
  const url = process.env.BARE_DATABASE_URL;
  const file = process.env.BARE_SQLITE_FILE;
  if (!url && !file) throw new Error('set BARE_SQLITE_FILE or BARE_DATABASE_URL');
  const store = url ? await postgresStore(url) : sqliteStore(file as string);
  const app = Fastify({ logger: false });
  app.post<{ Params: { estateId: string }; Body: { kind?: string; description?: string } }>(
    '/estates/:estateId/items',
    async (req, reply) => {
      const { kind, description } = req.body ?? {};
      if (typeof kind !== 'string' || typeof description !== 'string') return reply.code(400).send({ error: 'kind and description' });
      return reply.code(201).send(await store.insert(req.params.estateId, kind, description));
    },
  );
  app.get<{ Params: { estateId: string } }>('/estates/:estateId/items', async (req) => ({ items: await store.page(req.params.estateId) }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`bare listening at ${address}`);
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
