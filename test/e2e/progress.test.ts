import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const RESIDENT = '溫嘉欣';

describe.skipIf(!haveChromium && !inCI)('staff web app: how residents are told of their cases (R-CP-5)', { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let estateId = '';
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'progress-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('admin', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    const me = (await (await page.request.get('/api/v1/auth/session')).json()) as { estates: { id: string }[] };
    estateId = me.estates[0]?.id ?? '';
  }, 180_000);

  afterAll(async () => session?.close());

  it("[R-CP-5] the resident form keeps the resident's language, channel and refused channels, and the database holds them", async () => {
    await page.goto('/residents');
    await page.getByTestId('residents-create').click();
    const form = page.getByTestId('resident-form');
    await page.getByTestId('resident-form-name').fill(RESIDENT);
    await form.locator('input[type="email"]').fill('wan@example.com');
    await form.getByTestId('resident-form-locale').getByText('英文', { exact: true }).click();
    await form.getByTestId('resident-form-channel').getByText('電郵', { exact: true }).click();
    await form.getByTestId('resident-form-opt-out').getByText('短訊', { exact: true }).click();
    expect(await seenText(form)).toContain('自動：有電話用短訊，否則電郵，否則住戶平台。');
    await shot('resident-preferences');
    await page.getByTestId('resident-form-submit').click();
    await form.locator('form').waitFor({ state: 'detached' });
    const found = (await (await page.request.get(`/api/v1/estates/${estateId}/residents?q=${encodeURIComponent(RESIDENT)}`)).json()) as {
      items: { locale: string; notifyChannel: string | null; optOut: Record<string, boolean> }[];
    };
    expect(found.items).toEqual([
      expect.objectContaining({ locale: 'en', notifyChannel: 'email', optOut: { sms: true, email: false, portal: false } }),
    ]);
  });

  it('[R-CP-5] the contact interval is set under 屋苑設定 with the other deadlines', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('estate-settings-form').waitFor();
    const interval = page.getByTestId('policy-progressIntervalDays');
    await expect.poll(() => interval.inputValue()).toBe('7');
    expect(await seenText(page.getByTestId('estate-settings-form'))).toContain('投訴跟進聯絡間隔');
    await interval.fill('5');
    await page.getByTestId('estate-settings-save').click();
    // The settings' own confirmation: the resident's, saved just before, may still be showing.
    await page.locator('.ant-message-success').filter({ hasText: '屋苑設定已儲存' }).waitFor();
    const estate = (await (await page.request.get(`/api/v1/estates/${estateId}`)).json()) as { policy: { progressIntervalDays: number } };
    expect(estate.policy.progressIntervalDays).toBe(5);
  });
});
