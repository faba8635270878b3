import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { companyActor, createAdmin } from './auth/index.js';
import {
  DEMO_ESTATE_CODE,
  estateIdByCodeOrId,
  exportResidents,
  exportUnits,
  importResidents,
  importUnits,
  loadDemo,
} from './directory/index.js';
import { loadDemoFees } from './fees/index.js';
import { loadConfig, sqlitePath } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import { AppError } from './platform/errors.js';
import { verifyHistory } from './platform/history.js';
import { openContext, startServer } from './server.js';

const USAGE = `estatedesk <command> [options]

Commands:
  serve                       start the server (the default); loads the demo estate on an empty database
        --no-demo             start empty instead
  migrate                     bring the database to the latest migration
  demo                        load the demo estate 誠基公寓 (staff share --password)
        --password <pw>
  import  --estate <code> --kind units|residents --file <path.csv|path.xlsx> [--dry-run]
  export  --estate <code> --kind units|residents --out <path.csv|path.xlsx>
  backup  [--out <file>]      consistent copy of the live SQLite database, checked with integrity_check
  history verify              check the hash chains of the change history (R-RD-1)
  create-admin --username <name> [--name <full name>] [--password <pw>]
                              (or ESTATEDESK_ADMIN_PASSWORD; generated and printed when neither)

Configuration comes from HOST, PORT, DATABASE_URL, ESTATEDESK_DATA_DIR, ESTATEDESK_ADMIN_PASSWORD.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    estate: { type: 'string' },
    kind: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    username: { type: 'string' },
    name: { type: 'string' },
    password: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'no-demo': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const config = loadConfig();

/** The CLI acts as the company: an admin actor that sees every estate. */
const systemActor = () => companyActor('00000000-0000-7000-8000-000000000000');

async function estateByCode(ctx: AppContext, code: string | undefined): Promise<string> {
  if (!code) fail('--estate <code> is required');
  const id = await estateIdByCodeOrId(ctx.db, code);
  if (!id) fail(`no estate with code ${code}`);
  return id;
}

function fail(message: string): never {
  console.error(`estatedesk: ${message}`);
  process.exit(1);
}

function formatOf(file: string): 'csv' | 'xlsx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return fail(`${file}: the file name must end in .csv or .xlsx`);
}

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const { ctx, handle } = await openContext(config);
  try {
    return await fn(ctx);
  } finally {
    await handle.close();
  }
}

async function serve() {
  const server = await startServer({ config, demo: !values['no-demo'], logger: true });
  const lines = [`EstateDesk is serving at ${server.url}`, `  API reference: ${server.url}/api/docs`];
  const first = server.firstRun;
  if (first) {
    lines.push(
      first.generated
        ? `  First start: sign in as "${first.adminUsername}" with the password ${first.adminPassword} (shown only this once; change it after signing in)`
        : `  First start: sign in as "${first.adminUsername}" with the password from ESTATEDESK_ADMIN_PASSWORD`,
    );
    if (first.demoStaff.length)
      lines.push(`  Demo estate 誠基公寓 loaded; its staff (${first.demoStaff.join(', ')}) use the same password`);
  } else {
    lines.push('  Sign in with your staff account.');
  }
  if (config.passwordHashCost === 'test')
    lines.push('  ESTATEDESK_PASSWORD_HASH_COST=test: passwords are hashed at the test cost; never use it in production');
  console.log(lines.join('\n'));
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function backup() {
  if (config.databaseUrl) fail('backup copies the embedded SQLite database; for PostgreSQL use pg_dump');
  const source = sqlitePath(config);
  if (!fs.existsSync(source)) fail(`no database at ${source}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(values.out ?? path.join(config.dataDir, 'backups', `estatedesk-${stamp}.db`));
  if (fs.existsSync(out)) fail(`${out} already exists`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    // The online backup API copies a consistent snapshot while the server keeps writing.
    await db.backup(out);
  } finally {
    db.close();
  }
  const copy = new SQLite(out, { readonly: true });
  const result = copy.pragma('integrity_check', { simple: true });
  const tables = copy.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
  copy.close();
  if (result !== 'ok') fail(`the backup at ${out} failed integrity_check: ${String(result)}`);
  console.log(`backup written to ${out} (${fs.statSync(out).size} bytes, ${tables.n} tables, integrity_check ok)`);
}

async function main() {
  const [command = 'serve', sub] = positionals;
  if (values.help || command === 'help') {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return withContext(async () => console.log('database is at the latest migration'));
    case 'demo':
      return withContext(async (ctx) => {
        const password = values.password ?? config.adminPassword;
        if (!password) fail('give --password (or ESTATEDESK_ADMIN_PASSWORD) for the demo staff accounts');
        const staff = await loadDemo(ctx, { staffPassword: password, actorId: null });
        const demoEstateId = await estateIdByCodeOrId(ctx.db, DEMO_ESTATE_CODE);
        if (demoEstateId) await loadDemoFees(ctx, { estateId: demoEstateId, actorId: null });
        console.log(staff.length ? `demo estate 誠基公寓 loaded with staff ${staff.join(', ')}` : 'the demo estate is already loaded');
      });
    case 'import':
      return withContext(async (ctx) => {
        const estateId = await estateByCode(ctx, values.estate);
        if (!values.file) fail('--file is required');
        const run =
          values.kind === 'units' ? importUnits : values.kind === 'residents' ? importResidents : fail('--kind must be units or residents');
        try {
          const r = await run(ctx, {
            actor: systemActor(),
            estateId,
            format: formatOf(values.file),
            content: fs.readFileSync(values.file),
            dryRun: values['dry-run'],
          });
          console.log(
            `${values['dry-run'] ? 'checked (nothing written)' : 'imported'}: ${r.created} created, ${r.updated} updated, ${r.total} rows`,
          );
        } catch (err) {
          if (err instanceof AppError && err.code === 'import.invalid_rows') {
            console.error(`estatedesk: ${err.message}`);
            for (const e of err.details.rows as { row: number; column: string; message: string }[])
              console.error(`  row ${e.row}, ${e.column}: ${e.message}`);
            process.exit(1);
          }
          throw err;
        }
      });
    case 'export':
      return withContext(async (ctx) => {
        const estateId = await estateByCode(ctx, values.estate);
        if (!values.out) fail('--out is required');
        const dump =
          values.kind === 'units' ? exportUnits : values.kind === 'residents' ? exportResidents : fail('--kind must be units or residents');
        const file = await dump(ctx, { actor: systemActor(), estateId, format: formatOf(values.out) });
        fs.writeFileSync(values.out, file);
        console.log(`exported ${values.kind} to ${values.out}`);
      });
    case 'backup':
      return backup();
    case 'history': {
      if (sub !== 'verify') fail('usage: estatedesk history verify');
      return withContext(async (ctx) => {
        const result = await verifyHistory(ctx.db);
        if (result.ok) {
          console.log(`history verified: ${result.entries} entries in ${result.chains} chains, every link holds`);
          return;
        }
        const p = result.problem;
        console.error(`history BROKEN in chain ${p?.chain} at entry ${p?.seq}${p?.entryId ? ` (id ${p.entryId})` : ''}: ${p?.reason}`);
        process.exit(2);
      });
    }
    case 'create-admin':
      return withContext(async (ctx) => {
        if (!values.username) fail('--username is required');
        const admin = await createAdmin(ctx, {
          username: values.username,
          name: values.name ?? values.username,
          password: values.password ?? config.adminPassword,
        });
        console.log(
          admin.generated
            ? `admin ${admin.username} created; password ${admin.password} (shown only this once)`
            : `admin ${admin.username} created`,
        );
      });
    default:
      console.error(USAGE);
      process.exit(64);
  }
}

main().catch((err: unknown) => {
  console.error(`estatedesk: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
