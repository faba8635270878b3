import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasesPage } from './pages/CasesPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { Portal } from './pages/Portal.js';
import { PortalAccountsPage } from './pages/PortalAccountsPage.js';
import { chooseOption } from './pages/select.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1360, height: 900 };
const RESIDENT_PASSWORD = 'Balcony-view-2026';
const LEAK = '浴室天花滲水，水滴落地台';
const COMPLAINT = '平台花園晚上有人大聲喧嘩，影響休息';
const RESULT = '已通知保安晚上加強巡邏，並張貼告示提醒住戶';
/** The smallest PNG: one pixel, as a phone's camera would send a photo. */
const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

interface DemoResident {
  id: string;
  name: string;
  phone: string | null;
  units: { id: string }[];
}

/** Demo residents with a phone, a unit and a name no other resident has: those the office can invite and a test can find by name. */
async function invitableResidents(office: Office): Promise<DemoResident[]> {
  const page = await office.get<{ items: DemoResident[] }>(`/estates/${office.estateId}/residents?pageSize=200`);
  const named = (name: string) => page.items.filter((r) => r.name === name).length;
  return page.items.filter((r) => r.phone && r.units.length > 0 && named(r.name) === 1);
}

/** Whether the page is no wider than the phone: nothing hides off to the right. */
const fitsThePhone = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.skipIf(!haveChromium && !inCI)(
  "the residents' portal on a 390 px phone: sign in, report a leak with a photo, answer a complaint's satisfaction",
  { timeout: 240_000 },
  () => {
    let session: BrowserSession | undefined;
    let office: Office;
    let page: Page;
    let portal: Portal;
    let desk: Page;
    let deskContext: BrowserContext;
    let resident: DemoResident;
    let photoPath = '';
    const shot = (name: string) => (session as BrowserSession).shot(name);

    beforeAll(async () => {
      session = await openBrowserSession({ prefix: 'portal-', viewport: PHONE });
      const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
      office = await Office.signIn(adminContext);
      const residents = await invitableResidents(office);
      const first = residents[0];
      if (!first) throw new Error('the demo estate has no resident with a phone and a unit');
      resident = first;
      photoPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-photo-')), 'ceiling.png');
      fs.writeFileSync(photoPath, Buffer.from(PIXEL_PNG, 'base64'));

      // The receptionist's desk, in a browser of its own.
      deskContext = await session.browser.newContext({ viewport: DESK, baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
      desk = await deskContext.newPage();
      const login = new LoginPage(desk);
      await login.goto(session.server.url);
      await login.login('chan.mw', ADMIN_PASSWORD);
      await desk.waitForURL((url) => url.pathname !== '/login');

      page = session.page;
      portal = new Portal(page);
    }, 240_000);

    afterAll(async () => {
      if (photoPath) fs.rmSync(path.dirname(photoPath), { recursive: true, force: true });
      await session?.close();
    });

    it('[R-PT-1] the office invites a resident; they accept the code in the portal, sign out and sign in again with their phone and password', async () => {
      const invitation = await office.post<{ code: string; login: string }>(
        `/estates/${office.estateId}/residents/${resident.id}/portal-invitation`,
        { delivery: 'show' },
        201,
      );
      await portal.goto();
      expect(await portal.signInPage().isVisible()).toBe(true);
      await shot('sign-in');

      // A wrong code reads like any refused sign-in.
      await page.getByTestId('portal-mode-invitation').click();
      await page.getByTestId('portal-invitation-code').fill('ZZZZ-ZZZZ');
      await page.getByTestId('portal-invitation-submit').click();
      await expect.poll(() => seenText(portal.signInError())).toContain('不正確');

      await portal.acceptInvitation(invitation.code, RESIDENT_PASSWORD);
      expect(await seenText(page.getByTestId('portal-office'))).not.toBe('');
      expect(await fitsThePhone(page)).toBeLessThanOrEqual(PHONE.width);

      await portal.signOut();
      await portal.signIn(invitation.login, RESIDENT_PASSWORD);
      await portal.shell().waitFor();
      expect(await seenText(portal.title())).toBe('我的個案');
      await shot('my-cases-empty');
    });

    it('[R-IN-1] the resident reports a leak with a photo, sees it in their list, and the receptionist’s queue shows it without a reload', async () => {
      const cases = new CasesPage(desk);
      await cases.goto();
      const before = await cases.caseNumbers();

      const number = await portal.report({ kind: 'repair', repairClass: 'leak', description: LEAK, photos: [photoPath] });
      expect(number).toMatch(/\d/);
      expect(await page.getByTestId('portal-report-photos-failed').count()).toBe(0);
      await shot('reported');

      // The queue at the desk, as it stands: no reload.
      await expect.poll(() => cases.caseNumbers(), { timeout: 20_000 }).toContain(number);
      expect(before).not.toContain(number);
      const row = cases.rows().filter({ hasText: number });
      expect(await seenText(row)).toContain(LEAK);

      await portal.openCases();
      const card = portal.caseCard(number);
      await card.waitFor();
      expect(await seenText(card)).toContain(LEAK);
      expect(await seenText(card)).toContain('已收到');
      expect(await fitsThePhone(page)).toBeLessThanOrEqual(PHONE.width);
      await shot('list-with-leak');

      await card.click();
      await portal.detail().waitFor();
      expect(await seenText(portal.detail())).toContain('滲漏水');
      await expect.poll(() => portal.photos().count()).toBe(1);
      // The photo is the resident's to see: it loads through their own session.
      await expect
        .poll(
          () =>
            portal
              .photos()
              .first()
              .evaluate((el) => (el instanceof HTMLImageElement ? el : el.querySelector('img'))?.naturalWidth),
          { timeout: 10_000 },
        )
        .toBe(1);
      await shot('leak-detail');
    });

    it('[R-CP-3] a complaint the office replied to and handled: the resident answers satisfied, it closes, and the office sees the satisfaction', async () => {
      const number = await portal.report({ kind: 'complaint', description: COMPLAINT });
      const found = await office.get<{ items: { id: string; number: string }[] }>(
        `/estates/${office.estateId}/cases?q=${encodeURIComponent(number)}&pageSize=5`,
      );
      const complaint = found.items.find((c) => c.number === number);
      if (!complaint) throw new Error(`the office cannot find ${number}`);
      await office.post(`/cases/${complaint.id}/replies`, { method: 'call', content: '已致電住戶，會安排保安跟進' });
      await office.post(`/cases/${complaint.id}/resolve`, { result: RESULT });

      await portal.openCase(number);
      await portal.satisfactionQuestion().waitFor();
      const question = await seenText(portal.satisfactionQuestion());
      expect(question).toContain('你對處理結果滿意嗎？');
      expect(question).toContain(RESULT);
      expect(await seenText(portal.status())).toBe('請你回覆');
      expect(await seenText(page.getByTestId('portal-case-timeline'))).toContain('已致電住戶，會安排保安跟進');
      await shot('satisfaction-question');

      await portal.answerSatisfied();
      await expect.poll(() => seenText(portal.status())).toBe('已結案');
      expect(await seenText(portal.satisfactionAnswer())).toContain('滿意');
      expect(await portal.satisfactionQuestion().count()).toBe(0);
      await shot('complaint-closed');

      await desk.goto(`/cases/${complaint.id}`);
      const detail = desk.getByTestId('case-detail');
      await detail.waitFor();
      await expect.poll(() => detail.getAttribute('data-status')).toBe('closed');
      const satisfaction = desk.locator('[data-testid="timeline-event"][data-type="satisfaction"]');
      await satisfaction.first().waitFor();
      expect(await seenText(satisfaction.first())).toContain('滿意');
    });

    it('[R-CP-5] the resident chooses to be told in the portal, and reads the case number of a new report under notices', async () => {
      await portal.tab('account').click();
      const prefs = page.getByTestId('portal-preferences');
      await prefs.waitFor();
      await chooseOption(page, page.getByTestId('portal-preferences-channel'), '住戶平台');
      await page.getByTestId('portal-preferences-save').click();
      await expect.poll(() => seenText(page.locator('.ant-message'))).toContain('已儲存');

      const number = await portal.report({ kind: 'inquiry', description: '請問何時清洗水缸？' });
      await portal.tab('notices').click();
      await page.getByTestId('portal-messages').waitFor();
      // The office's outbox delivers portal messages within seconds; the list refreshes itself.
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('portal-messages').waitFor();
            return seenText(page.getByTestId('portal-messages'));
          },
          { timeout: 30_000, interval: 2_000 },
        )
        .toContain(number);
      await shot('portal-messages');
    });

    it('[R-PT-1] a resident opening the office’s screens gets the office’s sign-in, not an error', async () => {
      await page.goto('/cases');
      await page.getByTestId('login-page').waitFor();
      await page.goto('/portal');
      await portal.shell().waitFor();
    });
  },
);

describe.skipIf(!haveChromium && !inCI)("the office's portal accounts screen", { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let office: Office;

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'portal-accounts-', viewport: DESK });
    const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
    office = await Office.signIn(adminContext);
    const login = new LoginPage(session.page);
    await login.goto(session.server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    await session.page.waitForURL((url) => url.pathname !== '/login');
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('[R-PT-1] the receptionist invites a resident with the code shown large, and the accounts list shows them invited until the code expires', async () => {
    const s = session as BrowserSession;
    const resident = (await invitableResidents(office))[1];
    if (!resident) throw new Error('the demo estate has too few residents with a phone and a unit');
    const accounts = new PortalAccountsPage(s.page);

    await accounts.openResidents(resident.name);
    const row = accounts.residentRow(resident.name, resident.phone ?? '');
    expect(await seenText(row.getByTestId('portal-account-status'))).toBe('未邀請');
    const code = await accounts.inviteShowingCode(row);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(await seenText(accounts.inviteAddress())).toBe(`${s.server.url}/portal`);
    const expires = await seenText(accounts.inviteExpires());
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await s.page.getByTestId('invite-print').isVisible()).toBe(true);
    await s.shot('invitation-code');
    await accounts.closeInvitation();
    await expect.poll(() => seenText(row.getByTestId('portal-account-status'))).toBe('已邀請');

    // The screen is in the menu, under the directory.
    await s.page.getByTestId('nav-portal-accounts').click();
    await accounts.table().waitFor();
    await accounts.open('?status=invited');
    const account = accounts.row(resident.name);
    await account.waitFor();
    const text = await seenText(account);
    expect(text).toContain('已邀請');
    expect(text).toContain(expires);
    await s.shot('accounts-invited');

    // The office closes it: the row says disabled.
    await account.getByTestId('account-disable').click();
    await s.page.getByTestId('account-disable-confirm').click();
    await accounts.open('?status=disabled');
    await expect.poll(() => seenText(accounts.row(resident.name))).toContain('已停用');
  });
});
