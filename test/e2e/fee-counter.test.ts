import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.js';
import { AppShell } from './pages/AppShell.js';
import { FeeCounterPage } from './pages/FeeCounterPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

/** HK$1,234.56 as the receipt writes it in words (R-FE-2). */
const PAID = '1234.56';
const PAID_MINOR = 123_456;
const PAID_FIGURES = 'HK$1,234.56';
const PAID_WORDS = '港幣壹仟貳佰參拾肆圓伍角陸分';

/** The amount in figures as the counter shows it in Traditional Chinese. */
const figures = (minor: number) =>
  new Intl.NumberFormat('zh-Hant', { style: 'currency', currency: 'HKD', minimumFractionDigits: 2 }).format(minor / 100);

interface Unit {
  id: string;
  buildingName: string;
  number: string;
}

describe.skipIf(!haveChromium && !inCI)('staff web app: fees at the counter (R-FE-2, R-FE-3)', { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let office: Office;
  let counter: FeeCounterPage;
  let unit: Unit;
  let balanceBefore = 0;
  let receiptNumber = '';
  const shot = (name: string) => (session as BrowserSession).shot(name);

  async function signInAs(username: string): Promise<void> {
    const s = session as BrowserSession;
    const current = await page.request.get('/api/v1/auth/session');
    if (current.ok()) {
      const { csrfToken } = (await current.json()) as { csrfToken: string };
      await page.request.post('/api/v1/auth/logout', { headers: { 'X-CSRF-Token': csrfToken }, data: {} });
    }
    const login = new LoginPage(page);
    await login.goto(s.server.url);
    await login.login(username, ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
  }

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'fee-counter-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
    office = await Office.signIn(adminContext);

    // A fee item of the schedule and a charge of it to a unit (two key copies of HK$1,000.00).
    const units = await office.get<{ items: Unit[] }>(`/estates/${office.estateId}/units?page=3&pageSize=1`);
    unit = units.items[0] as Unit;
    const item = await office.post<{ id: string }>(
      `/estates/${office.estateId}/fee-items`,
      { code: 'key-copy-e2e', name: '複製鎖匙（測試）', basis: 'per_use', rate: 100_000, effectiveFrom: '2026-01-01' },
      201,
    );
    await office.post(`/estates/${office.estateId}/fee-charges`, { unitId: unit.id, feeItemId: item.id, quantity: 2 }, 201);
    const account = await office.get<{ balance: number }>(`/estates/${office.estateId}/fee-accounts/${unit.id}`);
    balanceBefore = account.balance;
    expect(balanceBefore).toBeGreaterThan(PAID_MINOR);

    await signInAs('chan.mw');
    counter = new FeeCounterPage(page);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('R-FE-3: the counter looks the unit up from the keyboard and sees what it owes, oldest first', async () => {
    await counter.goto();
    await counter.findUnit(`${unit.buildingName} ${unit.number}`, unit.number);
    await expect.poll(() => counter.balanceText()).toBe(figures(balanceBefore));
    expect(await seenText(counter.payForm())).toContain('複製鎖匙（測試）');
    await shot('account');
  });

  it('R-FE-2: a partial payment confirmed before its number is taken; the receipt in figures and capital numerals, and thanks', async () => {
    const asked = await counter.pay(PAID);
    expect(asked).toContain(figures(PAID_MINOR));
    expect(asked).toContain(PAID_WORDS);
    expect(asked).toContain(unit.number);
    receiptNumber = await seenText(page.getByTestId('receipt-taken-number'));
    expect(receiptNumber).toMatch(/^\d{4}-\d{4,}$/);
    expect(await seenText(page.getByTestId('receipt-taken-amount'))).toBe(figures(PAID_MINOR));
    expect(await seenText(page.getByTestId('receipt-taken-words'))).toBe(PAID_WORDS);
    expect(await seenText(counter.thanks())).toContain('多謝您');
    await expect.poll(() => counter.balanceText()).toBe(figures(balanceBefore - PAID_MINOR));
    await shot('receipt-taken');
  });

  it('R-FE-2: the receipt prints on one A5 page, and its PDF (with the session cookie) has the amount in figures and in words', async () => {
    const href = await page.getByTestId('receipt-pdf').getAttribute('href');
    expect(href).toBeTruthy();
    const response = await page.request.get(href as string);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const pdf = await pdfText(await response.body());
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain(receiptNumber);
    expect(pdf.text).toContain(PAID_FIGURES);
    expect(pdf.text).toContain(PAID_WORDS);

    // The browser's own print of the receipt page: one A5 page with the same words.
    await page.getByTestId('receipt-open').click();
    await page.getByTestId('receipt-sheet').waitFor();
    expect(await seenText(page.getByTestId('receipt-amount-words'))).toBe(PAID_WORDS);
    await shot('receipt-page');
    await page.emulateMedia({ media: 'print' });
    const printed = await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain(receiptNumber);
    expect(printed.text).toContain(PAID_WORDS);
  });

  it('R-FE-2: a manager voids the receipt with a reason; it shows VOID and the balance returns to what it was', async () => {
    await signInAs('manager');
    await counter.goto();
    await counter.findUnit(`${unit.buildingName} ${unit.number}`, unit.number);
    await expect.poll(() => counter.balanceText()).toBe(figures(balanceBefore - PAID_MINOR));
    await counter.openReceipts();
    await counter.voidReceipt(receiptNumber, '收款金額輸入錯誤');
    await expect.poll(() => seenText(counter.receiptRow(receiptNumber))).toContain('已作廢');
    expect(await counter.receiptRow(receiptNumber).getByTestId('receipt-void').count()).toBe(0);
    await expect.poll(() => counter.balanceText()).toBe(figures(balanceBefore));
    await shot('voided');

    // The receipt keeps its number and says void wherever it is read.
    const payments = await office.get<{ items: { receiptNumber: string; voided: boolean }[] }>(
      `/estates/${office.estateId}/fee-payments?unitId=${unit.id}`,
    );
    expect(payments.items.find((p) => p.receiptNumber === receiptNumber)?.voided).toBe(true);
    const account = await office.get<{ balance: number }>(`/estates/${office.estateId}/fee-accounts/${unit.id}`);
    expect(account.balance).toBe(balanceBefore);
  });

  it("R-FE-4: the cashier's day lists the receipt in number order, marked void; the cashier closes it and the manager checks it", async () => {
    await signInAs('chan.mw');
    await page.getByTestId('nav-cashier-days').click();
    const mine = page.getByTestId('cashier-day-mine');
    await mine.getByTestId('cashier-day-receipts').waitFor();
    const row = mine.locator('[data-testid="cashier-day-receipts"] tbody tr').filter({ hasText: receiptNumber });
    await expect.poll(() => seenText(row)).toContain('已作廢');
    expect(await seenText(row)).toContain(figures(PAID_MINOR));
    expect(await seenText(mine.getByTestId('cashier-day-methods'))).toContain('現金');
    await mine.getByTestId('cashier-day-close').click();
    await page.getByTestId('cashier-day-close-note').fill('現金已點算');
    await page.getByTestId('cashier-day-close-form-submit').click();
    await expect.poll(() => mine.getByTestId('cashier-day-state').first().getAttribute('data-state')).toBe('closed');
    expect(await mine.getByTestId('cashier-day-close').count()).toBe(0);
    await shot('day-closed');

    await signInAs('manager');
    await page.getByTestId('nav-cashier-days').click();
    const closed = page.locator('[data-testid="cashier-days-table"] tbody tr.ant-table-row').filter({ hasText: '已結賬' }).first();
    await closed.click();
    const drawer = page.locator('.ant-drawer [data-testid="cashier-day"]');
    await drawer.getByTestId('cashier-day-check').click();
    await page.getByTestId('cashier-day-check-form-submit').click();
    await expect.poll(() => drawer.getByTestId('cashier-day-state').getAttribute('data-state')).toBe('checked');
    expect(await drawer.getByTestId('cashier-day-check').count()).toBe(0);
    await shot('day-checked');
    await page.keyboard.press('Escape');
  });

  it("R-FE-3: the manager previews the month's charges, runs them and watches the run finish; a second look has nothing left to create", async () => {
    await page.getByTestId('nav-charge-runs').click();
    const toCreate = page.getByTestId('charge-run-to-create');
    await toCreate.waitFor();
    await expect.poll(() => seenText(toCreate)).toMatch(/^[1-9]\d* · HK\$/);
    await shot('charge-run-preview');
    await page.getByTestId('charge-run-start').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('charge-run-progress').getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    await expect.poll(() => seenText(toCreate)).toMatch(/^0 · HK\$0\.00/);
    expect(await seenText(page.getByTestId('charge-runs-table'))).toContain('已完成');
    await shot('charge-run-done');
  });

  it('R-FE-3: arrears by unit in four age bands; the reminder letter of a row is a PDF; the dashboard shows the fee figures', async () => {
    await page.getByTestId('nav-arrears').click();
    const rows = page.locator('[data-testid="arrears-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    for (const band of ['0–30 日', '31–90 日', '91–180 日', '超過 180 日'])
      expect(await seenText(page.getByTestId('arrears-table').locator('thead'))).toContain(band);
    const href = await rows.first().getByTestId('arrears-reminder').getAttribute('href');
    const letter = await page.request.get(href as string);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('application/pdf');
    await shot('arrears');

    await page.getByTestId('nav-dashboard').click();
    const fees = page.getByTestId('dashboard-fees');
    await fees.waitFor();
    await expect.poll(() => seenText(fees.getByTestId('dashboard-fee-arrears'))).toMatch(/HK\$[1-9]/);
    expect(await seenText(fees)).toContain('今日收款');
  });
});
