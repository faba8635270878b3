import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerLiveRoutes } from '../../src/auth/index.js';
import type { AppContext } from '../../src/platform/context.js';
import type { App } from '../../src/platform/http/app.js';
import { buildEstate, buildStaff } from '../support/factories.js';
import { ADMIN_PASSWORD, Client, createTestApp, ENGINE, type TestApp } from '../support/harness.js';
import { appWith, CountingBus, type EventStream, openEventStream } from '../support/live.js';

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

describe(`live updates as server-sent events [${ENGINE}]`, () => {
  let t: TestApp;
  let bus: CountingBus;
  let ctx: AppContext;
  let app: App;
  let base: string;
  let estateA: string;
  let estateB: string;
  let desk: string;
  let colleague: string;
  const streams: EventStream[] = [];

  beforeEach(async () => {
    t = await createTestApp();
    bus = new CountingBus(t.ctx.live);
    ctx = { ...t.ctx, live: bus };
    ({ app, base } = await liveServer(ctx));
    estateA = (await buildEstate(t)).id;
    estateB = (await buildEstate(t)).id;
    desk = (await buildStaff(t, estateA, { username: 'desk' })).id;
    colleague = (await buildStaff(t, estateA, { username: 'colleague' })).id;
  });
  afterEach(async () => {
    for (const s of streams.splice(0)) s.close();
    // fetch may leave a spare keep-alive connection open with no request on it; it is not the
    // server's to wait for.
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
    await t.close();
  });

  async function signIn(username: string): Promise<Client> {
    const client = new Client(app);
    expect((await client.login(username, ADMIN_PASSWORD)).status).toBe(200);
    return client;
  }

  async function stream(client: Client | null, query = ''): Promise<EventStream> {
    const s = await openEventStream(`${base}/live${query}`, client?.cookie);
    streams.push(s);
    if (s.status === 200) await s.waitFor((b) => b.comments.includes('connected'));
    return s;
  }

  it('sends the events of the estates the person works for, and events naming staff only to those staff', async () => {
    const s = await stream(await signIn('desk'));
    expect(s.status).toBe(200);
    expect(s.contentType).toBe('text/event-stream; charset=utf-8');

    await bus.publish({ estateId: estateB, type: 'case.updated', subjectId: 'case-of-b' });
    await bus.publish({ estateId: estateA, type: 'notice.created', staffIds: [colleague] });
    await bus.publish({ estateId: estateA, type: 'notice.created', staffIds: [colleague, desk] });
    await bus.publish({ estateId: estateA, type: 'case.updated', subjectId: 'case-of-a' });
    await s.waitFor((b) => b.data?.includes('case-of-a') ?? false);

    expect(s.events()).toEqual([
      { estateId: estateA, type: 'notice.created' },
      { estateId: estateA, type: 'case.updated', subjectId: 'case-of-a' },
    ]);
  });

  it('?estateId= narrows the stream to one estate; an estate the person does not work for answers 404', async () => {
    const admin = await signIn('admin');
    const onlyA = await stream(admin, `?estateId=${estateA}`);
    const every = await stream(admin);
    await bus.publish({ estateId: estateB, type: 'presence.updated', subjectId: 'b' });
    await bus.publish({ estateId: estateA, type: 'presence.updated', subjectId: 'a' });
    await onlyA.waitFor((b) => b.data?.includes('"a"') ?? false);
    await every.waitFor((b) => b.data?.includes('"a"') ?? false);
    expect(onlyA.events()).toEqual([{ estateId: estateA, type: 'presence.updated', subjectId: 'a' }]);
    expect(every.events()).toEqual([
      { estateId: estateB, type: 'presence.updated', subjectId: 'b' },
      { estateId: estateA, type: 'presence.updated', subjectId: 'a' },
    ]);

    const refused = await fetch(`${base}/live?estateId=${estateB}`, { headers: { cookie: (await signIn('desk')).cookie ?? '' } });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const anonymous = await fetch(`${base}/live`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('auth.required');
    expect(bus.subscribers, 'refused requests never subscribe').toBe(2);
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const s = await stream(await signIn('desk'));
    await s.waitFor((b) => b.comments.includes('heartbeat'), 10 * HEARTBEAT_MS);
    expect(s.events()).toEqual([]);
  });

  it('a client that goes away is unsubscribed; signing out ends that session’s stream', async () => {
    const deskClient = await signIn('desk');
    const first = await stream(deskClient);
    const second = await stream(await signIn('colleague'));
    expect(bus.subscribers).toBe(2);
    second.close();
    await eventually(() => bus.subscribers === 1, 'the closed stream unsubscribed');

    expect((await deskClient.post('/auth/logout')).status).toBe(200);
    await first.ended;
    expect(bus.subscribers).toBe(0);
  });

  it('closing the server ends the open streams rather than waiting for them', async () => {
    const s = await stream(await signIn('desk'));
    await app.close();
    await s.ended;
    expect(bus.subscribers).toBe(0);
  });
});
