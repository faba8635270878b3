import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { type Engine, openPostgres } from '../../src/platform/db/connect.js';
import type { Database } from '../../src/platform/db/schema.js';
import { type CheckReport, checkDatabase } from './checks.js';
import { ApiClient } from './http.js';
import { historyVerifyCli, type RunningServer, type ServerEnv, startServer } from './server.js';
import { buildWorld, Ledger, Workload, type World } from './workload.js';

export const ADMIN_PASSWORD = 'Admin-pass-2026';

export interface CrashOptions {
  engine: Engine;
  databaseUrl?: string | undefined;
  /** Keep killing for this long (from the first kill)… */
  seconds: number;
  /** …and at least this many times. */
  minKills: number;
  /** Give up (and fail on the kill count) after this long. */
  hardSeconds: number;
  writers: number;
  /** Follow-ups with a problem, ready for notices before the first kill. */
  pool: number;
  log?: (line: string) => void;
}

export interface CrashResult {
  kills: number;
  acknowledged: number;
  acknowledgedNotices: number;
  /** Of the acknowledged writes, those made before the first kill (the set-up and the pool). */
  acknowledgedBeforeKills: number;
  lost: string[];
  broken: string[];
  refused: string[];
  unanswered: number;
  committedUnanswered: number;
  startMs: number[];
  sessionsKept: number;
  historyEntries: number;
  historyCli: { code: number; stdout: string; stderr: string };
  wallMs: number;
}

/** Opens while every writer waits; closed, a writer waits for the next opening. */
class Gate {
  private promise!: Promise<void>;
  private release!: () => void;
  constructor() {
    this.close();
  }
  close(): void {
    this.promise = new Promise((r) => {
      this.release = r;
    });
  }
  open(): void {
    this.release();
  }
  wait(): Promise<void> {
    return this.promise;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Snapshot {
  db: Kysely<Database>;
  engine: Engine;
  integrity: string | null;
  close(): Promise<void>;
}

/**
 * The database as the crash left it. SQLite: the file opened read-only while the server is
 * down, and `integrity_check` run at once; PostgreSQL: the suite's own connection.
 */
function openSnapshot(env: ServerEnv, pg: Kysely<Database> | undefined): Snapshot {
  if (pg) return { db: pg, engine: 'postgres', integrity: null, close: async () => {} };
  const sqlite = new SQLite(path.join(env.dataDir, 'estatedesk.db'), { readonly: true, fileMustExist: true });
  const integrity = String(sqlite.pragma('integrity_check', { simple: true }));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', integrity, close: () => db.destroy() };
}

/**
 * Every check, in one read transaction (one snapshot). It may overlap the restart: a starting
 * server writes none of the records checked, and the writers wait until it is up.
 */
async function checkSnapshot(s: Snapshot, world: World, ledger: Ledger): Promise<CheckReport> {
  const trx = s.engine === 'postgres' ? s.db.transaction().setIsolationLevel('repeatable read') : s.db.transaction();
  const report = await trx.execute((t) => checkDatabase(t, world.estateId, world.fixerId, ledger));
  if (s.integrity !== null && s.integrity !== 'ok') report.broken.push(`integrity_check: ${s.integrity}`);
  return report;
}

export async function crashRun(opts: CrashOptions): Promise<CrashResult> {
  const began = Date.now();
  const log = opts.log ?? (() => {});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `estatedesk-crash-${opts.engine}-`));
  const env: ServerEnv = { dataDir, databaseUrl: opts.databaseUrl, adminPassword: ADMIN_PASSWORD };
  const pgHandle = opts.databaseUrl ? openPostgres(opts.databaseUrl, 2) : undefined;
  const client = new ApiClient();
  const ledger = new Ledger();
  const startMs: number[] = [];
  let server: RunningServer | undefined;
  let restarting: Promise<RunningServer> | undefined;
  let stop = false;
  const gate = new Gate();
  let inflight = 0;
  let idle: (() => void) | undefined;
  const failures: unknown[] = [];
  let kills = 0;
  let sessionsKept = 0;
  let last: CheckReport = { lost: [], broken: [], committedUnanswered: 0, historyEntries: 0 };

  try {
    server = await startServer(env);
    log(`${opts.engine}: first start ${server.startMs} ms (migrations and the first admin)`);
    client.url = server.url;
    await client.login('admin', ADMIN_PASSWORD);
    const world = await buildWorld(client, 'CRASH', ADMIN_PASSWORD);
    const work = new Workload(client, world, ledger, `crash-${opts.engine}`);
    // The pool of follow-ups with a problem, before the first kill: notices from the first round.
    await Promise.all(
      Array.from({ length: opts.writers }, async () => {
        while (work.pool.length < opts.pool) {
          if (!(await work.repairToProblem())) throw new Error(`preparing the pool failed: ${ledger.refused.join('; ')}`);
        }
      }),
    );
    // A third of them get their notice now, so numbered notices are on record from the first kill.
    const early = Math.floor(work.pool.length / 3);
    await Promise.all(Array.from({ length: early }, () => work.issueNotice()));
    if (ledger.notices.size !== early) throw new Error(`issuing notices before the first kill failed: ${ledger.refused.join('; ')}`);
    const acknowledgedBeforeKills = ledger.acknowledged;
    log(`${opts.engine}: ${early} notices issued, a pool of ${work.pool.length} follow-ups with a problem ready`);

    const writers = Array.from({ length: opts.writers }, async () => {
      while (!stop) {
        await gate.wait();
        if (stop) return;
        inflight++;
        try {
          await work.step();
        } catch (err) {
          failures.push(err);
        } finally {
          inflight--;
          if (inflight === 0) idle?.();
        }
      }
    });

    const loopBegan = Date.now();
    for (;;) {
      gate.open();
      await sleep(50 + Math.random() * 550);
      gate.close();
      await server.kill();
      kills++;
      // Every answer that will ever arrive has arrived once the writers are back at the gate.
      if (inflight > 0) await new Promise<void>((r) => (idle = r));
      idle = undefined;
      if (failures.length) throw failures[0];

      const snapshot = openSnapshot(env, pgHandle?.db);
      const next = startServer(env);
      restarting = next;
      try {
        last = await checkSnapshot(snapshot, world, ledger);
      } finally {
        await snapshot.close();
      }
      server = await next;
      restarting = undefined;
      startMs.push(server.startMs);
      client.url = server.url;
      if ((await client.resume('admin', ADMIN_PASSWORD)) === 'kept') sessionsKept++;
      // One read per writer opens its keep-alive connection and the server's database
      // connections, so the next window is spent writing rather than connecting.
      await Promise.all(
        Array.from({ length: opts.writers }, () => client.must('GET', `/estates/${world.estateId}/follow-ups?queue=all&pageSize=1`)),
      );
      if (last.lost.length || last.broken.length || ledger.refused.length) break;
      const elapsed = (Date.now() - loopBegan) / 1000;
      if (kills % 10 === 0) log(`${opts.engine}: ${kills} kills, ${ledger.acknowledged} acknowledged writes, ${Math.round(elapsed)} s`);
      if ((kills >= opts.minKills && elapsed >= opts.seconds) || elapsed >= opts.hardSeconds) break;
    }
    stop = true;
    gate.open();
    await Promise.all(writers);

    await server.stop();
    server = undefined;
    // Once more with the server stopped, and the operator's own check of the history.
    const snapshot = openSnapshot(env, pgHandle?.db);
    const final = await checkSnapshot(snapshot, world, ledger).finally(() => snapshot.close());
    const historyCli = await historyVerifyCli(env);
    return {
      kills,
      acknowledged: ledger.acknowledged,
      acknowledgedNotices: ledger.notices.size,
      acknowledgedBeforeKills,
      lost: [...last.lost, ...final.lost],
      broken: [...last.broken, ...final.broken],
      refused: ledger.refused,
      unanswered: ledger.unanswered,
      committedUnanswered: final.committedUnanswered,
      startMs,
      sessionsKept,
      historyEntries: final.historyEntries,
      historyCli,
      wallMs: Date.now() - began,
    };
  } finally {
    stop = true;
    gate.open();
    const pending = await restarting?.catch(() => undefined);
    await pending?.kill();
    await server?.kill();
    await pgHandle?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
