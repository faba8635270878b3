import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { seenText } from './pages/text.js';
import { UnitsPage } from './pages/UnitsPage.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

// Row 3 of the spreadsheet (the header is row 1) has a floor that is not a number.
const UNITS_WITH_BAD_FLOOR = ['building,number,floor,area_m2', 'A座,99A,99,55.5', 'A座,99B,abc,60', 'A座,99C,99,48'].join('\n');
const UNITS_FIXED = ['building,number,floor,area_m2', 'A座,99A,99,55.5', 'A座,99B,99,60', 'A座,99C,99,48'].join('\n');

describe.skipIf(!haveChromium && !inCI)('staff web app: directory in the browser', { timeout: 60_000 }, () => {
  let session: BrowserSession | undefined;
  let server: BrowserSession['server'] | undefined;
  let page: Page;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: '', viewport: { width: 1360, height: 860 } });
    server = session.server;
    page = session.page;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('signs the admin in and shows the dashboard in Traditional Chinese', async () => {
    const login = new LoginPage(page);
    await login.goto(server?.url ?? '');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    expect(await seenText(login.root())).toContain('登入');
    await shot('login-zh-hant');

    await login.login('admin', ADMIN_PASSWORD);
    const shell = new AppShell(page);
    await shell.waitUntilReady();
    const nav = await shell.navLabels();
    expect(nav).toEqual(expect.arrayContaining(['總覽', '職員動態', '單元', '業戶', '樓座', '部門', '職員', '屋苑設定']));
    expect(await seenText(shell.sideNav())).toContain('收費項目');
    expect(await seenText(shell.estateSwitcher())).toContain('誠基公寓');
    await page.getByTestId('dashboard-units').locator('.ant-statistic-content-value').waitFor();
    expect(await seenText(page.getByTestId('dashboard-units'))).toMatch(/單元數目\s*200/);
    await shot('dashboard-zh-hant');
  });

  it('switches the interface to English with one click and back to 繁體', async () => {
    const shell = new AppShell(page);
    await shell.switchLanguage('en');
    await expect
      .poll(() => shell.navLabels())
      .toEqual(expect.arrayContaining(['Dashboard', 'Presence board', 'Units', 'Residents', 'Estate settings']));
    expect(await seenText(shell.pageTitle())).toContain('at a glance');
    expect(await seenText(shell.sideNav())).toContain('Fee items');
    await shot('dashboard-en');

    // antd's own texts follow the language too (the page-size changer of the table).
    await shell.open('units');
    expect(await seenText(page.getByTestId('units-table'))).toContain('Unit number');
    expect(await seenText(page.locator('.ant-pagination'))).toContain('/ page');
    await shot('units-en');

    await shell.switchLanguage('zh-Hant');
    await expect.poll(() => shell.navLabels()).toEqual(expect.arrayContaining(['總覽', '單元', '業戶']));
    expect(await seenText(page.getByTestId('units-table'))).toContain('單元編號');
    // The choice is remembered across a reload.
    await page.reload();
    await shell.waitUntilReady();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
    await shot('units-zh-hant');
  });

  it('rejects a units CSV whose row 3 has floor "abc": the error table names row 3, column floor, and nothing is imported', async () => {
    const shell = new AppShell(page);
    await shell.open('units');
    const units = new UnitsPage(page);
    await units.waitForTable();

    await units.openImport();
    await units.importFile('units-bad.csv', UNITS_WITH_BAD_FLOOR);
    await units.importErrors().waitFor();
    const errors = await units.importErrorRows();
    // The bad cell is shown back as the file has it.
    expect(errors).toContainEqual(expect.objectContaining({ row: '3', column: 'floor', value: 'abc' }));
    expect(errors.every((e) => e.row === '3')).toBe(true);
    expect(await seenText(units.nothingImported())).toContain('沒有匯入任何資料');
    await shot('import-rejected-row-3');

    await units.closeImport();
    await units.search('99');
    await expect.poll(() => units.unitNumbers()).toEqual([]);
    await units.emptyPlaceholder().waitFor();
    await shot('units-search-99-empty');
  });

  it('imports the corrected CSV: 3 created, and searching 99 finds 99A, 99B and 99C', async () => {
    const units = new UnitsPage(page);
    await units.openImport();
    await units.importFile('units-fixed.csv', UNITS_FIXED);
    await units.importResult().waitFor();
    expect(await units.createdCount()).toBe(3);
    expect(await seenText(units.importResult())).toMatch(/新增\s*3\s*項/);
    await shot('import-done-3-created');

    await units.closeImport();
    await units.search('99');
    await expect.poll(() => units.unitNumbers()).toEqual(['99A', '99B', '99C']);
    expect(await seenText(units.rows().first())).toContain('A座');
    await shot('units-search-99-found');
  });

  it('the import dialog hands out a template: a CSV whose header row the import reads, which imports as it is', async () => {
    const units = new UnitsPage(page);
    await units.openImport();
    const downloading = page.waitForEvent('download');
    await units.templateLink().click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('units-template.csv');
    const file = fs.readFileSync(await download.path(), 'utf8');
    expect(file.replace(/^\uFEFF/, '').trim()).toBe('building,number,floor,area_m2');

    // Filled in with one row, it imports.
    await units.importFile('units-template.csv', `${file.trimEnd()}\r\nA座,98A,98,40\r\n`);
    await units.importResult().waitFor();
    expect(await units.createdCount()).toBe(1);
    await units.closeImport();
  });
});
