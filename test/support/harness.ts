import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type Actor, companyActor } from '../../src/auth/policy.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import { type DbHandle, type Engine, openPostgres, openSqlite } from '../../src/platform/db/connect.js';
import type { App } from '../../src/platform/http/app.js';
import { MemoryLiveBus } from '../../src/platform/live.js';
import { buildServer, prepareFirstRun } from '../../src/server.js';
import { dropDatabase, quoteIdent, settleDatabase, urlFor, withAdmin } from './postgres.js';

export const ENGINE: Engine = process.env.ESTATEDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
export const ADMIN_PASSWORD = 'Admin-pass-2026';

let counter = 0;

/**
 * PostgreSQL copies made ahead: while a test runs, the copy for the next test of the same
 * template is being made. Copying a database is mostly the server's disk work, which then
 * overlaps with the test's own; a copy left over at the end is dropped with the run.
 */
const spares = new Map<string, Promise<string>>();
/** Databases dropped behind the tests, one after another, so that a test does not wait for it. */
let dropping: Promise<void> = Promise.resolve();

async function copyOf(template: string): Promise<string> {
  counter++;
  const name = `${inject('pgRun')}_${process.pid}_${counter}`;
  await withAdmin((c) => c.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)} strategy file_copy`));
  return name;
}

function takeCopy(template: string): Promise<string> {
  const taken = spares.get(template) ?? copyOf(template);
  const next = taken.then(() => copyOf(template));
  // A failed spare is reported to the test that takes it, not as an unhandled rejection now.
  next.catch(() => undefined);
  spares.set(template, next);
  return taken;
}

/** Drops the copy made ahead of a template (before the template itself is dropped). */
async function discardSpare(template: string): Promise<void> {
  const spare = spares.get(template);
  spares.delete(template);
  const name = await spare?.catch(() => undefined);
  if (name) await dropDatabase(name);
}

function dropBehind(name: string): void {
  dropping = dropping.then(() => dropDatabase(name)).catch(() => undefined);
}

export interface TestDatabase {
  handle: DbHandle;
  url: string | undefined;
  /** The database, for copies of it: a PostgreSQL database name or a SQLite file. */
  source: string;
  /** Closes and removes the database; on PostgreSQL the drop finishes behind the next tests. */
  drop(): Promise<void>;
  /** Closes the database and keeps it, so that it can be copied (a template on PostgreSQL). */
  keep(): Promise<void>;
}

/**
 * A fresh database of the engine under test, dropped on close: a copy of the run's migrated
 * template (test/support/postgres-setup.ts, sqlite-setup.ts), or of `from` (a closed test
 * database: `create database … template` on PostgreSQL, a file copy on SQLite).
 */
export async function freshDatabase(from?: string): Promise<TestDatabase> {
  if (ENGINE === 'postgres') {
    const name = await takeCopy(from ?? inject('pgTemplate'));
    const url = urlFor(name);
    const handle = openPostgres(url, 4);
    return {
      handle,
      url,
      source: name,
      drop: async () => {
        await handle.close();
        await discardSpare(name);
        dropBehind(name);
      },
      keep: async () => {
        await handle.close();
        await settleDatabase(name);
      },
    };
  }
  // A single file with no WAL beside it: the template is written with VACUUM INTO, and a test
  // database is checkpointed before it is copied (TestApp.freeze).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-test-'));
  const file = path.join(dir, 'estatedesk.db');
  fs.copyFileSync(from ?? inject('sqliteTemplate'), file);
  const handle = openSqlite(file);
  return {
    handle,
    url: undefined,
    source: file,
    drop: async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    keep: async () => {
      handle.sqlite?.pragma('wal_checkpoint(TRUNCATE)');
      await handle.close();
    },
  };
}

/** Tests read response bodies field by field and assert on them; an open JSON type keeps that short. */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies in tests are asserted, not trusted
export type Json = any;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A signed-in browser-like client: carries the session cookie and the CSRF token. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  constructor(private readonly app: App) {}

  async request<T = Json>(
    method: string,
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; rawBody?: string | Buffer; headers?: Record<string, string> | undefined } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookie) headers.cookie = this.cookie;
    if (opts.csrf !== false && this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (opts.rawBody !== undefined) {
      payload = opts.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await this.app.inject({ method: method as 'GET', url: `/api/v1${url}`, headers, payload });
    const setCookie = res.headers['set-cookie'];
    const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
    for (const c of cookies) {
      const [pair] = c.split(';');
      const name = pair?.split('=')[0];
      if (!pair || !name?.startsWith('estatedesk_')) continue;
      // The staff's and the residents' session cookies are kept side by side, as a browser keeps them.
      const jar = new Map(
        (this.cookie ?? '')
          .split('; ')
          .filter(Boolean)
          .map((p) => [p.split('=')[0], p] as const),
      );
      if (pair.endsWith('=')) jar.delete(name);
      else jar.set(name, pair);
      this.cookie = jar.size ? [...jar.values()].join('; ') : undefined;
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('application/json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = Json>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = Json>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = Json>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = Json>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }

  /** Signs in as a resident (R-PT-1) by accepting an invitation code, setting the password when given. */
  async acceptInvitation(code: string, password?: string): Promise<Response<Json>> {
    const res = await this.request('POST', '/portal/auth/invitation', { code, ...(password ? { password } : {}) });
    if (res.status === 200) this.csrfToken = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }

  async login(username: string, password: string): Promise<Response<Json>> {
    const res = await this.request('POST', '/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  clock: ManualClock;
  /** A signed-in company admin. */
  admin: Client;
  client(): Client;
  as(username: string, password?: string): Promise<Client>;
  /** An actor for calling services directly in factories. */
  system: Actor;
  close(): Promise<void>;
  /**
   * Closes the app and keeps its database and data folder as an image that test apps start
   * from (`createTestApp({ from })`): records made once, for many tests that each change them.
   */
  freeze(): Promise<TestAppImage>;
}

/** A closed test app's database and data folder; `drop` removes them. */
export interface TestAppImage {
  database: string;
  dataDir: string;
  drop(): Promise<void>;
}

/**
 * One fresh database and app per test, with the first admin created and signed in; or, `from`
 * an image, a copy of that app's database and data folder with the admin signed in anew.
 */
export async function createTestApp(opts: { demo?: boolean; now?: string; from?: TestAppImage } = {}): Promise<TestApp> {
  const db = await freshDatabase(opts.from?.database);
  const clock = new ManualClock(opts.now ?? '2026-11-20T02:00:00.000Z');
  // Each test app has its own data folder (attachments, backups), removed with it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-data-'));
  if (opts.from) fs.cpSync(opts.from.dataDir, dataDir, { recursive: true });
  // Passwords are hashed at the test cost: tests sign in often and never check how hard a hash is.
  const config = { ...loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'test' }), adminPassword: ADMIN_PASSWORD, databaseUrl: db.url, dataDir };
  const ctx: AppContext = { db: db.handle.db, engine: ENGINE, clock, config, live: new MemoryLiveBus() };
  await prepareFirstRun(ctx, { demo: opts.demo ?? false });
  const app = await buildServer(ctx, { logger: false, webRoot: undefined });
  await app.ready();
  const admin = new Client(app);
  const res = await admin.login('admin', ADMIN_PASSWORD);
  if (res.status !== 200) throw new Error(`admin login failed: ${JSON.stringify(res.body)}`);
  const adminRow = await ctx.db.selectFrom('staff').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  return {
    app,
    ctx,
    clock,
    admin,
    client: () => new Client(app),
    as: async (username, password = ADMIN_PASSWORD) => {
      const c = new Client(app);
      const r = await c.login(username, password);
      if (r.status !== 200) throw new Error(`login as ${username} failed: ${JSON.stringify(r.body)}`);
      return c;
    },
    system: companyActor(adminRow.id, 'admin'),
    close: async () => {
      await app.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    freeze: async () => {
      await app.close();
      // SQLite: everything in the main file, so that a copy of the file alone is the whole
      // database. PostgreSQL: no connection left, so that it can be a template.
      await db.keep();
      return {
        database: db.source,
        dataDir,
        drop: async () => {
          await db.drop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}
