import { createHmac } from 'node:crypto';
import path from 'node:path';
import { type APIRequestContext, type APIResponse, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { FrontDeskPage } from './pages/FrontDeskPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { chooseOption } from './pages/select.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession, SCREENSHOTS } from './session.js';

const DESK = { width: 1440, height: 1000 };
// The first resident of the demo estate (A座 1A) has this phone number.
const CALLER_PHONE = '91007919';
const RECEPTION_EXTENSION = '201';

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(baseUrl);
  await login.login(username, ADMIN_PASSWORD);
  await new AppShell(page).waitUntilReady();
}

interface PbxCall {
  id: string;
  pbxCallId: string;
  state: string;
  ringingAt: string;
  answeredAt: string | null;
  durationSeconds: number | null;
  callLogId: string | null;
}

interface LoggedCall {
  id: string;
  startedAt: string;
  durationSeconds: number | null;
  callerPhone: string | null;
  unit: { number: string } | null;
}

/** One Master.csv line in cdr_csv's column order: accountcode … disposition, amaflags, uniqueid, userfield. */
function masterLine(c: {
  src: string;
  dst: string;
  clid: string;
  start: string;
  answer: string;
  end: string;
  disposition: string;
  id: string;
}) {
  const seconds = (a: string, b: string) =>
    a && b ? (Date.parse(`${b.replace(' ', 'T')}+08:00`) - Date.parse(`${a.replace(' ', 'T')}+08:00`)) / 1000 : 0;
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  return [
    q(''),
    q(c.src),
    q(c.dst),
    q('from-internal'),
    q(c.clid),
    q(`SIP/trunk-${c.id}`),
    q(`SIP/${c.dst}-${c.id}`),
    q('Dial'),
    q(`SIP/${c.dst},30`),
    q(c.start),
    q(c.answer),
    q(c.end),
    String(seconds(c.start, c.end)),
    String(seconds(c.answer, c.end)),
    q(c.disposition),
    q('DOCUMENTATION'),
    q(c.id),
    q(''),
  ].join(',');
}

// Three calls of one day in the estate's zone: answered in 4 s, answered late in 25 s, and missed.
const MASTER_CSV = `${[
  masterLine({
    src: '91234567',
    dst: '201',
    clid: '"陳大文" <91234567>',
    start: '2026-11-10 09:00:00',
    answer: '2026-11-10 09:00:04',
    end: '2026-11-10 09:02:04',
    disposition: 'ANSWERED',
    id: '1762736400.21',
  }),
  masterLine({
    src: '62345678',
    dst: '201',
    clid: '"李小美" <62345678>',
    start: '2026-11-10 10:00:00',
    answer: '2026-11-10 10:00:25',
    end: '2026-11-10 10:01:00',
    disposition: 'ANSWERED',
    id: '1762740000.22',
  }),
  masterLine({
    src: '53456789',
    dst: '201',
    clid: '"黃先生" <53456789>',
    start: '2026-11-10 11:00:00',
    answer: '',
    end: '2026-11-10 11:00:30',
    disposition: 'NO ANSWER',
    id: '1762743600.23',
  }),
].join('\n')}\n`;

describe.skipIf(!haveChromium && !inCI)(
  'the phone system: the caller on the desk while it rings, and three rings',
  { timeout: 180_000 },
  () => {
    let session: BrowserSession | undefined;
    let managerApi: APIRequestContext | undefined;
    let page: Page;
    let estateId: string;
    let estateCode: string;
    let secret: string;
    let managerCsrf: string;
    const staff = new Map<string, string>();
    const shot = (name: string) => (session as BrowserSession).shot(name);

    /** Sends a call event exactly as the PBX does: the raw JSON, signed with HMAC-SHA256 of "<timestamp>.<body>". */
    const sendEvent = async (event: Record<string, string>) => {
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
      const res = await fetch(`${session?.server.url}/api/v1/pbx/${encodeURIComponent(estateCode)}/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-EstateDesk-Timestamp': timestamp,
          'X-EstateDesk-Signature': `sha256=${signature}`,
        },
        body,
      });
      expect(res.status, await res.clone().text()).toBe(200);
    };

    beforeAll(async () => {
      session = await openBrowserSession({ prefix: 'pbx-', viewport: DESK });
      page = session.page;
      managerApi = await request.newContext({ baseURL: session.server.url });
      managerCsrf = (
        await json<{ csrfToken: string }>(
          await managerApi.post('/api/v1/auth/login', { data: { username: 'manager', password: ADMIN_PASSWORD } }),
          200,
        )
      ).csrfToken;
      const me = await json<{ estates: { id: string }[] }>(await managerApi.get('/api/v1/auth/session'), 200);
      estateId = me.estates[0]?.id ?? '';
      const list = await json<{ items: { id: string; username: string }[] }>(
        await managerApi.get(`/api/v1/estates/${estateId}/staff?pageSize=50`),
        200,
      );
      for (const s of list.items) staff.set(s.username, s.id);

      // The manager sets the receptionist's extension and makes the webhook's secret (through the API).
      const settings = await json<{ estateCode: string }>(
        await managerApi.put(`/api/v1/estates/${estateId}/pbx/settings`, {
          headers: { 'X-CSRF-Token': managerCsrf },
          data: { extensions: [{ extension: RECEPTION_EXTENSION, staffId: staff.get('chan.mw'), label: '前台' }] },
        }),
        200,
      );
      estateCode = settings.estateCode;
      secret = (
        await json<{ secret: string }>(
          await managerApi.post(`/api/v1/estates/${estateId}/pbx/secret`, { headers: { 'X-CSRF-Token': managerCsrf }, data: {} }),
          200,
        )
      ).secret;
    }, 240_000);

    afterAll(async () => {
      await managerApi?.dispose();
      await session?.close();
    });

    it('[R-PH-5][R-PH-4] a call ringing at the receptionist’s extension shows the caller’s unit and the greeting within 2 seconds, with no key pressed; answer and log keeps the PBX’s times', async () => {
      await signIn(page, session?.server.url ?? '', 'chan.mw');
      const frontDesk = new FrontDeskPage(page);
      await frontDesk.goto();
      const greeting = await seenText(frontDesk.greeting());
      const card = page.getByTestId('pbx-ringing');
      expect(await card.count()).toBe(0);

      const callId = `1764547200.${Date.now() % 100_000}`;
      const ringingAt = new Date(Date.now() - 20_000);
      const at = (seconds: number) => new Date(ringingAt.getTime() + seconds * 1000).toISOString();
      const event = { callId, from: CALLER_PHONE, callerName: '陳生', extension: RECEPTION_EXTENSION };

      const sent = Date.now();
      await sendEvent({ ...event, event: 'ringing', at: at(0) });
      // Nothing is pressed: the desk's own line is still idle while the card shows who is calling.
      await card.locator('[data-testid="pbx-ringing-caller"]').filter({ hasText: 'A座 1A' }).waitFor({ timeout: 2_000 });
      await card
        .getByTestId('pbx-ringing-greeting')
        .filter({ hasText: greeting })
        .waitFor({ timeout: Math.max(1, 2_000 - (Date.now() - sent)) });
      expect(Date.now() - sent).toBeLessThan(2_000);
      expect(await card.getAttribute('data-state')).toBe('ringing');
      expect(await seenText(card.getByTestId('pbx-ringing-number'))).toContain(CALLER_PHONE);
      expect(await frontDesk.phoneDesk().getAttribute('data-call')).toBe('idle');
      await shot('ringing');

      // Answered 7 s after it rang: the card follows.
      await sendEvent({ ...event, event: 'answered', at: at(7) });
      await page.locator('[data-testid="pbx-ringing"][data-state="answered"]').waitFor({ timeout: 2_000 });
      expect(await seenText(card.getByTestId('pbx-ringing-seconds'))).toMatch(/7/);

      // Answer and log: the form has the caller, their unit and (once the call ends) the PBX's length.
      await card.getByTestId('pbx-answer-log').click();
      const form = page.locator('.ant-modal:visible [data-testid="call-form"]');
      await form.waitFor();
      expect(await form.getByTestId('call-caller-phone').inputValue()).toBe(CALLER_PHONE);
      expect(await seenText(form.getByTestId('call-unit'))).toContain('A座 1A');

      await sendEvent({ ...event, event: 'ended', at: at(19) });
      await page.locator('[data-testid="pbx-ringing"][data-state="ended"]').waitFor({ timeout: 2_000 });
      await shot('answered-and-ended');
      await form.getByTestId('call-form-submit').click();
      await form.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="pbx-ringing"][data-logged="yes"]').waitFor();

      // The database: the PBX's call is matched to the new log entry, which starts when it rang and lasts as the PBX measured.
      const pbx = (
        await json<{ items: PbxCall[] }>(await page.request.get(`/api/v1/estates/${estateId}/pbx/calls?pageSize=100`), 200)
      ).items.find((c) => c.pbxCallId === callId);
      expect(pbx?.state).toBe('ended');
      expect(pbx?.callLogId).toBeTruthy();
      const calls = await json<{ items: LoggedCall[] }>(await page.request.get(`/api/v1/estates/${estateId}/calls?pageSize=100`), 200);
      const logged = calls.items.find((c) => c.id === pbx?.callLogId);
      if (!logged) throw new Error('the call log has no entry for the PBX call');
      expect(Date.parse(logged.startedAt)).toBe(Date.parse(at(0)));
      expect(logged.durationSeconds).toBe(pbx?.durationSeconds);
      expect(logged.callerPhone).toBe(CALLER_PHONE);
      expect(logged.unit?.number).toBe('1A');

      // Not in the not-logged list, on screen or in the API.
      const notLogged = await json<{ items: PbxCall[] }>(
        await page.request.get(`/api/v1/estates/${estateId}/pbx/calls?only=not_logged&pageSize=100`),
        200,
      );
      expect(notLogged.items.map((c) => c.id)).not.toContain(pbx?.id);
      await page.getByTestId('pbx-not-logged-card').waitFor();
      expect(await page.locator(`[data-testid="pbx-not-logged-row"][data-pbx-call-id="${pbx?.id}"]`).count()).toBe(0);
      await shot('logged');

      // A call answered and ended without "answer and log" waits in the not-logged list until it is logged from there.
      const otherId = `${callId}9`;
      const stranger = { callId: otherId, from: '61234567', extension: RECEPTION_EXTENSION };
      await sendEvent({ ...stranger, event: 'ringing', at: at(30) });
      await page.locator('[data-testid="pbx-ringing"][data-state="ringing"]').waitFor({ timeout: 2_000 });
      await card.getByTestId('pbx-ringing-unknown').waitFor();
      await sendEvent({ ...stranger, event: 'answered', at: at(33) });
      await sendEvent({ ...stranger, event: 'ended', at: at(50) });
      const waiting = page.locator('[data-testid="pbx-not-logged-row"]').filter({ hasText: '61234567' });
      await waiting.waitFor({ timeout: 5_000 });
      await waiting.getByTestId('pbx-log-it').click();
      await form.waitFor();
      expect(await form.getByTestId('call-caller-phone').inputValue()).toBe('61234567');
      await form.getByTestId('call-form-submit').click();
      await form.waitFor({ state: 'hidden' });
      await waiting.waitFor({ state: 'detached' });
      const other = (
        await json<{ items: PbxCall[] }>(await page.request.get(`/api/v1/estates/${estateId}/pbx/calls?pageSize=100`), 200)
      ).items.find((c) => c.pbxCallId === otherId);
      expect(other?.callLogId).toBeTruthy();
    });

    it('[R-PH-5] the manager saves an extension, imports a Master.csv after checking it, and the answer-times page shows the share in time', async () => {
      const context = await (session as BrowserSession).browser.newContext({ viewport: DESK, baseURL: session?.server.url });
      const manager = await context.newPage();
      try {
        await signIn(manager, session?.server.url ?? '', 'manager');
        await manager.goto('/settings/phone-system');
        const extensions = manager.getByTestId('pbx-extensions');
        await extensions.waitFor();
        await extensions.getByTestId('pbx-extension-add').click();
        const row = extensions.getByTestId('pbx-extension-row').last();
        await row.getByTestId('pbx-extension').fill('202');
        await chooseOption(manager, row.getByTestId('pbx-extension-staff'), '何志明');
        await row.getByTestId('pbx-extension-label').fill('經理');
        await extensions.getByTestId('pbx-extensions-save').click();
        await expect
          .poll(async () => {
            const saved = await json<{ extensions: { extension: string; staffId: string | null }[] }>(
              await manager.request.get(`/api/v1/estates/${estateId}/pbx/settings`),
              200,
            );
            return saved.extensions.find((e) => e.extension === '202')?.staffId ?? null;
          })
          .toBe(staff.get('manager'));
        expect(await seenText(manager.getByTestId('pbx-webhook-address'))).toContain(`/pbx/${estateCode}/events`);

        // The import: checked first (nothing written), then imported; a second time adds nothing.
        const importCard = manager.getByTestId('pbx-import');
        const pick = async () =>
          importCard
            .locator('input[type="file"]')
            .setInputFiles({ name: 'Master.csv', mimeType: 'text/csv', buffer: Buffer.from(MASTER_CSV, 'utf8') });
        await pick();
        await importCard.getByTestId('pbx-import-check').click();
        const result = importCard.getByTestId('pbx-import-result');
        await result.and(manager.locator('[data-dry-run="yes"]')).waitFor();
        expect(await result.getAttribute('data-added')).toBe('3');
        await importCard.getByTestId('pbx-import-run').click();
        await result.and(manager.locator('[data-dry-run="no"]')).waitFor();
        expect(await result.getAttribute('data-added')).toBe('3');
        expect(await seenText(result)).toContain('3');
        await manager.screenshot({ path: path.join(SCREENSHOTS, 'pbx-10-phone-system.png'), fullPage: true });
        await pick();
        await importCard.getByTestId('pbx-import-check').click();
        await result.and(manager.locator('[data-dry-run="yes"]')).waitFor();
        expect(await result.getAttribute('data-added')).toBe('0');
        expect(await result.getAttribute('data-known')).toBe('3');

        // Three rings on 10 November: one of three calls answered within 10 s (the late one and the missed one count against).
        await manager.goto('/phone/answer-times?from=2026-11-10&to=2026-11-10');
        const share = manager.getByTestId('answer-times-share');
        await share.waitFor();
        await expect.poll(() => seenText(share)).toContain('33.3%');
        expect(await seenText(manager.getByTestId('answer-times-missed'))).toContain('1');
        await manager.getByTestId('answer-times-chart').waitFor();
        expect(await manager.locator('[data-testid="answer-times-by-day-row"][data-key="2026-11-10"]').count()).toBe(1);
        const late = manager.getByTestId('answer-times-late-row');
        await late.first().waitFor();
        expect(await seenText(late.first())).toContain('62345678');
        await manager.screenshot({ path: path.join(SCREENSHOTS, 'pbx-11-answer-times.png'), fullPage: true });

        // The dashboard's front-desk row has today's calls answered within three rings and the missed ones.
        await manager.goto('/');
        const today = manager.getByTestId('dashboard-phone');
        await today.waitFor();
        await expect.poll(() => seenText(today.getByTestId('dashboard-phone-in-time'))).toMatch(/\d+ \/ [1-9]/);
        expect(await seenText(today.getByTestId('dashboard-phone-missed'))).toMatch(/\d/);
      } finally {
        await context.close();
      }
    });
  },
);
