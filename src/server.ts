import './platform/time-zones.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ensureFirstAdmin, generatePassword, hashPassword, registerLiveRoutes } from './auth/index.js';
import { authModule } from './auth/module.js';
import { casesModule } from './cases/module.js';
import { DEMO_ESTATE_CODE, estateIdByCodeOrId, insertDemo } from './directory/index.js';
import { directoryModule } from './directory/module.js';
import { insertDemoFees } from './fees/index.js';
import { feesModule } from './fees/module.js';
import { followUpsModule } from './followups/module.js';
import { frontDeskModule } from './frontdesk/module.js';
import { noticesModule } from './notices/module.js';
import { ensurePhraseSeed } from './phrases/index.js';
import { phrasesModule } from './phrases/module.js';
import { type Clock, systemClock } from './platform/clock.js';
import { type Config, sqlitePath } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import { type DbHandle, openDatabase } from './platform/db/connect.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { type App, buildApp } from './platform/http/app.js';
import { MemoryLiveBus } from './platform/live.js';
import { PostgresLiveBus } from './platform/live-postgres.js';
import { FIRST_RUN_COMPLETED, readMeta, serialiseInstallation, writeMeta } from './platform/meta.js';
import { type Module, wireModules } from './platform/module.js';
import { Sweeper } from './platform/obligations/index.js';
import { loadOutboxConfig } from './platform/outbox/config.js';
import { transportsFrom } from './platform/outbox/transports.js';
import { OutboxWorker } from './platform/outbox/worker.js';
import { publicPageModule } from './publicpage/module.js';
import { reportsModule } from './reports/module.js';
import { telephonyModule } from './telephony/module.js';

/** The repository: the nearest folder with a package.json (src/ when run from source, dist/server/ when bundled). */
function projectRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}
const root = projectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const VERSION: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
export const WEB_ROOT = path.join(root, 'dist', 'web');

/** Opens the configured database and brings it to the latest migration. */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<{ ctx: AppContext; handle: DbHandle }> {
  const handle = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqlitePath(config) });
  await migrateToLatest(handle.db);
  await ensurePhraseSeed(handle.db, clock);
  return { ctx: { db: handle.db, engine: handle.engine, clock, config, live: new MemoryLiveBus() }, handle };
}

/** The capabilities, in the order their routes are registered. */
export const MODULES: readonly Module[] = [
  authModule,
  directoryModule,
  casesModule,
  followUpsModule,
  frontDeskModule,
  phrasesModule,
  feesModule,
  noticesModule,
  publicPageModule,
  reportsModule,
  telephonyModule,
];

export async function buildServer(ctx: AppContext, opts: { logger?: boolean; webRoot?: string | undefined } = {}): Promise<App> {
  wireModules(MODULES);
  return buildApp({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    webRoot: opts.webRoot ?? WEB_ROOT,
    version: VERSION,
    trustProxy: ctx.config.trustProxy,
    routes: (api) => {
      api.get(
        '/health',
        {
          config: { public: true },
          schema: {
            operationId: 'getHealth',
            tags: ['system'],
            summary: 'Liveness and the database engine',
            response: { 200: z.object({ ok: z.literal(true), engine: z.enum(['sqlite', 'postgres']), version: z.string() }) },
          },
        },
        async () => ({ ok: true as const, engine: ctx.engine, version: VERSION }),
      );
      for (const m of MODULES) m.routes?.(api, ctx);
      registerLiveRoutes(api, ctx);
    },
    pages: (app) => {
      for (const m of MODULES) m.pages?.(app, ctx);
    },
  });
}

export interface FirstRun {
  adminUsername: string;
  adminPassword: string;
  generated: boolean;
  demoStaff: string[];
}

/**
 * The first start: the first admin and, when asked for, the demo estate, in one transaction that
 * writes the `first_run.completed` marker last. A start killed half-way leaves nothing behind, so
 * the next start does it all again and shows a password that works; once the marker is there,
 * nothing is done. Several instances starting at once over PostgreSQL do it once.
 */
export async function prepareFirstRun(
  ctx: AppContext,
  opts: {
    demo: boolean;
    /** For tests: runs inside the transaction just before the marker, to stand for a start killed there. */
    beforeMarker?: () => Promise<void>;
  },
): Promise<FirstRun | null> {
  if (await readMeta(ctx.db, FIRST_RUN_COMPLETED)) return null;
  const password = ctx.config.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password, ctx.config.passwordHashCost);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await serialiseInstallation(trx, ctx.engine, 'first-run');
    if (await readMeta(trx, FIRST_RUN_COMPLETED)) return null;
    const adminId = await ensureFirstAdmin(trx, { username: 'admin', name: '系統管理員', passwordHash, at });
    const demoStaff = opts.demo ? await insertDemo(trx, { passwordHash, actorId: adminId, at }) : [];
    const demoEstateId = demoStaff.length ? await estateIdByCodeOrId(trx, DEMO_ESTATE_CODE) : undefined;
    if (demoEstateId) await insertDemoFees(trx, { estateId: demoEstateId, actorId: adminId, at });
    await opts.beforeMarker?.();
    await writeMeta(trx, FIRST_RUN_COMPLETED, at, at);
    return { adminUsername: 'admin', adminPassword: password, generated: !ctx.config.adminPassword, demoStaff };
  });
}

export interface RunningServer {
  url: string;
  app: App;
  ctx: AppContext;
  firstRun: FirstRun | null;
  close(): Promise<void>;
}

export async function startServer(opts: { config: Config; demo?: boolean; logger?: boolean; clock?: Clock }): Promise<RunningServer> {
  const outboxConfig = loadOutboxConfig();
  const { ctx, handle } = await openContext(opts.config, opts.clock);
  const firstRun = await prepareFirstRun(ctx, { demo: opts.demo ?? true });
  const app = await buildServer(ctx, { logger: opts.logger ?? false });
  if (opts.config.databaseUrl) {
    // Instances pass live events to each other through PostgreSQL LISTEN/NOTIFY.
    ctx.live = await PostgresLiveBus.connect(opts.config.databaseUrl, {
      onError: (err) => app.log.warn({ err }, 'live updates: listening connection lost; reconnecting'),
    });
  }
  await app.listen({ host: opts.config.host, port: opts.config.port });
  // The deadline engine's sweeper: marks breaches and escalates (R-CP-4 and the rules to come).
  const sweeper = new Sweeper(ctx, (err) => app.log.error({ err }, 'sweep failed'));
  sweeper.start(opts.config.sweepIntervalMs);
  const outbox = new OutboxWorker({ db: ctx.db, clock: ctx.clock, transports: transportsFrom(outboxConfig), log: app.log });
  outbox.start(5_000);
  // The planner's statistics follow the data (a busy office adds thousands of rows a month).
  const optimizer = setInterval(() => {
    try {
      handle.optimize();
    } catch (err) {
      app.log.warn({ err }, 'database optimize failed');
    }
  }, 3_600_000);
  optimizer.unref();
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.config.port;
  return {
    url: `http://${opts.config.host}:${port}`,
    app,
    ctx,
    firstRun,
    close: async () => {
      clearInterval(optimizer);
      await sweeper.stop();
      await outbox.stop();
      await app.close();
      await ctx.live.close();
      await handle.close();
    },
  };
}
