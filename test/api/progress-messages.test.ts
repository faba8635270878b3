import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setResidentPreferences } from '../../src/directory/index.js';
import { sweep } from '../../src/platform/obligations/index.js';
import { portalMessagesFor } from '../../src/platform/outbox/index.js';
import {
  PortalTransport,
  SmtpTransport,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  WebhookTransport,
} from '../../src/platform/outbox/transports.js';
import { OutboxWorker } from '../../src/platform/outbox/worker.js';
import { buildStaff, buildWorld } from '../support/factories.js';
import { type Client, createTestApp, ENGINE, type Json, type TestApp } from '../support/harness.js';
import { type MailServer, startMailServer } from '../support/mail.js';
import { startWebhookServer, type WebhookServer } from '../support/webhook.js';

const SECRET = 'a-shared-webhook-secret';
const NOW = '2026-11-20T02:00:00.000Z';
const DAY = 86_400_000;

describe(`progress messages to residents (R-CP-5) [${ENGINE}]`, () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let desk: Client;
  const cleanup: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    t = await createTestApp({ now: NOW });
    world = await buildWorld(t);
    await buildStaff(t, world.estate.id, { username: 'boss', role: 'manager' });
    await buildStaff(t, world.estate.id, { username: 'desk', role: 'receptionist' });
    desk = await t.as('desk');
  });
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
    await t.close();
  });

  async function webhookServer(): Promise<WebhookServer> {
    const server = await startWebhookServer();
    cleanup.push(() => server.close());
    return server;
  }
  async function mailServer(): Promise<MailServer> {
    const server = await startMailServer();
    cleanup.push(() => server.close());
    return server;
  }
  /** A worker as the server sets one up: the gateway, mail and the portal. */
  function worker(opts: { webhook?: WebhookServer; mail?: MailServer } = {}): OutboxWorker {
    const w = new OutboxWorker({
      db: t.ctx.db,
      clock: t.clock,
      transports: {
        portal: new PortalTransport(),
        ...(opts.webhook && { webhook: new WebhookTransport({ url: opts.webhook.url, secret: SECRET }) }),
        ...(opts.mail && { email: new SmtpTransport({ url: opts.mail.url, from: 'Office <office@harbour.example>' }) }),
      },
    });
    cleanup.push(() => w.stop());
    return w;
  }

  const counterCase = (body: Record<string, unknown> = {}) =>
    desk.post(`/estates/${world.estate.id}/cases`, {
      kind: 'inquiry',
      channel: 'counter',
      unitId: world.unit.id,
      residentId: world.resident.id,
      description: '查詢會所開放時間',
      ...body,
    });

  const outbox = () => t.ctx.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();

  function received(server: WebhookServer) {
    return server.requests.map((r) => {
      const timestamp = String(r.headers[TIMESTAMP_HEADER]);
      const signature = String(r.headers['x-estatedesk-signature']);
      return { signed: verifyWebhookSignature(SECRET, timestamp, r.body, signature), ...(JSON.parse(r.body) as Json) };
    });
  }

  it('a counter case, its reply and its closing each reach the SMS gateway once, signed, with the case number, across a worker restart', async () => {
    const gateway = await webhookServer();
    const c = await counterCase();
    expect(c.status).toBe(201);
    const number = c.body.number as string;

    const first = worker({ webhook: gateway });
    expect(await first.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '會所每日早上七時開放' })).status).toBe(200);
    expect(await first.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await desk.post(`/cases/${c.body.id}/close`, { result: '已告知開放時間' })).status).toBe(200);
    await first.stop();

    // The worker restarts: the new one sends what is still due and nothing already sent.
    const second = worker({ webhook: gateway });
    expect(await second.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await second.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const messages = received(gateway);
    expect(messages).toHaveLength(3);
    expect(new Set(messages.map((m) => m.id)).size).toBe(3);
    for (const m of messages) {
      expect(m.signed).toBe(true);
      expect(m.recipient).toBe(world.resident.phone);
      expect(m.body).toContain(number);
      expect(m.body).toContain('管理處');
    }
    expect(messages.map((m) => m.eventKey.split(':')[0])).toEqual(['progress.intake', 'progress.reply', 'progress.closed']);
    expect(messages[0]?.body).toContain('您的個案已登記');
    expect(messages[1]?.body).toContain('會所每日早上七時開放');
    expect(messages[2]?.body).toContain('已告知開放時間');
    expect((await outbox()).map((r) => [r.channel, r.status])).toEqual([
      ['webhook', 'sent'],
      ['webhook', 'sent'],
      ['webhook', 'sent'],
    ]);

    // The office sees on the timeline what the resident was told, by which channel, to whom.
    const detail = await desk.get(`/cases/${c.body.id}`);
    const told = detail.body.timeline.filter((e: Json) => e.type === 'progress_message');
    expect(told).toHaveLength(3);
    const phone = world.resident.phone as string;
    for (const e of told) {
      expect(e.data).toMatchObject({ channel: 'sms', status: 'sent', recipient: `${phone.slice(0, 1)}***${phone.slice(-4)}` });
      expect(e.data.sentAt).toBe(NOW);
      expect(JSON.stringify(e.data)).not.toContain(phone);
    }
  });

  it('a case retried or told twice queues its message once', async () => {
    const c = await counterCase();
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.event_key).toBe(`progress.intake:${c.body.id}`);
    const detail = await desk.get(`/cases/${c.body.id}`);
    expect(detail.body.timeline.find((e: Json) => e.type === 'progress_message').data.status).toBe('pending');
  });

  it("an English-speaking resident is told in English, by name and title, with the office's name", async () => {
    await t.admin.patch(`/residents/${world.resident.id}`, { name: 'Peter Chan', title: 'mr', locale: 'en' });
    const gateway = await webhookServer();
    const c = await counterCase();
    await worker({ webhook: gateway }).runOnce();
    const [m] = received(gateway);
    expect(m?.body).toContain('Dear Mr Chan,');
    expect(m?.body).toContain(`Your case has been recorded as number ${c.body.number}`);
    expect(m?.body).toContain('Management Office');
    expect(m?.subject).toContain(c.body.number);
  });

  it('a resident who refused SMS is sent nothing by SMS: by email when automatic, nothing when SMS was their choice', async () => {
    await t.admin.patch(`/residents/${world.resident.id}`, { email: 'chan@example.com', optOut: { sms: true } });
    await counterCase();
    expect((await outbox()).map((r) => [r.channel, r.recipient])).toEqual([['email', 'chan@example.com']]);

    await t.admin.patch(`/residents/${world.resident.id}`, { notifyChannel: 'sms' });
    const c = await counterCase();
    expect((await outbox()).filter((r) => r.channel === 'webhook')).toEqual([]);
    const detail = await desk.get(`/cases/${c.body.id}`);
    expect(detail.body.timeline.filter((e: Json) => e.type === 'progress_message')).toEqual([]);
  });

  it('by email through a real SMTP server when the resident chose email', async () => {
    await t.admin.patch(`/residents/${world.resident.id}`, { email: 'chan@example.com', notifyChannel: 'email' });
    const mail = await mailServer();
    const c = await counterCase();
    expect(await worker({ mail }).runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(mail.messages).toHaveLength(1);
    expect(mail.messages[0]?.to).toEqual(['chan@example.com']);
    expect(mail.messages[0]?.subject).toContain(c.body.number);
    expect(mail.messages[0]?.text).toContain(c.body.number);
    const detail = await desk.get(`/cases/${c.body.id}`);
    expect(detail.body.timeline.find((e: Json) => e.type === 'progress_message').data).toMatchObject({
      channel: 'email',
      recipient: 'c***@example.com',
      status: 'sent',
    });
  });

  it('by the portal: delivered without a network and listed for the resident newest first', async () => {
    const prefs = await setResidentPreferences(t.ctx, {
      actor: t.system,
      residentId: world.resident.id,
      body: { notifyChannel: 'portal', locale: 'zh-Hans' },
    });
    expect(prefs).toMatchObject({ notifyChannel: 'portal', locale: 'zh-Hans', optOut: { sms: false, email: false, portal: false } });
    const c = await counterCase();
    t.clock.advance(60_000);
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'written', content: '会所每日早上七时开放' });
    expect((await outbox()).map((r) => [r.channel, r.recipient])).toEqual([
      ['portal', world.resident.id],
      ['portal', world.resident.id],
    ]);
    expect(await portalMessagesFor(t.ctx.db, world.resident.id, { limit: 10, offset: 0 }), 'nothing before delivery').toMatchObject({
      total: 0,
      items: [],
    });
    expect(await worker().runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const page = await portalMessagesFor(t.ctx.db, world.resident.id, { limit: 1, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.body).toContain('会所每日早上七时开放');
    const older = await portalMessagesFor(t.ctx.db, world.resident.id, { limit: 1, offset: 1 });
    expect(older.items[0]?.body).toContain(`您的个案已登记，编号 ${c.body.number}`);
  });

  it("a repair's appointment, in the estate's time, and its completion are told", async () => {
    const c = await counterCase({ kind: 'repair', repairClass: 'other', description: '廚房水龍頭漏水' });
    const started = await desk.post(`/cases/${c.body.id}/repair/start`, { appointmentAt: '2026-11-21T02:30:00.000Z' });
    expect(started.status).toBe(200);
    expect((await desk.post(`/cases/${c.body.id}/repair/complete`, { workDone: '更換水龍頭' })).status).toBe(200);
    const rows = await outbox();
    expect(rows.map((r) => r.event_key.split(':')[0])).toEqual(['progress.intake', 'progress.appointment', 'progress.completed']);
    expect(rows[1]?.body).toContain('2026年11月21日 10:30');
    expect(rows[1]?.body).toContain(c.body.number);
    expect(rows[2]?.body).toContain('維修已完成');
  });

  it('the resident preferences are read, created and changed through the directory, and bad ones are refused naming the field', async () => {
    const created = await t.admin.post(`/estates/${world.estate.id}/residents`, {
      name: '李小姐',
      kind: 'tenant',
      phone: '91234567',
      locale: 'en',
      notifyChannel: 'email',
      optOut: { portal: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ locale: 'en', notifyChannel: 'email', optOut: { sms: false, email: false, portal: true } });
    const read = await t.admin.get(`/residents/${world.resident.id}`);
    expect(read.body).toMatchObject({ locale: 'zh-Hant', notifyChannel: null, optOut: { sms: false, email: false, portal: false } });
    const bad = await t.admin.patch(`/residents/${world.resident.id}`, { notifyChannel: 'fax' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('notifyChannel');
  });

  it('a complaint left without contact for the interval after its first reply opens an obligation; a contact meets it and restarts it; it escalates when missed; closing ends it', async () => {
    const c = await counterCase({ kind: 'complaint', description: '清潔工人態度欠佳' });
    const contactRows = () =>
      t.ctx.db
        .selectFrom('obligations')
        .selectAll()
        .where('subject_id', '=', c.body.id)
        .where('rule', '=', 'R-CP-5')
        .orderBy('opened_at')
        .execute();
    expect(await contactRows(), 'none before the first reply').toEqual([]);

    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已向清潔公司反映' });
    let rows = await contactRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ met_at: null, due_at: new Date(new Date(NOW).getTime() + 7 * DAY).toISOString() });
    const detail = await desk.get(`/cases/${c.body.id}`);
    expect(detail.body.obligations.map((o: Json) => o.rule)).toContain('R-CP-5');
    const queue = await desk.get(`/estates/${world.estate.id}/obligations?queue=open&rule=R-CP-5`);
    expect(queue.body.items.map((o: Json) => o.subjectId)).toEqual([c.body.id]);

    // Six days on, another reply: the contact meets it and the clock starts again.
    t.clock.advance(6 * DAY);
    desk = await t.as('desk');
    const again = await desk.post(`/cases/${c.body.id}/replies`, { method: 'visit', content: '清潔公司已更換當值人員' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    rows = await contactRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]?.met_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ met_at: null, due_at: new Date(t.clock.now().getTime() + 7 * DAY).toISOString() });

    // Nobody contacts them for eight days: the sweep marks it breached and escalates it to the manager.
    t.clock.advance(8 * DAY);
    desk = await t.as('desk');
    expect((await sweep(t.ctx)).breached).toBe(1);
    rows = await contactRows();
    expect(rows[1]?.breached_at).not.toBeNull();
    expect(rows[1]?.escalated_to).not.toBeNull();
    const escalated = await desk.get(`/cases/${c.body.id}`);
    expect(escalated.body.timeline.filter((e: Json) => e.type === 'escalated').map((e: Json) => e.data.rule)).toEqual(['R-CP-5']);

    // A reply meets it late and the clock runs again; closing the case ends the clock.
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '再次致電跟進' });
    await desk.post(`/cases/${c.body.id}/resolve`, { result: '清潔公司已更換人員' });
    await desk.post(`/cases/${c.body.id}/satisfaction`, { satisfaction: 'satisfied' });
    expect((await desk.post(`/cases/${c.body.id}/close`, {})).status).toBe(200);
    rows = await contactRows();
    expect(rows.filter((r) => r.met_at === null && r.cancelled_at === null)).toEqual([]);
    expect(rows.at(-1)?.cancelled_at ?? rows.at(-1)?.met_at).not.toBeNull();
  });

  it('the interval is the estate policy progressIntervalDays', async () => {
    const estate = await t.admin.get(`/estates/${world.estate.id}`);
    expect(estate.body.policy.progressIntervalDays).toBe(7);
    const changed = await t.admin.patch(`/estates/${world.estate.id}`, { policy: { ...estate.body.policy, progressIntervalDays: 3 } });
    expect(changed.status).toBe(200);
    const c = await counterCase({ kind: 'complaint', description: '升降機經常故障' });
    await desk.post(`/cases/${c.body.id}/replies`, { method: 'call', content: '已安排檢查' });
    const row = await t.ctx.db
      .selectFrom('obligations')
      .select('due_at')
      .where('subject_id', '=', c.body.id)
      .where('rule', '=', 'R-CP-5')
      .executeTakeFirstOrThrow();
    expect(row.due_at).toBe(new Date(new Date(NOW).getTime() + 3 * DAY).toISOString());
  });
});
