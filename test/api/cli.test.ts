import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres, openSqlite } from '../../src/platform/db/connect.js';
import { ENGINE, freshDatabase } from '../support/harness.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/estatedesk.mjs');

/**
 * Each command is a new Node process that loads the whole server through tsx: seconds of CPU,
 * many more on a loaded machine. A command may take this long; a test runs at most four.
 */
const COMMAND_TIMEOUT_MS = 60_000;
const TEST_TIMEOUT_MS = 4 * COMMAND_TIMEOUT_MS + 30_000;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI, run as an operator would run it, against the engine under test. */
describe(`estatedesk command line [${ENGINE}]`, { timeout: TEST_TIMEOUT_MS }, () => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-cli-'));
    if (ENGINE === 'postgres') {
      const db = await freshDatabase();
      await db.handle.close();
      databaseUrl = db.url;
      drop = db.drop;
    }
  });
  afterEach(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await drop?.();
  });

  async function cli(...args: string[]): Promise<Result> {
    const env = {
      ...process.env,
      ESTATEDESK_DATA_DIR: dataDir,
      ESTATEDESK_ADMIN_PASSWORD: 'Admin-pass-2026',
      ESTATEDESK_PASSWORD_HASH_COST: 'test',
      DATABASE_URL: databaseUrl ?? '',
    };
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, timeout: COMMAND_TIMEOUT_MS });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  function open() {
    return databaseUrl ? openPostgres(databaseUrl, 1) : openSqlite(path.join(dataDir, 'estatedesk.db'));
  }

  it('[R-RD-1] history verify passes on the demo data and names the entry after a plain SQL edit', async () => {
    expect((await cli('migrate')).code).toBe(0);
    const demo = await cli('demo');
    expect(demo.stdout).toContain('誠基公寓');
    const ok = await cli('history', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/history verified: \d+ entries in \d+ chains/);

    const handle = open();
    const victim = await handle.db
      .selectFrom('history')
      .select(['id', 'seq', 'chain'])
      .where('entity_type', '=', 'unit')
      .orderBy('seq')
      .offset(10)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update history set after = ${'{"number":"forged"}'} where id = ${victim.id}`.execute(handle.db);
    await handle.close();

    const broken = await cli('history', 'verify');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`chain ${victim.chain} at entry ${victim.seq}`);
    expect(broken.stderr).toContain(victim.id);
  });

  it('imports and exports units from files, all rows or none', async () => {
    await cli('demo');
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, 'building,number,floor\nC座,1A,1\nC座,1B,x\n');
    const refused = await cli('import', '--estate', 'CKA', '--kind', 'units', '--file', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('row 3, floor');
    const good = path.join(dataDir, 'good.csv');
    fs.writeFileSync(good, 'building,number,floor\nC座,1A,1\nC座,1B,1\n');
    const imported = await cli('import', '--estate', 'CKA', '--kind', 'units', '--file', good);
    expect(imported.stdout).toContain('2 created');
    const out = path.join(dataDir, 'units.xlsx');
    expect((await cli('export', '--estate', 'CKA', '--kind', 'units', '--out', out)).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });

  it('create-admin adds an admin who can sign in; the password never appears when it was given', async () => {
    await cli('migrate');
    const res = await cli('create-admin', '--username', 'boss', '--password', 'a-long-password');
    expect(res.stdout).toContain('admin boss created');
    expect(res.stdout).not.toContain('a-long-password');
    const handle = open();
    const row = await handle.db
      .selectFrom('staff')
      .select(['role', 'password_hash'])
      .where('username', '=', 'boss')
      .executeTakeFirstOrThrow();
    await handle.close();
    expect(row.role).toBe('admin');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('backup writes a consistent copy of a live SQLite database that passes integrity_check (PostgreSQL: points to pg_dump)', async () => {
    await cli('demo');
    const out = path.join(dataDir, 'copy.db');
    const res = await cli('backup', '--out', out);
    if (ENGINE === 'postgres') {
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('pg_dump');
      expect(fs.existsSync(out)).toBe(false);
      return;
    }
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('integrity_check ok');
    const copy = openSqlite(out);
    const units = await copy.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await copy.close();
    expect(Number(units.n)).toBe(200);
  });

  it('backup copies a SQLite database that is being written to while it runs', async () => {
    await cli('demo');
    if (ENGINE === 'postgres') {
      expect((await cli('backup')).code).toBe(1);
      return;
    }
    const live = openSqlite(path.join(dataDir, 'estatedesk.db'));
    const building = await live.db.selectFrom('buildings').select(['id', 'estate_id']).executeTakeFirstOrThrow();
    // A writer that runs from before the command starts until it ends: one unit every 10 ms, at
    // most as many as fit in the command's time limit, so its work is bounded however slow the
    // machine is.
    const WRITE_EVERY_MS = 10;
    const MAX_WRITES = COMMAND_TIMEOUT_MS / WRITE_EVERY_MS;
    let writes = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop && writes < MAX_WRITES) {
        const at = new Date().toISOString();
        await live.db
          .insertInto('units')
          .values({
            id: crypto.randomUUID(),
            estate_id: building.estate_id,
            building_id: building.id,
            number: `W${writes}`,
            floor: 99,
            area_m2: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
        writes++;
        await new Promise((r) => setTimeout(r, WRITE_EVERY_MS));
      }
    })();
    const out = path.join(dataDir, 'live-copy.db');
    const res = await cli('backup', '--out', out);
    stop = true;
    await writer;
    await live.close();
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('integrity_check ok');
    expect(writes).toBeGreaterThan(0);
    const copy = openSqlite(out);
    const n = await copy.db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await copy.close();
    expect(Number(n.n)).toBeGreaterThanOrEqual(200);
    expect(Number(n.n)).toBeLessThanOrEqual(200 + writes);
  });
});
