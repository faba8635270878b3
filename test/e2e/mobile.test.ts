import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const PHONE = { width: 390, height: 844 };
const PROBLEM = '露台去水位仍然倒灌，地台有積水';
const ACTION = '清理露台去水位並重做防水層';

/** Whether the element lies wholly inside the phone's screen, left to right. */
async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width;
}

/** Whether a tap at the element's centre reaches the element, not something lying over it. */
async function reachable(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  if (!box) return false;
  const handle = await locator.elementHandle();
  return page.evaluate(
    ({ x, y, el }) => {
      const hit = document.elementFromPoint(x, y);
      return hit !== null && el !== null && (el === hit || el.contains(hit));
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2, el: handle },
  );
}

describe.skipIf(!haveChromium && !inCI)(
  'the desk on a 390 px phone: lists as cards, the notice bell in reach',
  { timeout: 180_000 },
  () => {
    let session: BrowserSession | undefined;
    let page: Page;
    let noticeCode = '';
    let caseNumber = '';
    let messageId = '';
    const shot = (name: string) => (session as BrowserSession).shot(name);

    beforeAll(async () => {
      session = await openBrowserSession({ prefix: 'mobile-', viewport: PHONE });
      const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
      const office = await Office.signIn(adminContext);
      const repair = await office.completedRepair(await office.staffId('lam.tm'), await office.unitId(7), '露台去水位淤塞，雨水倒灌入廳');
      caseNumber = repair.number;
      noticeCode = (await office.noticeFor(await office.followUpOf(repair.id), PROBLEM, ACTION)).code;
      const message = await office.post<{ id: string }>(
        `/estates/${office.estateId}/messages`,
        {
          callerName: '黃太',
          callerPhone: '9876 5432',
          unitId: await office.unitId(7),
          text: '露台仍然積水，請回電',
          forStaffId: await office.staffId('chan.mw'),
        },
        201,
      );
      messageId = message.id;

      page = session.page;
      const login = new LoginPage(page);
      await login.goto(session.server.url);
      await login.login('chan.mw', ADMIN_PASSWORD);
      await new AppShell(page).pageTitle().waitFor();
    }, 240_000);

    afterAll(async () => {
      await session?.close();
    });

    it('[R-RC-2] the rectification notices are cards: 簽收 is on screen without scrolling sideways, and one tap acknowledges', async () => {
      await page.goto('/rectification-notices');
      const card = page.locator(`[data-testid="notices-table"] [data-notice-code="${noticeCode}"]`);
      await card.waitFor();
      // A card, not a table row, with the fields named.
      expect(await page.locator('[data-testid="notices-table"] table').count()).toBe(0);
      const text = await seenText(card);
      expect(text).toContain(noticeCode);
      expect(text).toContain(caseNumber);
      expect(text).toContain(PROBLEM);
      expect(text).toContain('接收人');
      const acknowledge = card.getByTestId('notice-acknowledge');
      expect((await seenText(acknowledge)).replace(/\s/g, '')).toBe('簽收');
      expect(await acknowledge.isVisible()).toBe(true);
      expect(await onScreen(acknowledge)).toBe(true);
      expect(await onScreen(card)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shot('notices-as-cards');

      await acknowledge.click();
      await page.getByTestId('notice-acknowledge-form-submit').click();
      await expect.poll(() => card.getAttribute('data-status')).toBe('acknowledged');
      expect(await card.getByTestId('notice-acknowledge').count()).toBe(0);
      expect(await seenText(card)).toContain('已簽收');
    });

    it('the case list is cards with the number to open, nothing off to the right', async () => {
      await page.goto('/cases');
      const card = page.locator(`[data-testid="cases-table"] [data-case-number="${caseNumber}"]`);
      await card.waitFor();
      expect(await page.locator('[data-testid="cases-table"] table').count()).toBe(0);
      expect(await onScreen(card)).toBe(true);
      const open = card.getByTestId('case-open');
      expect(await onScreen(open)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await open.click();
      await page.waitForURL((url) => url.pathname.startsWith('/cases/') && url.pathname !== '/cases');
    });

    it('[R-PH-3] a message to call back is a card with the caller’s number to tap and the call-back button on screen', async () => {
      await page.goto('/messages');
      const card = page.locator(`[data-testid="messages-table"] [data-message-id="${messageId}"]`);
      await card.waitFor();
      expect(await page.locator('[data-testid="messages-table"] table').count()).toBe(0);
      expect(await card.getByTestId('message-phone').getAttribute('href')).toBe('tel:9876 5432');
      const done = card.getByTestId('message-callback');
      expect(await done.isVisible()).toBe(true);
      expect(await onScreen(done)).toBe(true);
      expect(await onScreen(card)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shot('messages-as-cards');
    });

    it('the notice bell stays on screen and answers a tap while the menu is open', async () => {
      await page.goto('/');
      const shell = new AppShell(page);
      await shell.pageTitle().waitFor();
      await page.locator('.ant-layout-sider-zero-width-trigger').waitFor();
      await shell.openMenuOnPhone();
      const bell = page.getByTestId('notice-bell');
      expect(await bell.isVisible()).toBe(true);
      expect(await onScreen(bell)).toBe(true);
      // Once the menu has slid open, a tap on the bell still reaches the bell.
      await expect.poll(() => reachable(page, bell)).toBe(true);
      // The menu lies open beside it.
      expect(await page.getByTestId('nav-cases-list').isVisible()).toBe(true);
      await shot('menu-open-bell-in-reach');
      await bell.click();
      const popover = page.locator('.ant-popover:visible');
      await popover.waitFor();
      expect(await seenText(popover)).toContain('通知');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    });
  },
);
