import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DbHandle, openPostgres, openSqlite } from '../../src/platform/db/connect.js';
import { loadOutboxConfig } from '../../src/platform/outbox/config.js';
import { enqueue, type OutboxEntry } from '../../src/platform/outbox/index.js';
import { SmtpTransport, TIMESTAMP_HEADER, verifyWebhookSignature, WebhookTransport } from '../../src/platform/outbox/transports.js';
import { OutboxWorker } from '../../src/platform/outbox/worker.js';
import { buildEstate } from '../support/factories.js';
import { createTestApp, ENGINE, type TestApp } from '../support/harness.js';
import { type MailServer, startMailServer } from '../support/mail.js';
import { startWebhookServer, type WebhookServer } from '../support/webhook.js';

const SECRET = 'a-shared-webhook-secret';
const MINUTE = 60_000;

describe(`the notification outbox [${ENGINE}]`, () => {
  let t: TestApp;
  let estateId: string;
  const cleanup: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    t = await createTestApp();
    estateId = (await buildEstate(t)).id;
  });
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
    await t.close();
  });

  async function mailServer(opts: Parameters<typeof startMailServer>[0] = {}): Promise<MailServer> {
    const server = await startMailServer(opts);
    cleanup.push(() => server.close());
    return server;
  }

  async function webhookServer(opts: Parameters<typeof startWebhookServer>[0] = {}): Promise<WebhookServer> {
    const server = await startWebhookServer(opts);
    cleanup.push(() => server.close());
    return server;
  }

  function mailWorker(server: MailServer, db = t.ctx.db): OutboxWorker {
    const worker = new OutboxWorker({
      db,
      clock: t.clock,
      transports: { email: new SmtpTransport({ url: server.url, from: 'Harbour View Office <office@harbour.example>' }) },
    });
    cleanup.push(() => worker.stop());
    return worker;
  }

  function webhookWorker(server: WebhookServer, db = t.ctx.db): OutboxWorker {
    const worker = new OutboxWorker({
      db,
      clock: t.clock,
      transports: { webhook: new WebhookTransport({ url: server.url, secret: SECRET }) },
    });
    cleanup.push(() => worker.stop());
    return worker;
  }

  function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
    return {
      estateId,
      eventKey: 'case.assigned:case-1:staff-1:event-1',
      channel: 'email',
      recipient: 'desk@harbour.example',
      subject: '新個案已指派給你 C-2026-0001',
      body: '個案 C-2026-0001：3座12樓A室 浴室天花滲水。請於今日內聯絡住戶。',
      payload: { caseId: 'case-1' },
      at: t.clock.now().toISOString(),
      ...overrides,
    };
  }

  async function queue(e: OutboxEntry): Promise<boolean> {
    return t.ctx.db.transaction().execute((trx) => enqueue(trx, e));
  }

  async function rows() {
    return t.ctx.db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  it('an event queued twice is emailed once, through a real SMTP server, and recorded as sent', async () => {
    const server = await mailServer();
    expect(await queue(entry())).toBe(true);
    expect(await queue(entry({ body: 'a second copy of the same event' }))).toBe(false);
    expect(await rows()).toHaveLength(1);

    const worker = mailWorker(server);
    expect(await worker.runOnce(t.clock.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await worker.runOnce(t.clock.now())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(server.messages).toHaveLength(1);
    const [mail] = server.messages;
    const [row] = await rows();
    expect(mail?.to).toEqual(['desk@harbour.example']);
    expect(mail?.from).toBe('office@harbour.example');
    expect(mail?.subject).toBe('新個案已指派給你 C-2026-0001');
    expect(mail?.text).toBe('個案 C-2026-0001：3座12樓A室 浴室天花滲水。請於今日內聯絡住戶。');
    expect(mail?.headers['x-estatedesk-event']).toBe('case.assigned:case-1:staff-1:event-1');
    expect(mail?.headers['message-id']).toBe(`<${row?.id}@harbour.example>`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null, sent_at: t.clock.now().toISOString(), claim_token: null });
  });

  it('the same event for another recipient or channel is a message of its own', async () => {
    expect(await queue(entry())).toBe(true);
    expect(await queue(entry({ recipient: 'manager@harbour.example' }))).toBe(true);
    expect(await queue(entry({ channel: 'webhook', recipient: '+85291234567' }))).toBe(true);
    expect(await rows()).toHaveLength(3);
  });

  it('a message queued in a transaction that rolls back is never sent', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await enqueue(trx, entry());
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows()).toEqual([]);
  });

  it('a mail server turning the first attempt away: retried after the one-minute back-off, then sent once', async () => {
    const server = await mailServer({ refuse: (attempt) => attempt === 1 });
    await queue(entry());
    const worker = mailWorker(server);
    const start = t.clock.now();

    expect(await worker.runOnce(t.clock.now())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(start.getTime() + MINUTE).toISOString() });
    expect(row?.last_error).toMatch(/451/);
    expect(server.messages).toHaveLength(0);

    t.clock.advance(30_000);
    expect(await worker.runOnce(t.clock.now()), 'not yet due after 30 s').toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(30_000);
    expect(await worker.runOnce(t.clock.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    t.clock.advance(60 * MINUTE);
    expect(await worker.runOnce(t.clock.now())).toEqual({ sent: 0, retrying: 0, failed: 0 });

    expect(server.attempts).toBe(2);
    expect(server.messages).toHaveLength(1);
    [row] = await rows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null, sent_at: new Date(start.getTime() + MINUTE).toISOString() });
  });

  it('delivers a signed webhook to a real HTTP server; the signature verifies and a tampered body does not', async () => {
    const server = await webhookServer();
    await queue(
      entry({
        channel: 'webhook',
        recipient: '+85291234567',
        subject: null,
        body: '你的維修預約已確認：明天 10:00',
        eventKey: 'repair.booked:c-9',
      }),
    );
    expect(await webhookWorker(server).runOnce(t.clock.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    const [row] = await rows();
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.headers['x-estatedesk-delivery']).toBe(row?.id);
    const timestamp = String(req?.headers[TIMESTAMP_HEADER]);
    expect(Number(timestamp)).toBe(Math.floor(t.clock.now().getTime() / 1000));
    const signature = String(req?.headers['x-estatedesk-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(SECRET, timestamp, req?.body ?? '', signature)).toBe(true);
    expect(verifyWebhookSignature(SECRET, timestamp, (req?.body ?? '').replace('10:00', '11:00'), signature)).toBe(false);
    expect(verifyWebhookSignature('another-secret', timestamp, req?.body ?? '', signature)).toBe(false);
    expect(JSON.parse(req?.body ?? '{}')).toEqual({
      id: row?.id,
      estateId,
      eventKey: 'repair.booked:c-9',
      recipient: '+85291234567',
      subject: null,
      body: '你的維修預約已確認：明天 10:00',
      payload: { caseId: 'case-1' },
    });
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a gateway answering 500 is retried with growing waits until it answers 200', async () => {
    const server = await webhookServer({ answer: (n) => (n <= 2 ? 500 : 200) });
    await queue(entry({ channel: 'webhook', recipient: '+85291234567' }));
    const worker = webhookWorker(server);
    const start = t.clock.now().getTime();

    expect((await worker.runOnce(t.clock.now())).retrying).toBe(1);
    expect((await rows())[0]).toMatchObject({ attempts: 1, next_attempt_at: new Date(start + MINUTE).toISOString() });
    expect((await rows())[0]?.last_error).toMatch(/500/);
    t.clock.advance(MINUTE);
    expect((await worker.runOnce(t.clock.now())).retrying).toBe(1);
    expect((await rows())[0]).toMatchObject({ attempts: 2, next_attempt_at: new Date(start + 3 * MINUTE).toISOString() });
    t.clock.advance(MINUTE);
    expect(await worker.runOnce(t.clock.now()), 'the second wait is two minutes').toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(MINUTE);
    expect((await worker.runOnce(t.clock.now())).sent).toBe(1);

    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.headers['x-estatedesk-delivery'])).size).toBe(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
  });

  it('after the tenth failed attempt the row is marked failed, kept with its error, and left alone', async () => {
    const server = await webhookServer({ answer: () => 503 });
    await queue(entry({ channel: 'webhook', recipient: '+85291234567' }));
    const worker = webhookWorker(server);
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await worker.runOnce(t.clock.now());
      outcomes.push(r.failed ? 'failed' : r.retrying ? 'retrying' : 'idle');
      t.clock.advance(60 * MINUTE);
    }
    expect(outcomes).toEqual([...Array(9).fill('retrying'), 'failed', 'idle', 'idle']);
    expect(server.requests).toHaveLength(10);
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 10, sent_at: null });
    expect(row?.last_error).toMatch(/503/);
  });

  it('a message whose worker died while sending is taken over once its claim has lapsed, not before', async () => {
    const server = await webhookServer();
    await queue(entry({ channel: 'webhook', recipient: '+85291234567' }));
    const claimedAt = new Date(t.clock.now().getTime() - MINUTE).toISOString();
    await t.ctx.db
      .updateTable('outbox')
      .set({ status: 'sending', claim_token: 'dead-worker', claimed_at: claimedAt, attempts: 1 })
      .execute();
    const worker = webhookWorker(server);
    expect((await worker.runOnce(t.clock.now())).sent, 'a claim a minute old is still held').toBe(0);
    t.clock.advance(10 * MINUTE);
    expect((await worker.runOnce(t.clock.now())).sent).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2, claim_token: null });
  });

  it('messages of a channel with no transport configured wait in the outbox', async () => {
    const server = await webhookServer();
    await queue(entry());
    await queue(entry({ channel: 'webhook', recipient: '+85291234567' }));
    expect(await webhookWorker(server).runOnce(t.clock.now())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await rows()).map((r) => [r.channel, r.status])).toEqual([
      ['email', 'pending'],
      ['webhook', 'sent'],
    ]);
  });

  it('two workers on separate connections running at once send each of 40 messages exactly once', async () => {
    const server = await webhookServer({ delayMs: 2 });
    for (let i = 0; i < 40; i++)
      await queue(entry({ channel: 'webhook', recipient: `+8529${String(i).padStart(7, '0')}`, eventKey: `e-${i}` }));
    const second = await secondConnection(t);
    cleanup.push(() => second.close());
    const [a, b] = await Promise.all([
      webhookWorker(server).runOnce(t.clock.now()),
      webhookWorker(server, second.db).runOnce(t.clock.now()),
    ]);

    expect(a.sent + b.sent).toBe(40);
    expect(a.sent, 'both workers took part').toBeGreaterThan(0);
    expect(b.sent, 'both workers took part').toBeGreaterThan(0);
    expect(server.requests).toHaveLength(40);
    const deliveries = server.requests.map((r) => String(r.headers['x-estatedesk-delivery']));
    expect(new Set(deliveries).size).toBe(40);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('start() delivers in the background and stop() waits for the run in progress', async () => {
    const server = await mailServer();
    await queue(entry());
    const worker = mailWorker(server);
    worker.start(20);
    for (let i = 0; i < 250 && server.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(server.messages).toHaveLength(1);
    expect((await rows())[0]?.status).toBe('sent');
  });
});

/** Another connection to the same database, as a second app instance would have. */
async function secondConnection(t: TestApp): Promise<DbHandle> {
  if (ENGINE === 'postgres') {
    const url = t.ctx.config.databaseUrl;
    if (!url) throw new Error('the PostgreSQL test app has no database URL');
    return openPostgres(url, 4);
  }
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(t.ctx.db);
  const main = rows.find((r) => r.name === 'main');
  if (!main?.file) throw new Error('the SQLite test database has no file');
  return openSqlite(main.file);
}

describe('outbox configuration', () => {
  it('reads the SMTP and webhook settings, and refuses a webhook without a secret', () => {
    expect(loadOutboxConfig({})).toEqual({
      smtpUrl: undefined,
      mailFrom: 'EstateDesk <estatedesk@localhost>',
      webhookUrl: undefined,
      webhookSecret: undefined,
    });
    expect(
      loadOutboxConfig({
        ESTATEDESK_SMTP_URL: 'smtp://127.0.0.1:2525',
        ESTATEDESK_MAIL_FROM: 'Office <office@harbour.example>',
        ESTATEDESK_WEBHOOK_URL: 'https://gateway.example/hooks',
        ESTATEDESK_WEBHOOK_SECRET: 's3cret',
      }),
    ).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      mailFrom: 'Office <office@harbour.example>',
      webhookUrl: 'https://gateway.example/hooks',
      webhookSecret: 's3cret',
    });
    expect(() => loadOutboxConfig({ ESTATEDESK_WEBHOOK_URL: 'https://gateway.example/hooks' })).toThrow(/ESTATEDESK_WEBHOOK_SECRET/);
    expect(() => loadOutboxConfig({ ESTATEDESK_SMTP_URL: 'http://mail.example' })).toThrow(/ESTATEDESK_SMTP_URL/);
  });
});
