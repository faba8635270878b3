import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/auth/admin.js';
import { PORTAL_STAFF_ID } from '../../src/auth/index.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { DEMO_ESTATE_CODE, insertStaff } from '../../src/directory/index.js';
import { ManualClock } from '../../src/platform/clock.js';
import { loadConfig } from '../../src/platform/config.js';
import type { AppContext } from '../../src/platform/context.js';
import { newId } from '../../src/platform/ids.js';
import { MemoryLiveBus } from '../../src/platform/live.js';
import { FIRST_RUN_COMPLETED, readMeta } from '../../src/platform/meta.js';
import { buildServer, prepareFirstRun } from '../../src/server.js';
import { Client, ENGINE, freshDatabase } from '../support/harness.js';

/** The first start of a server on an empty database, and what a start killed half-way leaves behind. */
describe(`first start [${ENGINE}]`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let ctx: AppContext;
  let dataDir: string;
  beforeEach(async () => {
    db = await freshDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'estatedesk-data-'));
    // No ESTATEDESK_ADMIN_PASSWORD: the password is generated and shown once, as on a real first start.
    const config = { ...loadConfig({ ESTATEDESK_PASSWORD_HASH_COST: 'test' }), databaseUrl: db.url, dataDir };
    ctx = { db: db.handle.db, engine: ENGINE, clock: new ManualClock('2026-11-20T02:00:00.000Z'), config, live: new MemoryLiveBus() };
  });
  afterEach(async () => {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // The portal's staff record, made by its migration, records residents' reports; it is nobody of the office.
  const count = async (table: 'staff' | 'estates' | 'units') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', '<>', PORTAL_STAFF_ID)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function signIn(username: string, password: string) {
    const app = await buildServer(ctx, { webRoot: undefined });
    try {
      return (await new Client(app).login(username, password)).status;
    } finally {
      await app.close();
    }
  }

  it('a first start killed after loading the demo, before its marker, leaves nothing; the next start shows a password that signs in and loads the demo', async () => {
    const killed = prepareFirstRun(ctx, {
      demo: true,
      beforeMarker: async () => {
        throw new Error('killed during the first start');
      },
    });
    await expect(killed).rejects.toThrow('killed during the first start');
    expect([await count('staff'), await count('estates'), await readMeta(ctx.db, FIRST_RUN_COMPLETED)]).toEqual([0, 0, null]);

    const first = await prepareFirstRun(ctx, { demo: true });
    expect(first).toMatchObject({ adminUsername: 'admin', generated: true });
    expect(first?.adminPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(first?.demoStaff).toContain('manager');
    expect(await signIn('admin', first?.adminPassword as string)).toBe(200);
    expect(await signIn('manager', first?.adminPassword as string)).toBe(200);
    expect(await ctx.db.selectFrom('estates').select('code').execute()).toEqual([{ code: DEMO_ESTATE_CODE }]);
    expect(await count('units')).toBe(200);
    expect(await readMeta(ctx.db, FIRST_RUN_COMPLETED)).not.toBeNull();
    // Once complete, a start does nothing more.
    expect(await prepareFirstRun(ctx, { demo: true })).toBeNull();
    expect(await count('estates')).toBe(1);
  });

  it('an admin left behind without its password ever shown (no marker) gets a new password that is shown and works', async () => {
    await ctx.db.transaction().execute((trx) =>
      insertStaff(trx, {
        staff: { id: newId(), username: 'admin', name: '系統管理員', surname: '系', role: 'admin', passwordHash: 'never-shown' },
        actorId: null,
        at: '2026-11-20T01:00:00.000Z',
      }),
    );
    const first = await prepareFirstRun(ctx, { demo: true });
    expect(first?.generated).toBe(true);
    expect(await count('staff')).toBe(13);
    expect(await signIn('admin', first?.adminPassword as string)).toBe(200);
    expect(await ctx.db.selectFrom('estates').select('code').execute()).toEqual([{ code: DEMO_ESTATE_CODE }]);
  });

  it('an admin made with create-admin before the first start keeps the chosen password; no other admin is made', async () => {
    await createAdmin(ctx, { username: 'admin', name: '系統管理員', password: 'chosen-password-1' });
    expect(await prepareFirstRun(ctx, { demo: false })).toBeNull();
    expect(await count('staff')).toBe(1);
    expect(await signIn('admin', 'chosen-password-1')).toBe(200);
  });

  it('two instances starting at once prepare the first start once', async () => {
    const starts = await Promise.all([prepareFirstRun(ctx, { demo: false }), prepareFirstRun(ctx, { demo: false })]);
    const done = starts.filter((s) => s !== null);
    expect(done).toHaveLength(1);
    expect(await count('staff')).toBe(1);
    expect(await signIn('admin', done[0]?.adminPassword as string)).toBe(200);
  });

  it('an installation from before the marker, with staff, counts as started', async () => {
    // What the migration does for an existing database: covered by re-running it on one with staff.
    const hash = await hashPassword('x-password-123', 'test');
    await ctx.db.transaction().execute((trx) =>
      insertStaff(trx, {
        staff: { id: newId(), username: 'boss', name: '何', surname: '何', role: 'admin', passwordHash: hash },
        actorId: null,
        at: '2026-11-20T01:00:00.000Z',
      }),
    );
    const { up } = await import('../../src/platform/db/migrations/2026-11-30-0009-first-run-marker.js');
    await ctx.db.schema.dropTable('app_meta').execute();
    await up(ctx.db);
    expect(await readMeta(ctx.db, FIRST_RUN_COMPLETED)).not.toBeNull();
    expect(await prepareFirstRun(ctx, { demo: false })).toBeNull();
  });
});
