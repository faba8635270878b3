import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const DESK = { width: 1360, height: 900 };

describe.skipIf(!haveChromium && !inCI)('mistyped links, a closed complaint and the add-estate form', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let office: Office;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'details-', viewport: DESK });
    const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
    office = await Office.signIn(adminContext);
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('manager', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('a case link with no case id in it (/cases/xyz) shows the page that is not there, not a form error', async () => {
    await page.goto('/cases/not-a-uuid');
    const missing = page.getByTestId('case-not-found');
    await missing.waitFor();
    expect(await seenText(missing)).toContain('找不到這個個案');
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    await shot('case-not-found');

    // The same for a notice, and a well-formed id of no case is not found either.
    await page.goto('/rectification-notices/xyz');
    await page.getByTestId('notice-not-found').waitFor();
    expect(await seenText(page.getByTestId('notice-not-found'))).toContain('找不到這份整改通知');
    await page.goto('/cases/00000000-0000-7000-8000-000000000000');
    await page.getByTestId('case-not-found').waitFor();
  });

  it('[R-CP-3] a closed complaint offers no reply composer; while it is open it does', async () => {
    const complaint = await office.post<{ id: string }>(
      `/estates/${office.estateId}/cases`,
      { kind: 'complaint', channel: 'hotline', description: '升降機大堂晚上燈光不足' },
      201,
    );
    await office.post(`/cases/${complaint.id}/replies`, { method: 'call', content: '已安排技工今晚檢查' });
    await office.post(`/cases/${complaint.id}/resolve`, { result: '已更換大堂光管' });
    await office.post(`/cases/${complaint.id}/satisfaction`, { satisfaction: 'satisfied' });

    await page.goto(`/cases/${complaint.id}`);
    await page.getByTestId('case-detail').waitFor();
    await page.locator('#reply-composer').waitFor();
    expect(await seenText(page.getByTestId('case-detail'))).toContain('回覆業戶及內部備註');

    await office.post(`/cases/${complaint.id}/close`, {});
    await page.reload();
    await page.locator('[data-testid="case-detail"][data-status="closed"]').waitFor();
    expect(await page.locator('#reply-composer').count()).toBe(0);
    expect(await seenText(page.getByTestId('case-detail'))).not.toContain('回覆業戶及內部備註');
    await shot('closed-complaint-no-composer');
  });

  it('the add-estate form over the settings form shares no field id with it: each label names its own field', async () => {
    // Estates are added by the company admin.
    const page = office.page;
    await page.goto('/settings');
    await page.getByTestId('estate-settings-form').waitFor();
    await page.getByTestId('estate-create').click();
    const dialog = page.getByTestId('estate-form');
    await dialog.locator('input').first().waitFor();
    const duplicated = await page.evaluate(() => {
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    });
    expect(duplicated).toEqual([]);
    // Every label of the dialog points at a field inside the dialog.
    const labels = await dialog.evaluate((root) =>
      [...root.querySelectorAll('label[for]')].map((label) => {
        const target = document.getElementById(label.getAttribute('for') ?? '');
        return { label: label.textContent, inside: target !== null && root.contains(target) };
      }),
    );
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const label of labels) expect(label, String(label.label)).toMatchObject({ inside: true });
    // A click on the name label puts the cursor in the dialog's name field.
    await dialog
      .locator('label', { hasText: /^屋苑名稱$/ })
      .first()
      .click();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="estate-form"]') !== null)).toBe(true);
  });
});
