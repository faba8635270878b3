import { DateTime } from 'luxon';
import type { APIResponse, Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { FollowUpsPage } from './pages/FollowUpsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NoticePrintPage } from './pages/NoticePrintPage.js';
import { SpotChecksPage } from './pages/SpotChecksPage.js';
import { chooseOption } from './pages/select.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

/**
 * Issue 13, defects 3, 6 and 10 (follow-up parts), replayed as the desk lives them: an Enter
 * pressed in a date picker must not issue a numbered notice or save a dialog; a numbered action
 * names its number before taking it; a late spot-check draw reads late, in red; a follow-up's
 * result, a complaint's closing result and a case's follow-up deadline are what they are.
 */

const DESK = { width: 1360, height: 900 };
const DAY = 86_400_000;
const ACTION = '重新檢查樓上單元浴室防水層，更換損壞喉管並重做防水';
const PROBLEM = '浴室天花仍滲水，修補位置周邊有新水漬';

interface Desk {
  estateId: string;
  timeZone: string;
  csrf: string;
}

async function deskOf(page: Page): Promise<Desk> {
  const session = await (await page.request.get('/api/v1/auth/session')).json();
  return { estateId: session.estates[0].id, timeZone: session.estates[0].timeZone, csrf: session.csrfToken };
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The text field of an antd date picker, wherever the picker puts its test id. */
function pickerInput(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Types a value into a picker as a person does, then presses Enter (with Ctrl when asked). */
async function typeInPicker(page: Page, input: Locator, value: string, key = 'Enter'): Promise<void> {
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press(key);
}

/** A repaint and a round trip's worth of time: what an accidental submit would need to show itself. */
const settle = (page: Page) => page.waitForTimeout(800);

describe.skipIf(!haveChromium && !inCI)(
  'numbered actions, spot checks and follow-up results in the browser (issue 13)',
  { timeout: 180_000 },
  () => {
    let session: BrowserSession | undefined;
    let page: Page;
    let desk: Desk;
    const shot = (name: string) => (session as BrowserSession).shot(name);
    const headers = () => ({ 'X-CSRF-Token': desk.csrf });
    const db = () => (session as BrowserSession).server.ctx.db;

    /** What the database holds: the estate's notices and how far its notice counter has gone. */
    async function noticesInDb(): Promise<{ count: number; counter: number }> {
      const notices = await db().selectFrom('rectification_notices').select('id').where('estate_id', '=', desk.estateId).execute();
      const counter = await db()
        .selectFrom('counters')
        .select('value')
        .where('estate_id', '=', desk.estateId)
        .where('name', '=', 'rectification_notice')
        .executeTakeFirst();
      return { count: notices.length, counter: Number(counter?.value ?? 0) };
    }

    /** A leak repair completed at the given time; its follow-ups are scheduled (R-FU-1, R-FU-2). */
    async function completedLeakRepair(p: Page, times: { occurredAt: string; completedAt: string }) {
      const units = await json<{ items: { id: string }[] }>(
        await p.request.get(`/api/v1/estates/${desk.estateId}/units?page=1&pageSize=1`),
        200,
      );
      const staff = await json<{ items: { id: string; username: string }[] }>(
        await p.request.get(`/api/v1/estates/${desk.estateId}/staff?role=maintenance&pageSize=50`),
        200,
      );
      const worker = staff.items.find((s) => s.username === 'lam.tm');
      const created = await json<{ id: string; number: string }>(
        await p.request.post(`/api/v1/estates/${desk.estateId}/cases`, {
          headers: headers(),
          data: {
            kind: 'repair',
            repairClass: 'leak',
            channel: 'phone',
            unitId: units.items[0]?.id,
            residentName: '陳大文',
            residentPhone: '91234567',
            description: '浴室天花板滲水，牆身有水漬',
            occurredAt: times.occurredAt,
          },
        }),
        201,
      );
      await json(
        await p.request.post(`/api/v1/cases/${created.id}/repair/start`, {
          headers: headers(),
          data: { maintenanceStaffId: worker?.id, startedAt: times.occurredAt },
        }),
        200,
      );
      await json(
        await p.request.post(`/api/v1/cases/${created.id}/repair/complete`, {
          headers: headers(),
          data: { workDone: '更換浴室去水位並重做防水', completedAt: times.completedAt },
        }),
        200,
      );
      const followUps = await json<{ items: { id: string; kind: string; status: string }[] }>(
        await p.request.get(`/api/v1/estates/${desk.estateId}/follow-ups?queue=all&caseId=${created.id}`),
        200,
      );
      const visit = followUps.items.find((f) => f.kind === 'repair');
      if (!visit) throw new Error('the repair has no follow-up');
      return { caseId: created.id, number: created.number, followUpId: visit.id };
    }

    /** A repair done two hours ago whose follow-up found a problem: a notice is now due (R-RC-1). */
    async function repairWithProblem() {
      const repair = await completedLeakRepair(page, {
        occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        completedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      });
      await json(
        await page.request.post(`/api/v1/follow-ups/${repair.followUpId}/record`, {
          headers: headers(),
          data: {
            method: 'phone',
            result: 'problem',
            residentWords: '仲有水滴落',
            satisfaction: 2,
            problem: PROBLEM,
            // Found ten minutes ago, so a notice typed as issued five minutes ago comes after it.
            occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
          },
        }),
        200,
      );
      return repair;
    }

    beforeAll(async () => {
      session = await openBrowserSession({ prefix: 'numbered-', viewport: DESK });
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

    it('[R-RC-2] defect 3: Enter in the notice dialog’s date pickers issues no notice, takes no number, and the database holds none', async () => {
      const repair = await repairWithProblem();
      const queue = new FollowUpsPage(page);
      await queue.goto('done');
      const posted: Request[] = [];
      const watch = (r: Request) => {
        if (r.method() === 'POST' && r.url().endsWith('/rectification-notices')) posted.push(r);
      };
      page.on('request', watch);
      try {
        await queue.openNoticeForm(repair.number, ACTION);
        await expect.poll(() => seenText(page.getByTestId('notice-form-keys'))).toContain('Ctrl+Enter');

        // The receptionist moves the deadline to another day and presses Enter, as in any field.
        const deadline = DateTime.now().setZone(desk.timeZone).plus({ days: 5 }).set({ hour: 17, minute: 30 }).toFormat('yyyy-MM-dd HH:mm');
        const deadlineInput = pickerInput(page, 'notice-deadline');
        await typeInPicker(page, deadlineInput, deadline);
        await settle(page);
        // The picker took the date; the dialog is still open, asking nothing, and nothing was sent.
        expect(await deadlineInput.inputValue()).toBe(deadline);
        expect(await queue.noticeForm().locator('form').isVisible()).toBe(true);
        expect(await queue.noticeConfirm().count()).toBe(0);
        // The same in the issue-time picker.
        const issuedAt = DateTime.now().setZone(desk.timeZone).minus({ minutes: 5 }).toFormat('yyyy-MM-dd HH:mm');
        await typeInPicker(page, pickerInput(page, 'notice-issued-at'), issuedAt);
        await settle(page);
        expect(await queue.noticeForm().locator('form').isVisible()).toBe(true);
        expect(await queue.noticeConfirm().count()).toBe(0);
        expect(posted).toHaveLength(0);
        expect(await noticesInDb()).toEqual({ count: 0, counter: 0 });
        await shot('enter-in-picker-issues-nothing');

        // Ctrl+Enter asks first, naming the number the notice will take.
        const year = DateTime.now().setZone(desk.timeZone).year;
        const code = `${year}-0001`;
        await deadlineInput.click();
        await page.keyboard.press('Control+Enter');
        await queue.noticeConfirm().waitFor();
        await expect.poll(() => seenText(page.getByTestId('notice-confirm-text'))).toContain(`整改通知 ${code}`);
        expect(await seenText(page.getByTestId('notice-form-confirm-ok'))).toContain(code);
        await shot('confirmation-names-the-number');
        // Going back issues nothing either.
        await page.getByTestId('notice-form-confirm-cancel').click();
        await queue.noticeConfirm().waitFor({ state: 'detached' });
        expect(posted).toHaveLength(0);
        expect(await noticesInDb()).toEqual({ count: 0, counter: 0 });

        // The button asks the same question; the answer issues the notice with the number named.
        await page.getByTestId('notice-form-submit').click();
        await queue.noticeConfirm().waitFor();
        await expect.poll(() => seenText(page.getByTestId('notice-confirm-text'))).toContain(code);
        await page.getByTestId('notice-form-confirm-ok').click();
        const notice = new NoticePrintPage(page);
        await notice.waitUntilLoaded();
        expect(await notice.text(notice.code())).toBe(code);
        expect(posted).toHaveLength(1);
        expect(await noticesInDb()).toEqual({ count: 1, counter: 1 });
        const printedDeadline = await seenText(notice.sheet());
        expect(printedDeadline).toContain(deadline);
      } finally {
        page.off('request', watch);
      }
    });

    it('defect 3: Enter in the presence dialog’s return-time picker saves nothing; the save button does', async () => {
      const staff = await json<{ items: { id: string; username: string; name: string }[] }>(
        await page.request.get(`/api/v1/estates/${desk.estateId}/staff?pageSize=50`),
        200,
      );
      const colleague = staff.items.find((s) => s.username === 'lee.kf');
      if (!colleague) throw new Error('the demo estate has no lee.kf');
      const stateOf = async () => {
        const board = await json<{ items: { staff: { id: string }; presence: { state: string; until: string | null } }[] }>(
          await page.request.get(`/api/v1/estates/${desk.estateId}/presence`),
          200,
        );
        return board.items.find((r) => r.staff.id === colleague.id)?.presence;
      };
      const before = await stateOf();
      expect(before?.state).not.toBe('meeting');

      await page.goto('/presence');
      const card = page.getByTestId(`presence-card-${colleague.id}`);
      await card.waitFor();
      await card.locator('button').first().click();
      const form = page.getByTestId('presence-form');
      await form.locator('form').waitFor();
      await chooseOption(page, form.locator('.ant-select').first(), '開會中');
      const back = DateTime.now().setZone(desk.timeZone).plus({ hours: 2 }).set({ minute: 0 }).toFormat('yyyy-MM-dd HH:mm');
      const until = pickerInput(page, 'presence-until');
      await typeInPicker(page, until, back);
      await settle(page);
      expect(await until.inputValue()).toBe(back);
      expect(await form.locator('form').isVisible()).toBe(true);
      expect((await stateOf())?.state).toBe(before?.state);
      await shot('presence-enter-in-picker');

      await page.getByTestId('presence-form-submit').click();
      await form.locator('form').waitFor({ state: 'detached' });
      await expect.poll(async () => (await stateOf())?.state).toBe('meeting');
      const saved = await stateOf();
      expect(
        DateTime.fromISO(saved?.until ?? '')
          .setZone(desk.timeZone)
          .toFormat('yyyy-MM-dd HH:mm'),
      ).toBe(back);
      // Back in the office, as it was.
      await json(
        await page.request.put(`/api/v1/staff/${colleague.id}/presence`, { headers: headers(), data: { state: 'in_office', until: null } }),
        200,
      );
    });

    it('[R-FU-5] defect 6: a late draw asks to confirm the month in words and the count, the seed waits under “advanced”, and the draw shows late in red', async () => {
      // A follow-up done three months ago (estate time): that month's check was due long ago.
      const month = DateTime.now().setZone(desk.timeZone).minus({ months: 3 }).startOf('month');
      const repair = await completedLeakRepair(page, {
        occurredAt: month.plus({ days: 4, hours: 10 }).toUTC().toISO() ?? '',
        completedAt: month.plus({ days: 5, hours: 15 }).toUTC().toISO() ?? '',
      });
      await json(
        await page.request.post(`/api/v1/follow-ups/${repair.followUpId}/record`, {
          headers: headers(),
          data: {
            method: 'phone',
            result: 'ok',
            residentWords: '已經無再漏水，多謝',
            satisfaction: 5,
            occurredAt: month.plus({ days: 7, hours: 11 }).toUTC().toISO(),
          },
        }),
        200,
      );

      const context = await (session as BrowserSession).browser.newContext({
        viewport: DESK,
        baseURL: session?.server.url,
        timezoneId: BROWSER_TIME_ZONE,
      });
      const boss = await context.newPage();
      try {
        const login = new LoginPage(boss);
        await login.goto(session?.server.url ?? '');
        await login.login('manager', ADMIN_PASSWORD);
        await new AppShell(boss).waitUntilReady();
        const draws: Request[] = [];
        boss.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith('/spot-checks')) draws.push(r);
        });
        const checks = new SpotChecksPage(boss);
        await checks.goto();

        // The seed is not in the way: it waits under "advanced".
        expect(await boss.getByTestId('spot-seed').isVisible()).toBe(false);
        await boss.getByTestId('spot-advanced').getByText('進階').click();
        await boss.getByTestId('spot-seed').waitFor();

        // Enter in the month picker picks the month; it draws nothing and asks nothing.
        const monthInput = pickerInput(boss, 'spot-month');
        await typeInPicker(boss, monthInput, month.toFormat('yyyy-MM'));
        await settle(boss);
        expect(await monthInput.inputValue()).toBe(month.toFormat('yyyy-MM'));
        expect(await checks.confirmation().count()).toBe(0);
        expect(draws).toHaveLength(0);

        // The button asks: the month in words, in the estate's zone, and how many will be drawn.
        await checks.askToDraw();
        const asked = await seenText(checks.confirmText());
        const words = `${month.year}年${month.month}月`;
        expect(asked).toContain(`${words}（以香港標準時間計）`);
        const preview = await json<{ population: number; sampleSize: number }>(
          await boss.request.get(`/api/v1/estates/${desk.estateId}/spot-checks/preview?month=${month.toFormat('yyyy-MM')}`),
          200,
        );
        expect(preview.population).toBeGreaterThanOrEqual(1);
        expect(asked).toContain(`已完成的 ${preview.population} 宗回訪中抽出 ${preview.sampleSize} 宗`);
        const dueAt = month.plus({ months: 1 }).set({ day: 7 }).endOf('day');
        const lateNow = Math.ceil((Date.now() - dueAt.toMillis()) / DAY);
        expect(await seenText(boss.getByTestId('spot-confirm-late'))).toContain(`逾期 ${lateNow} 天`);
        expect(await seenText(boss.getByTestId('spot-confirm-ok'))).toContain(words);
        expect(draws).toHaveLength(0);
        await boss.screenshot({ path: 'test-output/screenshots/numbered-90-draw-confirmation.png', fullPage: true });
        await boss.getByTestId('spot-confirm-ok').click();
        await boss.waitForURL((url) => url.searchParams.has('id'));
        await checks.detail().waitFor();
        expect(draws).toHaveLength(1);

        // Drawn late: red, with the days, in the detail and in the list; never "on time".
        const drawn = await json<{ items: { month: string; drawnAt: string; dueAt: string }[] }>(
          await boss.request.get(`/api/v1/estates/${desk.estateId}/spot-checks?year=${month.year}`),
          200,
        );
        const check = drawn.items.find((c) => c.month === month.toFormat('yyyy-MM'));
        if (!check) throw new Error('the drawn check is not listed');
        const days = Math.ceil((Date.parse(check.drawnAt) - Date.parse(check.dueAt)) / DAY);
        expect(days).toBeGreaterThan(20);
        const late = checks.detail().getByTestId('spot-drawn-late').first();
        expect(await seenText(late)).toBe(`逾期 ${days} 天抽查`);
        const color = await late.evaluate((el) => getComputedStyle(el).color);
        const [r = 0, g = 0, b = 0] = (color.match(/\d+/g) ?? []).map(Number);
        expect(r, color).toBeGreaterThan(150);
        expect(g, color).toBeLessThan(100);
        expect(b, color).toBeLessThan(100);
        expect(await seenText(checks.detail())).not.toContain('準時完成');
        const row = boss.locator(`[data-testid="spot-checks-table"] tr[data-month="${month.toFormat('yyyy-MM')}"]`);
        expect(await seenText(row.getByTestId('spot-drawn-late'))).toBe(`逾期 ${days} 天抽查`);
        expect(await seenText(row)).not.toContain('準時完成');
        await boss.screenshot({ path: 'test-output/screenshots/numbered-91-late-draw.png', fullPage: true });
      } finally {
        await context.close();
      }
    });

    it('[R-FU-4] defect 10: the follow-up result has no default; saving without one is refused, naming the field, and records nothing', async () => {
      const repair = await completedLeakRepair(page, {
        occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        completedAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      });
      const queue = new FollowUpsPage(page);
      await queue.goto();
      await queue.openRecordForm(repair.number);
      expect(await page.getByTestId('followup-result').locator('input:checked').count()).toBe(0);
      await page.getByTestId('followup-words').fill('業戶話已經無再漏水');
      await queue.choose('followup-satisfaction', 4);
      await page.getByTestId('followup-form-submit').click();
      await expect.poll(() => seenText(queue.form())).toContain('請填寫「回訪結果」');
      await shot('result-required');
      const followUp = await json<{ status: string; result: string | null }>(
        await page.request.get(`/api/v1/follow-ups/${repair.followUpId}`),
        200,
      );
      expect(followUp).toMatchObject({ status: 'open', result: null });
      await page.keyboard.press('Escape');
    });

    it('[R-FU-1] defect 10: a case whose follow-up is due shows that deadline, not “no deadline”', async () => {
      const completedAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const repair = await completedLeakRepair(page, { occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), completedAt });
      await page.goto(`/cases/${repair.caseId}`);
      const deadlines = page.getByTestId('case-obligations');
      await deadlines.getByTestId('case-followup-deadline').first().waitFor();
      const due = DateTime.fromISO(completedAt).setZone(desk.timeZone).plus({ hours: 72 }).toFormat('yyyy-MM-dd HH:mm');
      const text = await seenText(deadlines);
      expect(text).toContain(due);
      expect(text).not.toContain('這個個案沒有時限');
    });

    it('[R-RC-1] defect 10: the dashboard’s notices-due figure and row lead to the notices list of those due, where the notice is issued', async () => {
      const repair = await repairWithProblem();
      await page.goto('/');
      const tile = page.getByTestId('dashboard-notices-due');
      await tile.locator('.ant-statistic-content-value').waitFor();
      expect(Number(await seenText(tile.locator('.ant-statistic-content-value')))).toBeGreaterThanOrEqual(1);
      // The deadline row of the problem (due within 24 h) is a link to the same list.
      const row = page.getByTestId('dashboard-due-soon-list').locator('tr[data-rule="R-RC-1"]').first();
      await row.waitFor();
      expect(await row.getByTestId('obligation-notice-due').getAttribute('href')).toBe('/rectification-notices?due=1');

      await tile.locator('a').click();
      await page.waitForURL((url) => url.pathname === '/rectification-notices' && url.searchParams.get('due') === '1');
      const due = page.locator(`[data-testid="notices-due-table"] tr[data-subject="${repair.followUpId}"]`);
      await due.waitFor();
      expect(await seenText(page.getByTestId('filter-notices-due'))).toContain('只看待發整改通知');
      expect(await seenText(due.getByTestId('notice-due-case'))).toContain(repair.number);
      expect(await seenText(due)).toContain(PROBLEM);
      await shot('notices-due');
      await due.getByTestId('notice-due-issue').click();
      await page.getByTestId('notice-form').locator('form').waitFor();
      expect(await seenText(page.getByTestId('notice-form-subject'))).toContain(repair.number);
      await page
        .getByTestId('notice-form')
        .getByRole('button', { name: /取\s*消/ })
        .click();
    });

    it('[R-CP-3] defect 10: closing a complaint marks its result required and refuses without it, naming the field', async () => {
      const created = await json<{ id: string }>(
        await page.request.post(`/api/v1/estates/${desk.estateId}/cases`, {
          headers: headers(),
          data: { kind: 'complaint', channel: 'counter', residentName: '黃小姐', residentPhone: '92345678', description: '大堂冷氣太凍' },
        }),
        201,
      );
      await page.goto(`/cases/${created.id}`);
      await page.getByTestId('action-close').click();
      const form = page.getByTestId('close-form');
      await form.locator('form').waitFor();
      const resultItem = form.locator('.ant-form-item').filter({ has: page.getByTestId('close-result') });
      expect(await resultItem.locator('.ant-form-item-required').count()).toBe(1);
      expect(await resultItem.locator('.ant-form-item-optional').count()).toBe(0);
      await page.getByTestId('close-form-submit').click();
      await expect.poll(() => seenText(form)).toContain('請填寫「處理結果」');
      await shot('close-needs-result');
      const detail = await json<{ status: string }>(await page.request.get(`/api/v1/cases/${created.id}`), 200);
      expect(detail.status).not.toBe('closed');
    });
  },
);
