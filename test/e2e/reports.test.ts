import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.js';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { Office } from './pages/Office.js';
import { ReportsPage } from './pages/ReportsPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const ZONE = 'Asia/Hong_Kong';

/** Last month in the demo estate's zone, and an instant on one of its days at an hour of its wall clock. */
function lastMonth(): { month: string; at: (day: number, hour: number) => string } {
  const parts = new Intl.DateTimeFormat('en', { timeZone: ZONE, year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  return {
    month: `${y}-${String(m).padStart(2, '0')}`,
    // Hong Kong keeps UTC+8 all year.
    at: (day, hour) => new Date(Date.UTC(y, m - 1, day, hour - 8)).toISOString(),
  };
}

interface Report {
  estate: { name: string };
  frozenAt: string | null;
  figures: {
    volumes: { byKind: { key: string; count: number }[] };
    rules: { rule: string; due: number; onTime: number; onTimeRate: number | null }[];
  };
}

/** A rate as the report page, its XLSX and its PDF show it: one decimal ("100.0%"). */
const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

describe.skipIf(!haveChromium && !inCI)('staff web app: the monthly service report and the head office', { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let office: Office;
  let reports: ReportsPage;
  const { month, at } = lastMonth();
  const complaint = { id: '', number: '' };
  const repair = { id: '', number: '' };
  let report: Report;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'reports-', viewport: { width: 1360, height: 900 } });
    page = session.page;
    const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
    office = await Office.signIn(adminContext);

    // Last month: a complaint on the hotline answered within the day (R-CP-1 met on time) and a repair at the counter.
    const made = await office.post<{ id: string; number: string }>(
      `/estates/${office.estateId}/cases`,
      {
        kind: 'complaint',
        channel: 'hotline',
        residentName: '陳大文',
        residentPhone: '91234567',
        description: '大堂冷氣機滴水，多次反映未有跟進',
        occurredAt: at(10, 10),
      },
      201,
    );
    Object.assign(complaint, made);
    await office.post(`/cases/${complaint.id}/replies`, { method: 'call', content: '已致電業戶，明日安排技工檢查', repliedAt: at(10, 15) });
    const fixed = await office.post<{ id: string; number: string }>(
      `/estates/${office.estateId}/cases`,
      {
        kind: 'repair',
        repairClass: 'other',
        channel: 'counter',
        unitId: await office.unitId(2),
        residentName: '李小姐',
        residentPhone: '92345678',
        description: '廚房水龍頭漏水',
        occurredAt: at(12, 9),
      },
      201,
    );
    Object.assign(repair, fixed);

    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('manager', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    reports = new ReportsPage(page);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it("last month's report is frozen, with its charts drawn in Traditional Chinese and each rule's rate as the server counts it", async () => {
    await reports.openMonthly(month);
    // The page's first reading froze the month; the API now answers the same frozen figures.
    report = await office.get<Report>(`/estates/${office.estateId}/reports/monthly/${month}`);
    expect(report.frozenAt).not.toBeNull();
    await reports.frozenTag().waitFor();
    expect(await seenText(reports.head())).toContain(report.estate.name);
    expect(await seenText(reports.head())).toContain(month);

    expect(await reports.chartText(reports.chart('rule-trend'))).toContain('各規則十二個月準時率');
    expect(await reports.chartText(reports.chart('cases-by-kind'))).toContain('報修');
    expect(await reports.chartText(reports.chart('follow-up-outcomes'))).toContain('回訪結果');
    expect(await reports.chartText(reports.chart('desk-waits'))).toContain('中位數');
    for (const chart of ['rule-trend', 'cases-by-kind'] as const) {
      expect(await reports.chart(chart).getAttribute('role')).toBe('img');
    }

    const reply = report.figures.rules.find((r) => r.rule === 'R-CP-1');
    expect(reply?.due).toBeGreaterThanOrEqual(1);
    expect(reply?.onTime).toBeGreaterThanOrEqual(1);
    expect(await seenText(reports.ruleRate('R-CP-1'))).toBe(percent(reply?.onTimeRate ?? 0));
    const repairs = report.figures.volumes.byKind.find((k) => k.key === 'repair')?.count ?? 0;
    expect(repairs).toBeGreaterThanOrEqual(1);
    expect(await seenText(reports.figure('cases.kind.repair'))).toBe(String(repairs));
    await shot('monthly');
  });

  it('a count opens the records behind it, and a record opens its case', async () => {
    await reports.openFigure('cases.kind.repair');
    const rows = reports.records().locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(Math.min(report.figures.volumes.byKind.find((k) => k.key === 'repair')?.count ?? 0, 25));
    expect(await seenText(reports.records())).toContain(repair.number);
    await shot('repair-records');
    await reports.records().getByRole('link', { name: repair.number }).click();
    await page.waitForURL((url) => url.pathname === `/cases/${repair.id}`);
    // The case's page comes in its own chunk; the report's title stays until it has loaded.
    await expect.poll(() => seenText(page.getByTestId('page-title'))).toContain(repair.number);

    // The deadlines behind a rule's figure: the complaint's reply met on time.
    await reports.openMonthly(month);
    await reports.openFigure('rules.R-CP-1.onTime');
    expect(await seenText(reports.records())).toContain(complaint.number);
    await page.keyboard.press('Escape');
    await reports.drawer().waitFor({ state: 'hidden' });
  });

  it('the XLSX opens as a workbook and the PDF holds the estate and the rule rates the page shows', async () => {
    await reports.openMonthly(month);
    const xlsx = await reports.download('report-xlsx');
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    const cells = workbook.worksheets.flatMap((sheet) => {
      const values: string[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => values.push(String(cell.text))));
      return values;
    });
    expect(cells).toContain('R-CP-1');

    const pdf = await reports.download('report-pdf');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const text = (await pdfText(fs.readFileSync(await pdf.path()))).text;
    expect(text).toContain(report.estate.name);
    expect(text).toContain('R-CP-1');
    expect(text).toContain(await seenText(reports.ruleRate('R-CP-1')));
  });

  it('the sweep runs on demand and says what it found', async () => {
    await reports.openMonthly(month);
    await page.getByTestId('report-sweep').click();
    const result = page.getByTestId('sweep-result');
    await page.getByTestId('sweep-breached').waitFor();
    expect(await seenText(result)).toMatch(/新逾期|沒有新的逾期項目/);
    await shot('sweep');
    await result.getByRole('button', { name: '關閉' }).first().click();
    await page.getByTestId('sweep-breached').waitFor({ state: 'hidden' });
  });

  it('the head office ranks the estate and draws its year', async () => {
    await reports.openHeadOffice(month);
    const row = reports.headOfficeTable().locator('tbody tr.ant-table-row').filter({ hasText: report.estate.name });
    expect(await row.count()).toBe(1);
    expect((await seenText(row.locator('td').first())).trim()).toBe('1');
    expect(await reports.chartText(reports.headOfficeChart())).toContain(report.estate.name);
    await shot('head-office');
  });

  it('in English the charts read in English', async () => {
    await reports.openMonthly(month);
    await new AppShell(page).switchLanguage('en');
    await expect.poll(() => reports.chartText(reports.chart('rule-trend'))).toContain('On-time rate per rule, twelve months');
    expect(await reports.chartText(reports.chart('cases-by-kind'))).toContain('Repair');
    expect(await reports.chartText(reports.chart('follow-up-outcomes'))).toContain('Follow-up outcomes');
    expect(await seenText(reports.ruleRate('R-CP-1'))).toBe(
      percent(report.figures.rules.find((r) => r.rule === 'R-CP-1')?.onTimeRate ?? 0),
    );
    await shot('monthly-en');
    await new AppShell(page).switchLanguage('zh-Hant');
  });
});
