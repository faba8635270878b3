import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { PublicPageSettings } from './pages/PublicPageSettings.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const REPAIR_HANT = '請致電 2555 0101 或親臨大堂接待窗口報修，職員會即時登記。';
const REPAIR_EN = 'Call 2555 0101 or come to the counter in the lobby; we log it at once.';
const ANNOUNCEMENT = '十二月三日上午九時至十二時停水';

describe.skipIf(!haveChromium && !inCI)("the estate's public page in the browser (R-PB-1)", { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let settings: PublicPageSettings;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'public-page-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('manager', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    settings = new PublicPageSettings(page);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('R-PB-1: a manager edits, previews and publishes; the public address shows it without a session in zh-Hant and en', async () => {
    await settings.open();
    expect(await seenText(settings.status())).not.toMatch(/\d/);
    await settings.fillNumbers('2555 0101', '2555 0999');
    await settings.fillText('zh-Hant', 'officeHours', '每日上午八時至晚上八時');
    await settings.fillText('zh-Hant', 'repairProcedure', REPAIR_HANT);
    await settings.fillText('en', 'officeHours', 'Daily, 8 am to 8 pm');
    await settings.fillText('en', 'repairProcedure', REPAIR_EN);
    await settings.save();
    await settings.addAnnouncement(ANNOUNCEMENT, '請預先儲水。', true);

    await settings.preview();
    const preview = await seenText(settings.previewFrame().locator('body'));
    expect(preview).toContain(REPAIR_HANT);
    expect(preview).toContain('滲漏水 72 小時內');
    expect(preview).toContain(ANNOUNCEMENT);
    await shot('preview');
    await settings.closePreview();

    await settings.publish();
    expect(await seenText(settings.status())).toContain('1');
    expect(await seenText(settings.versions().first())).toContain('1');
    await shot('published');

    // Someone with no session, in a browser of their own.
    const address = await settings.address().getAttribute('href');
    expect(address).toBe('/p/cka');
    const stranger = await (session as BrowserSession).browser.newContext({ baseURL: (session as BrowserSession).server.url });
    const visitor = await stranger.newPage();
    try {
      const answer = await visitor.goto(address ?? '');
      expect(answer?.status()).toBe(200);
      expect(answer?.headers()['content-type']).toBe('text/html; charset=utf-8');
      const hant = await seenText(visitor.locator('body'));
      expect(hant).toContain('誠基公寓');
      expect(hant).toContain(REPAIR_HANT);
      expect(hant).toContain('2555 0999');
      expect(hant).toContain('每日上午八時至晚上八時');
      expect(hant).toContain('滲漏水 72 小時內');
      expect(hant).toContain(`緊急${ANNOUNCEMENT}`);
      expect(hant).not.toContain(REPAIR_EN);
      await visitor.screenshot({ path: 'test-output/screenshots/public-page-03-public-zh-Hant.png', fullPage: true });

      await visitor.getByRole('link', { name: 'English' }).click();
      await visitor.waitForURL((url) => url.searchParams.get('lang') === 'en');
      const en = await seenText(visitor.locator('body'));
      expect(en).toContain(REPAIR_EN);
      expect(en).toContain('Daily, 8 am to 8 pm');
      expect(en).toContain('leaks within 72 hours');
      expect(en).not.toContain(REPAIR_HANT);
      await visitor.screenshot({ path: 'test-output/screenshots/public-page-04-public-en.png', fullPage: true });
    } finally {
      await stranger.close();
    }
  });
});
