import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLiveRoutes } from '../../src/auth/index.js';
import type { AppContext } from '../../src/platform/context.js';
import type { App } from '../../src/platform/http/app.js';
import type { LiveEvent } from '../../src/platform/live.js';
import { PostgresLiveBus } from '../../src/platform/live-postgres.js';
import { buildEstate, buildStaff } from '../support/factories.js';
import { ADMIN_PASSWORD, Client, createTestApp, type TestApp } from '../support/harness.js';
import { appWith, openEventStream } from '../support/live.js';

const HEARTBEAT_MS = 100;

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A server with sign-in and the live stream, listening on a random port of 127.0.0.1. */
async function liveServer(ctx: AppContext): Promise<{ app: App; base: string }> {
  const app = await appWith(ctx, (api) => registerLiveRoutes(api, ctx, { heartbeatMs: HEARTBEAT_MS }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, base: `http://127.0.0.1:${port}/api/v1` };
}

describe('live updates between instances over PostgreSQL LISTEN/NOTIFY [postgres]', () => {
  let t: TestApp;
  let url: string;
  const buses: PostgresLiveBus[] = [];

  beforeEach(async () => {
    t = await createTestApp();
    url = t.ctx.config.databaseUrl ?? '';
  });
  afterEach(async () => {
    for (const b of buses.splice(0)) await b.close();
    await t.close();
  });

  async function connect(errors: unknown[] = []): Promise<PostgresLiveBus> {
    const bus = await PostgresLiveBus.connect(url, { onError: (err) => errors.push(err), maxReconnectDelayMs: 200 });
    buses.push(bus);
    return bus;
  }

  function collect(bus: PostgresLiveBus): LiveEvent[] {
    const seen: LiveEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    return seen;
  }

  it('an event published on one instance reaches the subscribers of every instance, the publisher too', async () => {
    const a = await connect();
    const b = await connect();
    const onA = collect(a);
    const onB = collect(b);
    const event: LiveEvent = { estateId: 'estate-1', type: 'case.updated', subjectId: 'case-1', staffIds: ['s-1'] };
    await a.publish(event);
    await eventually(() => onA.length === 1 && onB.length === 1, 'both instances heard the event');
    expect(onB).toEqual([event]);
    expect(onA).toEqual([event]);
  });

  it('an event for more staff than one notification holds arrives split, every person included once', async () => {
    const a = await connect();
    const onB = collect(await connect());
    const staffIds = Array.from({ length: 500 }, (_, i) => `0199${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`);
    await a.publish({ estateId: 'estate-1', type: 'notice.created', staffIds });
    await eventually(() => onB.flatMap((e) => e.staffIds ?? []).length === 500, 'every part arrived');
    expect(onB.length).toBeGreaterThan(1);
    expect(onB.flatMap((e) => e.staffIds ?? []).sort()).toEqual(staffIds);
    expect(onB.every((e) => e.type === 'notice.created' && e.estateId === 'estate-1')).toBe(true);
  });

  it('listens again after its connection is cut', async () => {
    const a = await connect();
    const errors: unknown[] = [];
    const b = await connect(errors);
    const onB = collect(b);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`.execute(t.ctx.db);
    let n = 0;
    await eventually(async () => {
      await a.publish({ estateId: 'estate-1', type: 'presence.updated', subjectId: String(++n) });
      await new Promise((r) => setTimeout(r, 50));
      return onB.length > 0;
    }, 'the cut connection was made again');
    expect(errors.length).toBeGreaterThan(0);
  });

  it('an SSE client of instance B receives an event published on instance A', async () => {
    const estateId = (await buildEstate(t)).id;
    await buildStaff(t, estateId, { username: 'desk' });
    const a = await connect();
    const b = await connect();
    const ctx: AppContext = { ...t.ctx, live: b };
    const { app, base } = await liveServer(ctx);
    try {
      const client = new Client(app);
      expect((await client.login('desk', ADMIN_PASSWORD)).status).toBe(200);
      const s = await openEventStream(`${base}/live?estateId=${estateId}`, client.cookie);
      await s.waitFor((blk) => blk.comments.includes('connected'));
      await a.publish({ estateId, type: 'case.updated', subjectId: 'case-7' });
      await s.waitFor((blk) => blk.data !== undefined);
      expect(s.events()).toEqual([{ estateId, type: 'case.updated', subjectId: 'case-7' }]);
      s.close();
    } finally {
      await app.close();
    }
  });
});
