/**
 * `npm run bench -- [--file <data>/estatedesk.db | --database-url <url>] [--seconds 10] [--connections 10]`
 *
 * Starts, in one run, the real server (the production bundle, dist/server/cli.mjs) and a bare
 * Fastify baseline on the same engine and durability, drives both at a fixed concurrency and
 * prints per operation req/s, p50, p99 and the ratio to bare, the sweep over all estates and the
 * server's peak memory. The figures go to bench/results/<date>-<engine>.json.
 *
 * The bench writes into the database it is given (cases, follow-ups, messages, a sweep's
 * breaches, and an admin account `bench-…` to sign in with): run it on a generated copy.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureServerBuild } from '../scripts/build-server.mjs';
import { openDatabase } from '../src/platform/db/connect.js';
import { EXPORT_TARGET_RSS_MB, type ExportFigures, ensureCalls, measureExport } from './run/export.js';
import { HttpClient } from './run/http.js';
import { drive, type LoadResult } from './run/load.js';
import { operations, repairToFollowUp, signIn } from './run/operations.js';
import { type Child, ROOT, runNode, startChild } from './run/processes.js';
import { type BenchResults, formatExport, formatResults, machine, type OperationFigures, writeResults } from './run/report.js';
import { bareSweep, measureSweep } from './run/sweep.js';
import { postgresTarget, sqliteTarget, type Target } from './run/target.js';
import { findWorld, openFollowUps } from './run/world.js';

const USAGE = `npm run bench -- [options]
  --file <path>           the SQLite database: <data folder>/estatedesk.db, or the folder
                          (default bench/data/estatedesk.db, made with \`estatedesk demo\` when missing)
  --database-url <url>    a PostgreSQL database instead
  --seconds <n>           measured time per operation (default 10)
  --connections <n>       concurrent connections (default 10)
  --estate <code|id>      the estate the requests go to (default the one with the most cases)
  --followups <n>         open follow-ups to have ready for "record a follow-up" (default 2000)
  --sweep <n>             breaches the sweep is timed on (default 2000)
  --export-calls <n>      calls the export step's estate has in this year at least (default 200000)
  --username <name>       sign in as this account (with --password) instead of creating an admin bench-…
  --only <a,b>            only the operations whose names hold one of these words ("sweep" for the
                          sweep); the figures are printed, not written to the results
  --profile <dir>         write a CPU profile of the server (.cpuprofile) into this folder`;

const { values: args } = parseArgs({
  options: {
    file: { type: 'string' },
    'database-url': { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    estate: { type: 'string' },
    followups: { type: 'string', default: '2000' },
    sweep: { type: 'string', default: '2000' },
    'export-calls': { type: 'string', default: '200000' },
    username: { type: 'string' },
    password: { type: 'string' },
    only: { type: 'string' },
    profile: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function positive(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
}

const BUNDLE = path.join(ROOT, 'dist/server/cli.mjs');
/** Each operation's warm-up: two seconds at full concurrency, before its measured time. */
const WARMUP_SECONDS = 2;
const log = (line: string) => console.error(`bench: ${line}`);

function serverEnv(target: Target, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: target.databaseUrl ?? '',
    ESTATEDESK_DATA_DIR: target.dataDir,
    LOG_LEVEL: 'warn',
    // The bench times the sweep itself, after the load: the server's own sweeper stays quiet.
    ESTATEDESK_SWEEP_INTERVAL_MS: String(24 * 3_600_000),
    // Notifications wait in the outbox: nothing leaves the machine.
    ESTATEDESK_SMTP_URL: '',
    ESTATEDESK_WEBHOOK_URL: '',
    ...extra,
  };
}

async function cli(target: Target, argv: string[]): Promise<string> {
  const { code, output } = await runNode([BUNDLE, ...argv], serverEnv(target, { ESTATEDESK_PASSWORD_HASH_COST: 'test' }));
  if (code !== 0) throw new Error(`estatedesk ${argv[0]} failed (${code}): ${output}`);
  return output;
}

async function measure(name: string, load: Parameters<typeof drive>[0]): Promise<LoadResult> {
  const r = await drive(load);
  log(
    `${name}: ${r.perSecond.toFixed(0)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.calls} calls${r.failed ? `, ${r.failed} FAILED: ${r.errors.join(' | ')}` : ''}`,
  );
  return r;
}

async function main() {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const seconds = positive('seconds', args.seconds);
  const connections = Math.round(positive('connections', args.connections));
  const followUpsWanted = Math.round(positive('followups', args.followups));
  const sweepCount = Math.round(positive('sweep', args.sweep));
  const exportCalls = Math.round(positive('export-calls', args['export-calls']));
  const only = args.only
    ?.split(',')
    .map((w) => w.trim())
    .filter(Boolean);
  const wanted = (name: string) => !only || only.some((w) => name.includes(w));

  await ensureServerBuild();
  const databaseUrl = args['database-url'];
  const target = databaseUrl ? await postgresTarget(databaseUrl) : await sqliteTarget(args.file ?? 'bench/data/estatedesk.db');
  const children: Child[] = [];
  const clients: HttpClient[] = [];
  let handle: ReturnType<typeof openDatabase> | undefined;
  try {
    if (target.sqliteFile && !fs.existsSync(target.sqliteFile)) {
      if (args.file) throw new Error(`no database at ${target.sqliteFile}`);
      log(`no database at ${target.sqliteFile}: loading the demo estate there`);
      await cli(target, ['demo', '--password', randomBytes(12).toString('base64url')]);
    }
    let username = args.username;
    let password = args.password;
    if (!username || !password) {
      username = `bench-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
      password = randomBytes(18).toString('base64url');
      await cli(target, ['create-admin', '--username', username, '--password', password]);
    }
    handle = openDatabase({ databaseUrl: target.databaseUrl, sqliteFile: target.sqliteFile ?? '' });

    log(`starting the server (${path.relative(ROOT, BUNDLE)}) on ${target.engine}`);
    const server = await startChild({
      name: 'the server',
      args: [...(args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : []), BUNDLE, 'serve', '--no-demo'],
      env: serverEnv(target),
      ready: /serving at (http:\/\/127\.0\.0\.1:\d+)/,
    });
    children.push(server);
    const client = new HttpClient(server.url, connections);
    clients.push(client);
    await signIn(client, username, password);
    const idleRssMb = server.rssMb();
    const world = await findWorld(handle.db, args.estate);
    log(`estate ${world.estateCode}: ${world.estateCases} of ${world.cases} cases`);

    // Open follow-ups for "record a follow-up" to close, and as many again for the sweep to
    // breach afterwards (their deadlines, days away, are what it is timed on).
    const openWanted = (wanted('record a follow-up') ? followUpsWanted : 0) + (wanted('sweep') ? sweepCount : 0);
    let followUps = await openFollowUps(handle.db, world.estateId, openWanted);
    if (followUps.length < openWanted) {
      const missing = openWanted - followUps.length;
      log(`preparing ${missing} open follow-ups (a repair recorded, started and completed each)`);
      const prep = await drive({ connections, seconds: 600, limit: missing, call: (i) => repairToFollowUp(client, world, i) });
      if (prep.failed) throw new Error(`preparing follow-ups failed: ${prep.errors.join(' | ')}`);
      followUps = await openFollowUps(handle.db, world.estateId, openWanted);
    }
    followUps = followUps.slice(0, wanted('record a follow-up') ? followUpsWanted : 0);

    // The export step's year of calls, inserted in bulk where the estate has fewer.
    const { time_zone: timeZone } = await handle.db
      .selectFrom('estates')
      .select('time_zone')
      .where('id', '=', world.estateId)
      .executeTakeFirstOrThrow();
    if (wanted('export')) {
      log(`making sure estate ${world.estateCode} has ${exportCalls} calls this year`);
      log(`estate ${world.estateCode}: ${await ensureCalls(handle, world, timeZone, exportCalls)} calls this year`);
    }

    log('starting the bare baseline');
    const bare = await startChild({
      name: 'the bare baseline',
      args: ['--import', 'tsx', path.join(ROOT, 'bench/run/bare-server.ts')],
      env: {
        ...process.env,
        ...('sqliteFile' in target.bare ? { BARE_SQLITE_FILE: target.bare.sqliteFile } : { BARE_DATABASE_URL: target.bare.databaseUrl }),
        BARE_ESTATES: String(Math.max(world.estates, 1)),
        BARE_ROWS: String(Math.min(Math.max(world.cases, 10_000), 1_000_000)),
      },
      ready: /bare listening at (http:\/\/127\.0\.0\.1:\d+)/,
    });
    children.push(bare);
    const bareClient = new HttpClient(bare.url, connections);
    clients.push(bareClient);
    const bareCall = (method: 'GET' | 'POST') => async (i: number) => {
      const res = await bareClient.request({
        method,
        path: '/estates/e0/items',
        ...(method === 'POST' && { body: { kind: 'repair', description: `浴室天花滲水,已影響樓下單位(bench ${i})` } }),
      });
      if (res.status < 200 || res.status > 299) throw new Error(`bare ${method} answered ${res.status}`);
    };
    const warmup = { seconds: WARMUP_SECONDS };
    const bareInsert = await measure('bare insert', { connections, seconds, warmup, call: bareCall('POST') });
    const bareRead = await measure('bare indexed read', { connections, seconds, warmup, call: bareCall('GET') });

    const figures: OperationFigures[] = [];
    for (const op of operations(client, world, followUps).filter((o) => wanted(o.name))) {
      // An operation that uses up prepared records warms up on a tenth of them at most.
      const warmupMax = op.available === undefined ? undefined : Math.min(200, Math.floor(op.available / 10));
      const r = await measure(op.name, {
        connections,
        seconds,
        warmup: { seconds: WARMUP_SECONDS, ...(warmupMax !== undefined && { maxCalls: warmupMax }) },
        call: op.call,
        ...(op.available !== undefined && { limit: Math.max(op.available - (warmupMax ?? 0), 0) }),
      });
      const yardstick = op.bare === 'insert' ? bareInsert : bareRead;
      figures.push({ name: op.name, bare: op.bare, ...r, ratio: r.perSecond / yardstick.perSecond });
    }
    const peakRssMb = server.peakRssMb();
    const barePeakRssMb = bare.peakRssMb();
    await Promise.all(children.splice(0).map((c) => c.stop()));

    // The export step, on a server started for it alone, so its peak memory is the export's.
    let exported: ExportFigures | undefined;
    if (wanted('export')) {
      log('starting a fresh server for the export step');
      const fresh = await startChild({
        name: 'the export server',
        args: [BUNDLE, 'serve', '--no-demo'],
        env: serverEnv(target),
        ready: /serving at (http:\/\/127\.0\.0\.1:\d+)/,
      });
      children.push(fresh);
      const exportClient = new HttpClient(fresh.url, 1);
      clients.push(exportClient);
      await signIn(exportClient, username, password);
      exported = await measureExport(exportClient, fresh, world, timeZone);
      log(
        `export of ${exported.rows} calls: csv ${exported.csv.seconds.toFixed(1)} s, xlsx ${exported.xlsx.seconds.toFixed(1)} s, peak RSS ${exported.peakRssMb.toFixed(0)} MiB (target under ${EXPORT_TARGET_RSS_MB})`,
      );
      await Promise.all(children.splice(0).map((c) => c.stop()));
    }

    if (!wanted('sweep')) {
      if (exported) console.log(formatExport(exported));
      return;
    }
    log(`sweeping, as of the moment ${sweepCount} obligations are past due`);
    const serverSweep = await measureSweep(serverEnv(target), sweepCount);
    const bareSwept = await bareSweep(target.bare, sweepCount);

    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      engine: target.engine,
      machine: machine(),
      settings: { seconds, connections },
      database: {
        cases: world.cases,
        estates: world.estates,
        estate: world.estateCode,
        estateCases: world.estateCases,
        sizeMiB: target.sqliteFile ? fs.statSync(target.sqliteFile).size / 2 ** 20 : null,
      },
      bare: { insert: bareInsert, read: bareRead, peakRssMb: barePeakRssMb },
      operations: figures,
      sweep: { server: serverSweep, bare: bareSwept, ratio: serverSweep.perSecond / bareSwept.perSecond },
      memory: { peakRssMb, idleRssMb, barePeakRssMb },
      ...(exported && { export: exported }),
    };
    console.log(formatResults(results));
    if (only) return;
    console.log(`\nwritten to ${path.relative(ROOT, writeResults(path.join(ROOT, 'bench/results'), results))}`);
  } finally {
    for (const c of clients) c.close();
    await Promise.all(children.map((c) => c.stop()));
    await handle?.close();
    await target.cleanUp();
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
