/**
 * Builds a realistic EstateDesk database for the benchmark, on SQLite (default) or PostgreSQL:
 *
 *   npm run bench:data -- --estates 100 --cases 1000000 [--file path.db | --database-url postgres://...]
 *
 * It migrates with the project's migrations, then writes estates shaped like the demo and three
 * years of a busy office's cases, follow-ups, rain, rectification notices, messages, visits and
 * their deadlines, with a valid history chain per estate, in batched multi-row inserts inside
 * large transactions. The same seed gives the same database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, type Kysely } from 'kysely';
import { hashPassword } from '../src/auth/index.js';
import { openPostgres, openSqlite } from '../src/platform/db/connect.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import type { Database } from '../src/platform/db/schema.js';
import { FIRST_RUN_COMPLETED } from '../src/platform/meta.js';
import { generateCases } from './generate/cases.js';
import { generateDesk } from './generate/desk.js';
import { generateEstate } from './generate/estate.js';
import { generateFollowUps, type Rain } from './generate/followups.js';
import { ChainBuilder } from './generate/history.js';
import { DAY, HOUR, iso, Random } from './generate/random.js';
import { Sink } from './generate/sink.js';
import '../src/platform/tables.js';
import '../src/platform/obligations/tables.js';

const DEFAULT_FILE = path.resolve(import.meta.dirname, 'data/estatedesk.db');

const { values } = parseArgs({
  options: {
    estates: { type: 'string', default: '100' },
    cases: { type: 'string', default: '10000' },
    file: { type: 'string' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '2026' },
    until: { type: 'string' },
    password: { type: 'string', default: 'bench-password' },
    'unswept-hours': { type: 'string', default: '24' },
    replace: { type: 'boolean', default: false },
  },
});

const estates = positive('estates');
const totalCases = positive('cases', true);
const seed = positive('seed');
const until = values.until ? Date.parse(values.until) : Math.floor(Date.now() / DAY) * DAY;
if (Number.isNaN(until)) fail('--until must be an ISO date');
const from = until - 3 * 365 * DAY;
const unsweptMs = Number(values['unswept-hours']) * HOUR;

function positive(name: 'estates' | 'cases' | 'seed', zeroOk = false): number {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) fail(`--${name} must be a whole number${zeroOk ? '' : ' above 0'}`);
  return n;
}

function fail(message: string): never {
  console.error(`bench:data: ${message}`);
  process.exit(1);
}

/** The weather of the span, shared by every estate: rain mostly from April to September. */
function rainOf(random: Random): Rain[] {
  const rains: Rain[] = [];
  for (let day = from; day < until; day += DAY) {
    const month = new Date(day).getUTCMonth();
    if (!random.chance(month >= 3 && month <= 8 ? 0.25 : 0.05)) continue;
    const startedAt = day + random.between(0, 20) * HOUR;
    rains.push({ startedAt, endedAt: startedAt + random.between(1, 10) * HOUR, amountMm: Math.round(random.between(2, 80) * 10) / 10 });
  }
  return rains;
}

async function generate(sink: Sink): Promise<void> {
  const started = performance.now();
  const passwordHash = await hashPassword(values.password, 'standard');
  const base = new Random(seed);
  const company = new ChainBuilder(null);
  const setupAt = from - 30 * DAY;
  const adminId = base.id(setupAt);
  const admin = {
    id: adminId,
    username: 'admin',
    name: '系統管理員',
    surname: '系',
    role: 'admin',
    email: null,
    phone: null,
    locale: 'zh-Hant',
    password_hash: passwordHash,
    password_changed_at: iso(setupAt),
    disabled_at: null,
    created_at: iso(setupAt),
    updated_at: iso(setupAt),
  };
  sink.add('staff', admin);
  const { password_hash: _hidden, ...visible } = admin;
  company.add({ at: iso(setupAt), actorId: null, entityType: 'staff', entityId: adminId, action: 'created', before: null, after: visible });
  const rains = rainOf(base);

  let cases = 0;
  let lastReport = performance.now();
  const report = (estate: number, force = false) => {
    const now = performance.now();
    if (!force && now - lastReport < 2000) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    console.log(
      `estate ${estate}/${estates}  cases ${cases.toLocaleString('en')}/${totalCases.toLocaleString('en')}  rows ${sink.total.toLocaleString('en')}  ` +
        `${Math.round(sink.total / seconds).toLocaleString('en')} rows/s  ${Math.round(cases / seconds).toLocaleString('en')} cases/s  ${seconds.toFixed(1)} s`,
    );
  };
  for (let i = 0; i < estates; i++) {
    const random = new Random(seed * 7919 + i + 1);
    const chain = new ChainBuilder(null);
    const estate = generateEstate(sink, random, { index: i, at: from - DAY, passwordHash, chain, company, adminId });
    chain.estateId = estate.id;
    const count = Math.floor(totalCases / estates) + (i < totalCases % estates ? 1 : 0);
    const run = { sink, random, estate, chain, from, now: until, unsweptMs };
    const { repairs, counters } = generateCases(run, count, () => {
      cases++;
      if (cases % 500 === 0) report(i + 1);
    });
    await sink.maybeFlush();
    const { notices } = generateFollowUps(run, rains, repairs);
    generateDesk(run, { messages: Math.round(count * 0.25), visits: Math.round(count * 0.2) });
    for (const [year, value] of counters) sink.add('counters', { estate_id: estate.id, name: 'case', period: String(year), value });
    for (const [year, value] of notices)
      sink.add('counters', { estate_id: estate.id, name: 'rectification_notice', period: String(year), value });
    chain.write(sink, random);
    await sink.flush();
    await sink.maybeFlush();
    report(i + 1);
  }
  company.write(sink, base);
  sink.add('app_meta', { key: FIRST_RUN_COMPLETED, value: iso(setupAt), updated_at: iso(setupAt) });
  await sink.commit();
  report(estates, true);
}

async function main(): Promise<void> {
  const url = values['database-url'];
  const t0 = performance.now();
  if (url) {
    const handle = openPostgres(url, 1);
    try {
      await migrateToLatest(handle.db);
      await refuseNonEmpty(handle.db);
      await handle.db.connection().execute(async (conn) => {
        await generate(new Sink({ pg: conn }));
        // The search index's pending entries, which autovacuum moves into the index of a running
        // database, go there now: a search reads the whole pending list until they do.
        await conn.executeQuery(CompiledQuery.raw(`select gin_clean_pending_list('case_docs_terms')`, []));
        console.log('analyze ...');
        await conn.executeQuery(CompiledQuery.raw('analyze', []));
      });
      const size = await handle.db
        .selectNoFrom((eb) => eb.fn<number>('pg_database_size', [eb.fn('current_database')]).as('bytes'))
        .executeTakeFirstOrThrow();
      summary(t0, Number(size.bytes), 'PostgreSQL database');
    } finally {
      await handle.close();
    }
    return;
  }
  const file = path.resolve(values.file ?? DEFAULT_FILE);
  if (fs.existsSync(file)) {
    if (values.file && !values.replace) fail(`${file} exists; pass --replace to overwrite it`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  const handle = openSqlite(file);
  const sqlite = handle.sqlite;
  if (!sqlite) fail('no SQLite handle');
  try {
    await migrateToLatest(handle.db);
    await generate(new Sink({ sqlite }));
    console.log('analyze ...');
    sqlite.exec('analyze');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await handle.close();
  }
  summary(t0, fs.statSync(file).size, file);
}

async function refuseNonEmpty(db: Kysely<Database>): Promise<void> {
  const row = await db
    .selectFrom('estates')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) > 0) fail('the database already holds estates; generate into an empty database');
}

function summary(t0: number, bytes: number, where: string): void {
  const seconds = (performance.now() - t0) / 1000;
  const mib = bytes / 1024 / 1024;
  console.log(
    `done in ${seconds.toFixed(1)} s: ${estates} estates, ${totalCases.toLocaleString('en')} cases; ${where}: ${mib.toFixed(1)} MiB` +
      (totalCases ? ` (${(bytes / totalCases / 1024).toFixed(1)} KiB per case)` : ''),
  );
  console.log(`staff sign in as admin or e001.manager, e001.desk1, ... with password "${values.password}"`);
}

await main();
