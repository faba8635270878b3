import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const DESK = { width: 1360, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A rule id (R-CP-4): it belongs in a tooltip, never in the text a person reads. */
const RULE_ID = /R-[A-Z]{2}-\d/;
/** An IANA zone id (Asia/Hong_Kong): the zone is named in the page's language instead. */
const ZONE_ID = /[A-Z][a-z]+\/[A-Z][a-z_]+/;
/**
 * The Latin words a Traditional Chinese screen may show: the product's name, file formats and
 * channels known by their letters and the keys of keyboard shortcuts. Text marked as another
 * language (lang="en": the switch's "English", the English desk script) is left out.
 */
/** HK: money in Hong Kong dollars reads HK$ in Traditional Chinese too. */
const ALLOWED_WORDS = new Set(['EstateDesk', 'PDF', 'CSV', 'XLSX', 'Excel', 'SMS', 'ID', 'Alt', 'Ctrl', 'Enter', 'Tab', 'HK']);

/** The sign-in names of the demo staff (chan.mw), shown as they are on the staff list. */
let usernames: string[] = [];

/** Latin words of two letters or more that are not allowed; emails, record numbers and sign-in names are left out first. */
function englishWords(text: string): string[] {
  let rest = text;
  for (const name of usernames) rest = rest.replace(new RegExp(`(^|[^\\w.])${name.replace('.', '\\.')}(?![\\w.])`, 'g'), '$1 ');
  const words = rest
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ')
    .replace(/\b[A-Z]{1,3}-?\d[\w-]*/g, ' ')
    .match(/[A-Za-z]{2,}/g);
  return [...new Set((words ?? []).filter((w) => !ALLOWED_WORDS.has(w)))];
}

interface Seen {
  route: string;
  ruleIds: string[];
  zoneIds: string[];
  english: string[];
}

/** Opens the route and waits until its page has loaded what it shows. */
async function visit(page: Page, route: string): Promise<Seen> {
  await page.goto(route);
  await page
    .locator(
      '[data-testid="page-title"], [data-testid="screen-forbidden"], .ant-result, [data-testid="notice-page"], [data-testid="receipt-page"], [data-testid="login-page"]',
    )
    .first()
    .waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 15_000 });
  // Lists and panels that load after the page's own query.
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 15_000 });
  // What is marked as another language (the English desk script, the switch's "English") is
  // meant to be so; the rest is the page's own Traditional Chinese. Script placeholders such
  // as {name} are typed as they are.
  const text = await page.evaluate(() => {
    // biome-ignore lint/performance/useDomNodeTextContent: the assertion is about the rendered text a user reads
    let seen = document.body.innerText;
    for (const other of document.querySelectorAll<HTMLElement>('body [lang]:not([lang="zh-Hant"])')) {
      // biome-ignore lint/performance/useDomNodeTextContent: as above
      seen = seen.replace(other.innerText, ' ');
    }
    return seen.replace(/\{\w+\}/g, ' ');
  });
  return {
    route,
    ruleIds: text.match(new RegExp(RULE_ID.source, 'g')) ?? [],
    zoneIds: text.match(new RegExp(ZONE_ID.source, 'g')) ?? [],
    english: englishWords(text),
  };
}

describe.skipIf(!haveChromium && !inCI)(
  'every screen in Traditional Chinese: no rule ids, no zone ids, no stray English',
  { timeout: 300_000 },
  () => {
    let session: BrowserSession | undefined;
    let office: Office;
    let routes: string[] = [];

    beforeAll(async () => {
      session = await openBrowserSession({ prefix: 'walk-', viewport: DESK });
      const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
      office = await Office.signIn(adminContext);
      const staff = await office.get<{ items: { username: string }[] }>(`/estates/${office.estateId}/staff?pageSize=100`);
      usernames = [...staff.items.map((s) => s.username), 'admin'];

      // Something on every screen: a repair followed up and found still leaking, its notice, a
      // complaint with a reply, a message for a colleague and a call.
      const repair = await office.completedRepair(await office.staffId('lam.tm'), await office.unitId(5), '廚房天花滲水，有水滴落');
      const followUpId = await office.followUpOf(repair.id);
      const notice = await office.noticeFor(followUpId, '廚房天花仍然滲水', '重做樓上浴室防水層');
      const complaint = await office.post<{ id: string }>(
        `/estates/${office.estateId}/cases`,
        { kind: 'complaint', channel: 'hotline', description: '平台花園晚上有人大聲喧嘩' },
        201,
      );
      await office.post(`/cases/${complaint.id}/replies`, { method: 'call', content: '已通知保安加強巡邏' });
      // A receipt at the fee counter: a key copy charged to a unit and paid in part.
      const keyCopy = await office.post<{ id: string }>(
        `/estates/${office.estateId}/fee-items`,
        { code: 'key-copy-walk', name: '複製鎖匙', basis: 'per_use', rate: 8_000, effectiveFrom: '2026-01-01' },
        201,
      );
      const feeUnitId = await office.unitId(6);
      await office.post(`/estates/${office.estateId}/fee-charges`, { unitId: feeUnitId, feeItemId: keyCopy.id, quantity: 1 }, 201);
      const receipt = await office.post<{ id: string }>(
        `/estates/${office.estateId}/fee-payments`,
        { unitId: feeUnitId, payer: '陳大文', method: 'fps', amount: 5_000 },
        201,
      );

      routes = [
        '/',
        '/my-work',
        '/presence',
        '/frontdesk',
        '/messages',
        '/cases',
        '/cases/new',
        '/cases/escalations',
        `/cases/${repair.id}`,
        `/cases/${complaint.id}`,
        '/followups',
        '/followups?queue=all',
        '/followups?queue=done',
        '/rain',
        '/spot-checks',
        '/rectification-notices',
        `/rectification-notices/${notice.id}`,
        '/fees',
        '/fees/charge-runs',
        '/fees/arrears',
        '/fees/cashier-days',
        `/fees/receipts/${receipt.id}`,
        '/units',
        '/residents',
        '/residents/portal-accounts',
        '/buildings',
        '/departments',
        '/staff',
        '/settings',
        '/settings/phrases',
        '/settings/fees',
        '/settings/desk-scripts',
        '/cases/not-a-case',
        '/no-such-screen',
      ];
    }, 240_000);

    afterAll(async () => {
      await session?.close();
    });

    /** Signs the person in, in a browser of their own at the size given, and walks every route. */
    async function walk(username: string, viewport: { width: number; height: number }): Promise<Seen[]> {
      const s = session as BrowserSession;
      const context: BrowserContext = await s.browser.newContext({ viewport, baseURL: s.server.url, timezoneId: BROWSER_TIME_ZONE });
      try {
        const page = await context.newPage();
        const login = new LoginPage(page);
        await login.goto(s.server.url);
        const seen = [await visit(page, '/login')];
        await login.login(username, ADMIN_PASSWORD);
        await page.waitForURL((url) => url.pathname !== '/login');
        expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
        for (const route of routes) seen.push(await visit(page, route));
        return seen;
      } finally {
        await context.close();
      }
    }

    /** The routes that show something they should not, with what. */
    const offending = (seen: Seen[]) => seen.filter((s) => s.ruleIds.length + s.zoneIds.length + s.english.length > 0);

    it('the manager at the desk', async () => {
      expect(offending(await walk('manager', DESK))).toEqual([]);
    });

    it('the company admin at the desk', async () => {
      expect(offending(await walk('admin', DESK))).toEqual([]);
    });

    it('the manager on a 390 px phone', async () => {
      expect(offending(await walk('manager', PHONE))).toEqual([]);
    });
  },
);
