import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { ExportsPage } from './pages/ExportsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

describe.skipIf(!haveChromium && !inCI)('staff web app: period exports', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let exportsPage: ExportsPage;
  let office: Office;

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'exports-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    office = await Office.signIn(await session.browser.newContext({ baseURL: session.server.url }));
    // Cases of the last months, one with a description of several lines (a quoted cell in CSV).
    for (const [i, daysAgo] of [3, 40, 200].entries())
      await office.post(
        `/estates/${office.estateId}/cases`,
        {
          kind: 'inquiry',
          channel: 'phone',
          residentName: `匯出測試${i}`,
          description: i === 1 ? '第一行\n第二行\n第三行' : `查詢管理費${i}`,
          occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
        },
        201,
      );
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('manager', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    exportsPage = new ExportsPage(page);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the manager downloads a year of cases as CSV: the saved file holds the rows the count answers, headers in Chinese', async () => {
    await exportsPage.open();
    expect(await seenText(page.getByTestId('page-title'))).toContain('匯出資料');
    const today = DateTime.now().setZone('Asia/Hong_Kong');
    const from = today.minus({ days: 364 }).toFormat('yyyy-MM-dd');
    const to = today.toFormat('yyyy-MM-dd');
    await exportsPage.chooseDataset('個案');
    await exportsPage.choosePeriod(from, to);
    await exportsPage.chooseFormat('CSV');
    const { name, content } = await exportsPage.download();
    await session?.shot('csv-done');

    const estateCode = name.split('-cases-')[0];
    expect(name).toBe(`${estateCode}-cases-${from}-${to}.csv`);
    const table = parse(content.toString('utf8'), { bom: true }) as string[][];
    expect(table[0]?.slice(0, 3)).toEqual(['個案編號', '發生時間', '記錄時間']);
    const rows = table.slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // The page's count of the rows, and the server's, are the file's.
    const { rows: count } = await office.get<{ rows: number }>(`/estates/${office.estateId}/exports/cases/count?from=${from}&to=${to}`);
    expect(rows.length).toBe(count);
    expect(rows.map((r) => r[9])).toEqual(expect.arrayContaining(['匯出測試0', '匯出測試1', '匯出測試2']));
    expect(rows.find((r) => r[9] === '匯出測試1')?.[11]).toBe('第一行\n第二行\n第三行');
    await expect.poll(() => seenText(exportsPage.doneText())).toContain(`${count}`);
    for (const row of rows) expect(String(row[1]).slice(0, 10) >= from && String(row[1]).slice(0, 10) <= to, row.join(',')).toBe(true);
  });
});
