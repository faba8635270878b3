import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { loadConfig } from '../../src/platform/config.js';
import { wireModules } from '../../src/platform/module.js';
import { sweep } from '../../src/platform/obligations/index.js';
import { MODULES, openContext } from '../../src/server.js';

export interface SweepResult {
  breached: number;
  ms: number;
  perSecond: number;
  /** The instant the sweep judged "now": the due time of the last obligation it was meant to take. */
  asOf: string;
}

/**
 * The deadline engine's sweep over every estate, through the project's own `sweep` with the
 * breach handlers wired as the server wires them, judged as of the moment the `count` earliest
 * due open obligations are past due (so it breaches about that many, wherever they are). Run
 * while no server sweeps: it writes what a sweep writes (breaches, escalations, notices).
 */
export async function measureSweep(env: NodeJS.ProcessEnv, count: number): Promise<SweepResult> {
  const { ctx, handle } = await openContext(loadConfig(env));
  try {
    wireModules(MODULES);
    const nth = await ctx.db
      .selectFrom('obligations')
      .select('due_at')
      .where('breached_at', 'is', null)
      .where('met_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .orderBy('due_at')
      .offset(count - 1)
      .limit(1)
      .executeTakeFirst();
    const asOf = nth ? new Date(new Date(nth.due_at).getTime() + 1) : ctx.clock.now();
    const t0 = process.hrtime.bigint();
    const { breached } = await sweep(ctx, asOf);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { breached, ms, perSecond: breached / (ms / 1000), asOf: asOf.toISOString() };
  } finally {
    await handle.close();
  }
}

const BATCH = 100;

/**
 * The bare sweep: `count` due rows of a one-table obligation list, taken in batches of 100 by
 * due time and each marked with a conditional single-row update, one transaction per batch.
 */
export async function bareSweep(target: { sqliteFile: string } | { databaseUrl: string }, count: number): Promise<SweepResult> {
  const now = new Date();
  const due = (i: number) => new Date(now.getTime() - (count - i) * 1000).toISOString();
  const create = `create table if not exists bare_obligations (
    id text primary key, estate_id text not null, due_at text not null, breached_at text, met_at text)`;
  const index = 'create index if not exists bare_obligations_due on bare_obligations (due_at) where breached_at is null and met_at is null';
  const at = now.toISOString();
  if ('sqliteFile' in target) {
    const db = new SQLite(target.sqliteFile);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec(create);
      db.exec(index);
      const insert = db.prepare('insert into bare_obligations (id, estate_id, due_at) values (?, ?, ?)');
      db.transaction(() => {
        for (let i = 0; i < count; i++) insert.run(randomUUID(), `e${i % 100}`, due(i));
      })();
      const pick = db.prepare(
        'select id from bare_obligations where breached_at is null and met_at is null and due_at < ? order by due_at limit ?',
      );
      const mark = db.prepare('update bare_obligations set breached_at = ? where id = ? and breached_at is null');
      const t0 = process.hrtime.bigint();
      let breached = 0;
      for (;;) {
        const ids = pick.all(at, BATCH) as { id: string }[];
        if (!ids.length) break;
        db.transaction(() => {
          for (const { id } of ids) breached += mark.run(at, id).changes;
        })();
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      return { breached, ms, perSecond: breached / (ms / 1000), asOf: at };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.databaseUrl });
  await client.connect();
  try {
    await client.query(create);
    await client.query(index);
    await client.query(
      `insert into bare_obligations (id, estate_id, due_at)
       select gen_random_uuid()::text, 'e' || (i % 100), to_char((now() - make_interval(secs => $1 - i)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
       from generate_series(0, $1 - 1) as i`,
      [count],
    );
    const t0 = process.hrtime.bigint();
    let breached = 0;
    for (;;) {
      const { rows } = await client.query<{ id: string }>(
        'select id from bare_obligations where breached_at is null and met_at is null and due_at < $1 order by due_at limit $2',
        [at, BATCH],
      );
      if (!rows.length) break;
      await client.query('begin');
      for (const { id } of rows)
        breached +=
          (await client.query('update bare_obligations set breached_at = $1 where id = $2 and breached_at is null', [at, id])).rowCount ??
          0;
      await client.query('commit');
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    return { breached, ms, perSecond: breached / (ms / 1000), asOf: at };
  } finally {
    await client.end();
  }
}
