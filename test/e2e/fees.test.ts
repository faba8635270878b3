import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { FeeItemsPage } from './pages/FeeItemsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

describe.skipIf(!haveChromium && !inCI)('staff web app: fee items (R-FE-1)', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let fees: FeeItemsPage;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'fees-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('manager', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    fees = new FeeItemsPage(page);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('R-FE-1: the manager finds 收費項目 under settings, the demo schedule shown as money per basis', async () => {
    await page.getByTestId('nav-fee-items').click();
    await page.waitForURL((url) => url.pathname === '/settings/fees');
    await fees.waitForList();
    expect(await seenText(page.getByTestId('page-title'))).toContain('收費項目');
    const management = fees.rowsOf('管理費').filter({ hasText: '2026-04-01' });
    expect(await seenText(management)).toContain('每平方米每月 HK$2.85');
    expect(await seenText(management)).toContain('2026-04-01 起');
    expect(await seenText(fees.rowsOf('搬運按金'))).toContain('定額 HK$2,000.00');
  });

  it('R-FE-1: a new item is shown in HK$, a new rate ends it the day before, and an overlapping period is refused on its first day', async () => {
    await fees.create({
      code: 'window-cleaning',
      name: '外牆清洗費',
      basis: '每單位每月',
      amount: '120.5',
      from: '2026-01-01',
      approvalRef: 'OC/2025/12',
    });
    await fees.closedForm();
    const first = fees.rowsOf('外牆清洗費');
    await expect.poll(() => seenText(first)).toContain('每單位每月 HK$120.50');
    expect(await seenText(first)).toContain('2026-01-01 起');
    expect(await seenText(first)).toContain('OC/2025/12');

    await fees.startNewRate(first, '2027-01-01', '130');
    await expect.poll(() => fees.rowsOf('外牆清洗費').count()).toBe(2);
    const periods = fees.rowsOf('外牆清洗費');
    await expect.poll(() => seenText(periods.filter({ hasText: '2027-01-01 起' }))).toContain('每單位每月 HK$130.00');
    expect(await seenText(periods.filter({ hasText: 'HK$120.50' }))).toContain('2026-01-01 至 2026-12-31');
    await shot('fees-new-rate');

    await fees.create({ code: 'window-cleaning', name: '外牆清洗費', basis: '每單位每月', amount: '99', from: '2026-06-01' });
    const fieldError = fees.form().locator('.ant-form-item-has-error').filter({ hasText: '生效日期' });
    await expect.poll(() => seenText(fieldError), { timeout: 10_000 }).toContain('2026-01-01 – 2026-12-31');
    expect(await seenText(fees.form().getByTestId('fee-form-error'))).not.toBe('');
    await shot('fees-overlap');
    await page
      .getByTestId('fee-form')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await fees.closedForm();
    expect(await fees.rowsOf('外牆清洗費').count()).toBe(2);
  });

  it("R-FE-1: the estate's fee currency is set under 屋苑設定, a new item is charged in it, and retiring keeps its period on the list", async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('estate-settings-form').waitFor();
    const currency = page.getByTestId('policy-currency');
    await expect.poll(() => currency.inputValue()).toBe('HKD');
    await currency.fill('MOP');
    await page.getByTestId('estate-settings-save').click();
    await page.locator('.ant-message-success').waitFor();

    await page.getByTestId('nav-fee-items').click();
    await fees.waitForList();
    await fees.create({ code: 'pool', name: '泳池年費', basis: '定額', amount: '800', from: '2026-01-01' });
    await fees.closedForm();
    await expect.poll(() => seenText(fees.rowsOf('泳池年費'))).toMatch(/定額 MOP\$?\s?800\.00/);
    await fees.retire(fees.rowsOf('泳池年費'), '2026-12-31');
    await expect.poll(() => seenText(fees.rowsOf('泳池年費'))).toContain('已停用');
    expect(await seenText(fees.rowsOf('泳池年費'))).toContain('2026-01-01 至 2026-12-31');
    expect(await fees.rowsOf('泳池年費').getByTestId('fee-new-rate').count()).toBe(0);
    // What was charged in HK$ stays in HK$.
    expect(await seenText(fees.rowsOf('搬運按金'))).toContain('定額 HK$2,000.00');
  });

  it('R-FE-1: a receptionist reads the schedule from the menu and is offered no change', async () => {
    const { csrfToken } = (await (await page.request.get('/api/v1/auth/session')).json()) as { csrfToken: string };
    const out = await page.request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': csrfToken }, data: {} });
    expect(out.status()).toBeLessThan(300);
    const login = new LoginPage(page);
    await login.goto((session as BrowserSession).server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    await page.getByTestId('nav-fee-items').click();
    await fees.waitForList();
    await expect.poll(() => seenText(fees.rowsOf('補領門禁卡'))).toContain('每次 HK$150.00');
    expect(await page.getByTestId('fee-items-create').count()).toBe(0);
    expect(await page.getByTestId('fee-new-rate').count()).toBe(0);
    expect(await page.getByTestId('fee-edit').count()).toBe(0);
  });
});
