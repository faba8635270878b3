import { DateTime } from 'luxon';
import type { APIResponse, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf.js';
import { AppShell } from './pages/AppShell.js';
import { FollowUpsPage } from './pages/FollowUpsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NoticePrintPage } from './pages/NoticePrintPage.js';
import { RainPage } from './pages/RainPage.js';
import { SpotChecksPage } from './pages/SpotChecksPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1360, height: 900 };
const LEAK = '浴室天花板滲水，牆身有水漬';
const WORDS = '浴室天花仍然有水滴落，昨晚下雨後更嚴重';
const PROBLEM = '浴室天花仍滲水，修補位置周邊有新水漬';
const ACTION = '重新檢查樓上單元浴室防水層，更換損壞喉管並重做防水';

/**
 * Text as a reader extracts it from a PDF or a page, without the spaces and line breaks layout
 * adds. A PDF's font may map a character such as 水 to its Kangxi radical look-alike (⽔); NFKC
 * folds them back.
 */
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

interface Desk {
  estateId: string;
  timeZone: string;
  csrf: string;
}

/** The signed-in person's estate and CSRF token, for set-up steps done through the API. */
async function deskOf(page: Page): Promise<Desk> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  return { estateId: session.estates[0].id, timeZone: session.estates[0].timeZone, csrf: session.csrfToken };
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

interface Repair {
  caseId: string;
  number: string;
  unit: string;
  completedAt: string;
}

/**
 * A leak repair as the desk records it, started by a maintenance worker and completed
 * (which schedules its follow-ups, R-FU-1 and R-FU-2). Times may lie in the past.
 */
async function completedLeakRepair(page: Page, desk: Desk, times: { occurredAt: string; completedAt: string }): Promise<Repair> {
  const headers = { 'X-CSRF-Token': desk.csrf };
  const units = await json<{ items: { id: string; buildingName: string; number: string }[] }>(
    await page.request.get(`/api/v1/estates/${desk.estateId}/units?page=1&pageSize=1`),
    200,
  );
  const unit = units.items[0];
  if (!unit) throw new Error('the demo estate has no units');
  const staff = await json<{ items: { id: string; username: string }[] }>(
    await page.request.get(`/api/v1/estates/${desk.estateId}/staff?role=maintenance&pageSize=50`),
    200,
  );
  const worker = staff.items.find((s) => s.username === 'lam.tm');
  if (!worker) throw new Error('the demo estate has no lam.tm');
  const created = await json<{ id: string; number: string }>(
    await page.request.post(`/api/v1/estates/${desk.estateId}/cases`, {
      headers,
      data: {
        kind: 'repair',
        repairClass: 'leak',
        channel: 'phone',
        unitId: unit.id,
        residentName: '陳大文',
        residentPhone: '91234567',
        description: LEAK,
        occurredAt: times.occurredAt,
      },
    }),
    201,
  );
  await json(
    await page.request.post(`/api/v1/cases/${created.id}/repair/start`, {
      headers,
      data: { maintenanceStaffId: worker.id, startedAt: times.occurredAt },
    }),
    200,
  );
  await json(
    await page.request.post(`/api/v1/cases/${created.id}/repair/complete`, {
      headers,
      data: { workDone: '更換浴室去水位並重做防水', completedAt: times.completedAt },
    }),
    200,
  );
  return { caseId: created.id, number: created.number, unit: `${unit.buildingName} ${unit.number}`, completedAt: times.completedAt };
}

describe.skipIf(!haveChromium && !inCI)('staff web app: follow-ups, notices and spot checks in the browser', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let desk: Desk;
  let repair: Repair;
  let noticeId = '';
  let noticeCode = '';
  let noticeUnit = '';
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'followups-', viewport: DESK });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    desk = await deskOf(page);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('[R-FU-1][R-FU-2] a completed leak repair is in the queue, due 72 h after completion, and awaits rain for its second visit', async () => {
    const completedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    repair = await completedLeakRepair(page, desk, { occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), completedAt });

    // The receptionist takes the follow-up on the phone-sized screen in the corridor.
    await page.setViewportSize(PHONE);
    const queue = new FollowUpsPage(page);
    await queue.goto();
    const card = queue.card(repair.number);
    await card.waitFor();
    const due = DateTime.fromISO(completedAt).setZone(desk.timeZone).plus({ hours: 72 }).toFormat('yyyy-MM-dd HH:mm');
    expect(await seenText(card.getByTestId('followup-due-at'))).toContain(due);
    // The rule is named in words, its id on hover.
    expect(await seenText(card.getByTestId('followup-due'))).not.toMatch(/R-[A-Z]{2}-\d/);
    expect(await card.getByTestId('followup-rule').getAttribute('title')).toBe('R-FU-1');
    expect(await seenText(card.getByTestId('followup-unit'))).toBe(repair.unit);
    expect(await seenText(card)).toContain('房屋滲漏水');
    expect(await queue.queueCount('open')).toBeGreaterThanOrEqual(1);
    // The card fits the phone: nothing sticks out to the right.
    const box = await card.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await shot('queue-on-phone');

    // R-FU-2: the after-rain visit has no due time until it rains.
    await queue.openQueue('awaiting_rain');
    const waiting = queue.card(repair.number, 'after_rain');
    await waiting.waitFor();
    expect(await waiting.getByTestId('followup-due').getAttribute('data-state')).toBe('awaiting_rain');
    expect(await seenText(waiting)).toContain('等待下雨');

    // The case itself lists both visits.
    await page.goto(`/cases/${repair.caseId}`);
    const panel = page.getByTestId('case-followups');
    await panel.waitFor();
    const kinds = await panel.getByTestId('case-followup').evaluateAll((items) => items.map((i) => i.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(['after_rain', 'repair']);
  });

  it('[R-FU-4][R-RC-1] the follow-up is recorded on the phone with the resident’s words, a score and a problem', async () => {
    const queue = new FollowUpsPage(page);
    await queue.goto();
    await queue.openRecordForm(repair.number);
    // Submitting "problem" without saying what the problem is is refused on that field.
    await queue.fillRecord({ result: 'problem', words: WORDS, satisfaction: 2 });
    await page.getByTestId('followup-form-submit').click();
    await expect.poll(() => seenText(queue.form())).toContain('請填寫「發現的問題」');
    await queue.fillRecord({ result: 'problem', problem: PROBLEM });
    await shot('record-form-on-phone');
    await queue.saveRecordByKeyboard();

    // Recorded: it leaves the open queue and shows under done, with the words as said.
    await expect.poll(() => queue.card(repair.number).count()).toBe(0);
    await queue.openQueue('done');
    const done = queue.card(repair.number);
    await done.waitFor();
    expect(await done.getAttribute('data-result')).toBe('problem');
    expect(await seenText(done.getByTestId('followup-words-shown'))).toBe(WORDS);
    expect(await seenText(done.getByTestId('followup-problem-shown'))).toContain(PROBLEM);
    expect(await seenText(done)).toContain('滿意度 2/5');
    // R-RC-1: the written notice is now due within 24 h.
    expect(await done.getByTestId('followup-rectification-rule').getAttribute('title')).toBe('R-RC-1');
    expect(await seenText(done.getByTestId('followup-rectification'))).toContain('發出整改通知');
    await shot('recorded-problem-on-phone');
  });

  it('[R-RC-1][R-RC-2] a notice is issued from the follow-up and prints as one A4 page with signature lines', async () => {
    const queue = new FollowUpsPage(page);
    const issuing = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/rectification-notices'));
    await queue.issueNotice(repair.number, ACTION);
    // The form sends the key it made when it opened, so a second click cannot take a second number.
    expect((await issuing).headers()['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    const notice = new NoticePrintPage(page);
    await notice.waitUntilLoaded();
    await page.setViewportSize(DESK);
    noticeId = notice.noticeId();
    noticeCode = await notice.text(notice.code());
    noticeUnit = await notice.text(notice.unit());
    expect(noticeCode).toMatch(/^\d{4}-\d{4}$/);
    expect(noticeUnit).toBe(repair.unit);
    expect(await notice.text(notice.caseNumber())).toBe(repair.number);
    // The recipient defaults to the maintenance worker who did the repair.
    expect(await notice.text(notice.recipient())).toBe('林大明');
    expect(await seenText(notice.sheet())).toContain(ACTION);
    expect(await seenText(notice.signatures())).toContain('接收人簽署');
    expect(await notice.pdfLink().getAttribute('href')).toBe(`/api/v1/rectification-notices/${noticeId}/pdf?locale=zh-Hant`);
    // The footer names the zone as a reader of Chinese would, with no zone id or rule id in it.
    const footer = await seenText(page.locator('footer.ed-print-foot'));
    expect(footer).toBe(`通知編號 ${noticeCode} · 時間以香港標準時間為準`);
    await shot('notice-on-screen');
    await page.emulateMedia({ media: 'print' });
    await shot('notice-as-printed');

    const pdf = await notice.printToPdf();
    const printed = await pdfText(pdf);
    expect(printed.pages).toBe(1);
    expect(squeeze(printed.text)).toContain(noticeCode);
    expect(squeeze(printed.text)).toContain(squeeze(noticeUnit));
    expect(squeeze(printed.text)).toContain('整改');
    expect(squeeze(printed.text)).toContain(squeeze(ACTION));
    expect(printed.text).not.toMatch(/R-RC|Asia\//);
    // The app's chrome is not printed: no menu, no buttons.
    expect(printed.text).not.toContain('回訪列表');
    expect(printed.text).not.toContain('列印');
  });

  it('[R-RC-2] the server’s own PDF of the notice is one page with the same number', async () => {
    const response = await page.request.get(`/api/v1/rectification-notices/${noticeId}/pdf`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('application/pdf');
    const served = await pdfText(await response.body());
    expect(served.pages).toBe(1);
    expect(squeeze(served.text)).toContain(noticeCode);
    expect(squeeze(served.text)).toContain('整改');
    // Words for the reader: no rule id, no zone id.
    expect(served.text).not.toMatch(/R-RC|Asia\//);
  });

  it('[R-RC-2][R-FU-2] the dashboard counts the unacknowledged notice and the repair awaiting rain; the office records the signed copy', async () => {
    await page.goto('/');
    const figure = (testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value');
    await figure('dashboard-notices-unacknowledged').waitFor();
    expect(Number(await seenText(figure('dashboard-notices-unacknowledged')))).toBeGreaterThanOrEqual(1);
    expect(Number(await seenText(figure('dashboard-awaiting-rain')))).toBeGreaterThanOrEqual(1);
    expect(await seenText(page.getByTestId('dashboard-followups-leak'))).toContain('滲漏水維修回訪');
    await shot('dashboard-followups');

    await page.getByTestId('dashboard-notices-unacknowledged').locator('a').click();
    await page.waitForURL((url) => url.pathname === '/rectification-notices' && url.searchParams.get('status') === 'unacknowledged');
    const row = page.locator(`[data-testid="notices-table"] tr[data-notice-code="${noticeCode}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('issued');
    await row.getByTestId('notice-acknowledge').click();
    await page.getByTestId('notice-acknowledge-form-submit').click();
    await expect.poll(() => page.locator(`[data-testid="notices-table"] tr[data-notice-code="${noticeCode}"]`).count()).toBe(0);
    await page.goto(`/rectification-notices/${noticeId}`);
    const notice = new NoticePrintPage(page);
    await notice.sheet().waitFor();
    expect(await notice.text(page.getByTestId('notice-acknowledged'))).toContain('陳美華');
    await shot('notice-acknowledged');
  });

  it('[R-FU-2][R-FU-3] rain recorded by hand makes the after-rain visit due 48 h after it ends; a weather file is previewed, imported once, and seen as a duplicate after', async () => {
    const rain = new RainPage(page);
    await rain.goto();
    const local = (d: DateTime) => d.setZone(desk.timeZone).toFormat('yyyy-MM-dd HH:mm');
    const start = DateTime.fromISO(repair.completedAt).plus({ minutes: 20 }).startOf('minute');
    const end = start.plus({ minutes: 25 });
    await rain.recordRain(local(start), local(end), '12.5');
    const recorded = rain.rows().filter({ hasText: local(start) });
    await recorded.waitFor();
    expect(await seenText(recorded.getByTestId('rain-followups-opened'))).toBe('1');
    expect(await seenText(recorded)).toContain('人手記錄');
    await shot('rain-recorded');

    const queue = new FollowUpsPage(page);
    await queue.goto();
    const afterRain = queue.card(repair.number, 'after_rain');
    await afterRain.waitFor();
    expect(await seenText(afterRain.getByTestId('followup-due-at'))).toContain(local(end.plus({ hours: 48 })));
    expect(await afterRain.getByTestId('followup-rule').getAttribute('title')).toBe('R-FU-2');
    expect(await seenText(afterRain.getByTestId('followup-rain'))).toContain(local(start));

    // Yesterday's hourly readings: two wet hours in a row are one rain.
    const day = DateTime.now().setZone(desk.timeZone).minus({ days: 1 }).toFormat('yyyy-MM-dd');
    const csv = `time,rainfall_mm\n${day} 06:00,0\n${day} 07:00,3.5\n${day} 08:00,6\n${day} 09:00,0\n`;
    await rain.goto();
    await rain.openImport();
    await rain.previewCsv('rain.csv', csv);
    expect(await seenText(rain.preview())).toContain('1 場新降雨');
    expect(await seenText(page.getByTestId('rain-import-events'))).toContain(`${day} 07:00`);
    expect(
      await rain
        .rows()
        .filter({ hasText: `${day} 07:00` })
        .count(),
    ).toBe(0);
    await shot('rain-import-preview');
    await rain.confirmImport();
    expect(await seenText(rain.result())).toContain('已匯入 1 場雨');
    await rain.closeImport();
    await rain
      .rows()
      .filter({ hasText: `${day} 07:00` })
      .waitFor();

    await rain.openImport();
    await rain.previewCsv('rain.csv', csv);
    expect(await seenText(rain.preview())).toContain('1 場已有記錄');
    expect(await page.getByTestId('rain-import-submit').isDisabled()).toBe(true);
    await rain.closeImport();
  });

  it('[R-FU-5] the manager draws last month’s spot check, sees seed, population and sample, and records a verdict', async () => {
    // The receptionist reads the spot checks (the office's) but does not draw one: that is the manager's.
    await page.getByTestId('nav-spot-checks').click();
    await page.getByTestId('spot-checks-table').waitFor();
    expect(await page.getByTestId('spot-draw').count()).toBe(0);

    // A leak repair followed up last month (estate time), so last month has something to check.
    const lastMonth = DateTime.now().setZone(desk.timeZone).minus({ months: 1 }).startOf('month');
    const earlier = await completedLeakRepair(page, desk, {
      occurredAt: lastMonth.plus({ days: 9, hours: 10 }).toUTC().toISO() ?? '',
      completedAt: lastMonth.plus({ days: 11, hours: 15 }).toUTC().toISO() ?? '',
    });
    const followUps = await json<{ items: { id: string; kind: string }[] }>(
      await page.request.get(`/api/v1/estates/${desk.estateId}/follow-ups?queue=all&caseId=${earlier.caseId}`),
      200,
    );
    const visit = followUps.items.find((f) => f.kind === 'repair');
    if (!visit) throw new Error('the earlier repair has no follow-up');
    await json(
      await page.request.post(`/api/v1/follow-ups/${visit.id}/record`, {
        headers: { 'X-CSRF-Token': desk.csrf },
        data: {
          method: 'phone',
          result: 'ok',
          residentWords: '已經無再漏水，多謝',
          satisfaction: 5,
          occurredAt: lastMonth.plus({ days: 13, hours: 11 }).toUTC().toISO(),
        },
      }),
      200,
    );

    const context = await (session as BrowserSession).browser.newContext({
      viewport: DESK,
      baseURL: session?.server.url,
      timezoneId: BROWSER_TIME_ZONE,
    });
    const managerPage = await context.newPage();
    try {
      const login = new LoginPage(managerPage);
      await login.goto(session?.server.url ?? '');
      await login.login('manager', ADMIN_PASSWORD);
      await new AppShell(managerPage).waitUntilReady();
      await managerPage.getByTestId('nav-spot-checks').waitFor();

      const checks = new SpotChecksPage(managerPage);
      await checks.goto();
      await checks.draw();
      expect(await seenText(checks.detail())).toContain(lastMonth.toFormat('yyyy-MM'));
      expect((await seenText(checks.seed())).trim()).toMatch(/^[A-Za-z0-9-]{4,64}$/);
      const population = Number(await seenText(checks.population()));
      const sample = Number(await seenText(checks.sampleSize()));
      expect(population).toBeGreaterThanOrEqual(1);
      // At least max(3, 10 %), or all of them when fewer than 3.
      expect(sample).toBe(population < 3 ? population : Math.max(3, Math.ceil(population / 10)));
      const item = checks.items().filter({ hasText: earlier.number });
      await item.waitFor();
      await managerPage.screenshot({ path: `test-output/screenshots/followups-90-spot-check-drawn.png`, fullPage: true });

      await checks.recordVerdict(item, 'confirmed', '再致電業戶，確認已無漏水');
      await expect.poll(() => item.getAttribute('data-verdict')).toBe('confirmed');
      expect(await seenText(item.getByTestId('spot-item-verdict-by'))).toContain('何志明');
      await managerPage.screenshot({ path: `test-output/screenshots/followups-91-spot-check-verdict.png`, fullPage: true });

      // The policy numbers these rules read are on the estate's settings, with their defaults.
      await managerPage.goto('/settings');
      await managerPage.getByTestId('estate-settings-form').waitFor();
      expect(await managerPage.getByTestId('policy-unreachableAfterAttempts').inputValue()).toBe('3');
      expect(await managerPage.getByTestId('policy-rainThresholdMm').inputValue()).toBe('0.5');
      expect(await managerPage.getByTestId('policy-rainfallPlace').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });
});
