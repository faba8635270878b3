import path from 'node:path';
import { DateTime } from 'luxon';
import { type APIRequestContext, type APIResponse, type BrowserContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { FrontDeskPage } from './pages/FrontDeskPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MessagesPage } from './pages/MessagesPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession, SCREENSHOTS } from './session.js';

const DESK = { width: 1440, height: 1000 };
// The first resident of the demo estate (A座 1A) has this phone number.
const CALLER_PHONE = '91007919';
const MESSAGE = '想問下星期三停水的時間，請回電';

/** A return time as the desk says it: the time alone today, with the date when it falls on another day. */
const untilText = (at: DateTime, zone: string) =>
  at.setZone(zone).toFormat(at.setZone(zone).hasSame(DateTime.now().setZone(zone), 'day') ? 'HH:mm' : 'MM-dd HH:mm');
const OPENING = { morning: '早安', afternoon: '午安', evening: '您好' } as const;

/** R-PH-1's time of day, now, in the zone. */
function timeOfDay(zone: string): keyof typeof OPENING {
  const hour = DateTime.now().setZone(zone).hour;
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

interface Desk {
  estateId: string;
  timeZone: string;
  csrf: string;
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The signed-in person's estate and CSRF token, for set-up steps done through the API. */
async function deskOf(page: Page): Promise<Desk> {
  const session = await json<{ estates: { id: string; timeZone: string }[]; csrfToken: string }>(
    await page.request.get('/api/v1/auth/session'),
    200,
  );
  const estate = session.estates[0];
  if (!estate) throw new Error('the receptionist works for no estate');
  return { estateId: estate.id, timeZone: estate.timeZone, csrf: session.csrfToken };
}

async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(baseUrl);
  await login.login(username, ADMIN_PASSWORD);
  await new AppShell(page).waitUntilReady();
}

describe.skipIf(!haveChromium && !inCI)('staff web app: the front desk in the browser', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let colleagueContext: BrowserContext | undefined;
  let managerApi: APIRequestContext | undefined;
  let managerContext: BrowserContext | undefined;
  let page: Page;
  let desk: Desk;
  /** Staff ids by username. */
  const staff = new Map<string, string>();
  const shot = (name: string) => (session as BrowserSession).shot(name);
  const idOf = (username: string) => {
    const id = staff.get(username);
    if (!id) throw new Error(`the demo estate has no ${username}`);
    return id;
  };
  /** Sets a colleague's presence as the desk does (a receptionist may set anyone's, R-WK-5). */
  const setPresence = async (username: string, presence: { state: string; until?: string | null; onTask?: boolean }) =>
    json(
      await page.request.put(`/api/v1/staff/${idOf(username)}/presence`, { headers: { 'X-CSRF-Token': desk.csrf }, data: presence }),
      200,
    );

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'frontdesk-', viewport: DESK });
    page = session.page;
    await signIn(page, session.server.url, 'chan.mw');
    desk = await deskOf(page);
    const list = await json<{ items: { id: string; username: string }[] }>(
      await page.request.get(`/api/v1/estates/${desk.estateId}/staff?pageSize=50`),
      200,
    );
    for (const s of list.items) staff.set(s.username, s.id);
  }, 180_000);

  afterAll(async () => {
    await managerApi?.dispose();
    await colleagueContext?.close();
    await managerContext?.close();
    await session?.close();
  });

  it('[R-PH-1] the desk shows the greeting to say: the time of day, the office and the surname, never 喂', async () => {
    const frontDesk = new FrontDeskPage(page);
    const before = timeOfDay(desk.timeZone);
    await frontDesk.goto();
    const greeting = await seenText(frontDesk.greeting());
    const shown = await frontDesk.greeting().getAttribute('data-time-of-day');
    expect(greeting.startsWith('喂')).toBe(false);
    expect(greeting).not.toContain('喂');
    expect(greeting).toMatch(/^(早安|午安|您好)，誠基公寓管理處，我姓陳，/);
    // Morning before 12:00 and afternoon before 18:00 in the estate's zone (read before and after, for the turn of the hour).
    expect([before, timeOfDay(desk.timeZone)]).toContain(shown);
    expect(greeting.startsWith(OPENING[shown as keyof typeof OPENING])).toBe(true);
    // No call, no clock: it runs from when the desk answers (Alt+A), in minutes and seconds, and
    // counts up (how far it has got depends on how busy the machine is, so the test reads it twice).
    expect(await frontDesk.callTimer().getAttribute('data-state')).toBe('idle');
    expect(await seenText(frontDesk.callTimer())).toBe('未有通話');
    await page.keyboard.press('Alt+KeyA');
    await page.locator('[data-testid="phone-desk"][data-call="on"]').waitFor();
    const seconds = async () => {
      const m = (await seenText(frontDesk.callTimer())).match(/通話 (\d\d):(\d\d)/);
      return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
    };
    await expect.poll(seconds).toBeGreaterThan(0);
    const first = await seconds();
    await expect.poll(seconds).toBeGreaterThan(first);
    await shot('greeting');
    await frontDesk.hangUp();
    expect(await seenText(frontDesk.callTimer())).toBe('未有通話');
  });

  it('[R-PH-2][R-PH-3] a message taken at the desk appears on the colleague’s open screen within 2 seconds, without reloading', async () => {
    // 劉振雄 is out for the next hour.
    const back = DateTime.now().plus({ hours: 1 }).startOf('minute');
    await setPresence('lau.ch', { state: 'out', until: back.toUTC().toISO() });

    // The colleague has the messages page open in another browser.
    colleagueContext = await (session as BrowserSession).browser.newContext({
      viewport: DESK,
      baseURL: session?.server.url,
      timezoneId: BROWSER_TIME_ZONE,
    });
    const colleaguePage = await colleagueContext.newPage();
    await signIn(colleaguePage, session?.server.url ?? '', 'lau.ch');
    const inbox = new MessagesPage(colleaguePage);
    await inbox.goto();
    expect(await inbox.rows().count()).toBe(0);

    // The receptionist finds the caller by phone and sees the unit.
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    await frontDesk.findCaller(CALLER_PHONE, CALLER_PHONE);
    expect(await seenText(frontDesk.chosenCaller().getByTestId('caller-unit'))).toContain('A座 1A');
    const callerName = await seenText(frontDesk.chosenCaller().getByTestId('caller-name'));

    // Asked for 劉振雄: the board says out, the script says so and when he is back.
    await frontDesk.askFor('劉振雄');
    expect(await frontDesk.colleaguePresence().getAttribute('data-state')).toBe('out');
    const backText = untilText(back, desk.timeZone);
    expect(await frontDesk.script().getAttribute('data-situation')).toBe('out');
    expect(await seenText(frontDesk.script())).toBe(`對不起，劉振雄剛出外辦事，將會在${backText}回來，請留下您的姓名，您能否留言？`);
    await shot('asked-for-colleague-out');

    // Alt+M: the form is filled from the caller box and the presence board.
    await page.keyboard.press('Alt+KeyM');
    await frontDesk.messageForm().locator('form').waitFor();
    expect(await frontDesk.messageField('message-caller-name')).toBe(callerName);
    expect(await frontDesk.messageField('message-caller-phone')).toBe(CALLER_PHONE);
    expect(await seenText(frontDesk.messageForm().getByTestId('message-for'))).toContain('劉振雄');
    expect(await frontDesk.messageForm().locator('[data-testid="message-reason"] input[value="absent"]').isChecked()).toBe(true);
    await page.getByTestId('message-text').fill(MESSAGE);
    await shot('message-form');
    await page.getByTestId('message-text').press('Control+Enter');
    await frontDesk.messageForm().locator('form').waitFor({ state: 'detached' });

    // On the colleague's screen, without a reload: within 2 seconds.
    const row = inbox.row(MESSAGE);
    await row.waitFor({ timeout: 2000 });
    expect(await seenText(row.getByTestId('message-caller'))).toBe(callerName);
    expect(await seenText(row.getByTestId('message-phone'))).toBe(CALLER_PHONE);
    expect(await seenText(row)).toContain('A座 1A');
    expect(await seenText(row.getByTestId('message-taken-by'))).toBe('陳美華');
    // R-PH-3: away until `back`, so the call-back is due 30 minutes after.
    expect(await seenText(row.getByTestId('message-due-at'))).toBe(
      back.plus({ minutes: 30 }).setZone(desk.timeZone).toFormat('yyyy-MM-dd HH:mm'),
    );
    expect(await row.getByTestId('callback-state').getAttribute('data-tone')).toBe('open');
    await inbox.navCount().waitFor({ timeout: 2000 });
    expect(await seenText(inbox.navCount())).toBe('1');
    await (session as BrowserSession).shot('message-arrived-on-colleague-screen');
    await colleaguePage.screenshot({ path: path.join(SCREENSHOTS, 'frontdesk-colleague-messages.png'), fullPage: true });

    // R-PH-4: the call itself is in today's log, as a message taken for 劉振雄.
    const call = frontDesk.callRows().filter({ hasText: '已留言' }).first();
    await call.waitFor();
    expect(await seenText(call)).toContain('劉振雄');
    expect(await seenText(call)).toContain('A座 1A');

    // The colleague calls back: the message leaves the open list and shows as done.
    await inbox.callBack(MESSAGE, '已回覆停水時間');
    await expect.poll(() => inbox.row(MESSAGE).count()).toBe(0);
    await inbox.goto('?status=done');
    await inbox.row(MESSAGE).waitFor();
    expect(await inbox.row(MESSAGE).getByTestId('callback-state').getAttribute('data-tone')).toBe('met');
  });

  it('[R-PH-4] every call is logged, and a call becomes a case with one keystroke', async () => {
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    // The call of the message above is still on the line until the desk hangs up.
    await frontDesk.hangUp();
    // A call answered at once: Alt+L, the purpose by its digit, Ctrl+Enter.
    await frontDesk.findCaller(CALLER_PHONE, CALLER_PHONE);
    await page.keyboard.press('Alt+KeyL');
    const form = page.getByTestId('call-form');
    await form.locator('form').waitFor();
    expect(await page.getByTestId('call-caller-phone').inputValue()).toBe(CALLER_PHONE);
    await page.getByTestId('call-purpose').locator('input[type="radio"]').first().focus();
    // The digits mean on the call log what they mean on a new case and at the counter.
    expect(await seenText(page.getByTestId('call-purpose-inquiry'))).toMatch(/^1\s/);
    expect(await seenText(page.getByTestId('call-purpose-complaint'))).toMatch(/^4\s/);
    expect(await seenText(page.getByTestId('call-purpose-message'))).toMatch(/^5\s/);
    await page.keyboard.press('3');
    expect(await page.getByTestId('call-purpose').getAttribute('data-value')).toBe('fee');
    await page.getByTestId('call-note').fill('查詢本月管理費金額');
    await page.getByTestId('call-note').press('Control+Enter');
    await form.locator('form').waitFor({ state: 'detached' });
    const answered = frontDesk.callRows().filter({ hasText: '查詢本月管理費金額' });
    await answered.waitFor();
    expect(await seenText(answered)).toContain('收費');
    expect(await seenText(answered)).toContain('已解答');

    // The next caller reports a leak: Alt+2 opens the new case, a repair by phone with the caller filled in.
    await frontDesk.hangUp();
    await frontDesk.findCaller(CALLER_PHONE, CALLER_PHONE);
    await page.keyboard.press('Alt+Digit2');
    await page.waitForURL((url) => url.pathname === '/cases/new');
    const intake = page.getByTestId('new-case');
    await intake.waitFor();
    expect(await page.getByTestId('case-kind').getAttribute('data-value')).toBe('repair');
    expect(await page.getByTestId('case-channel').getAttribute('data-value')).toBe('phone');
    await page.getByTestId('case-unit').waitFor();
    expect(await seenText(page.getByTestId('case-unit'))).toContain('A座 1A');
    expect(await page.getByTestId('case-resident-phone').inputValue()).toBe(CALLER_PHONE);
    // The kind is chosen already, so the description has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('case-description');
    await page.keyboard.type('廚房水喉漏水');
    await page.getByTestId('case-repair-class').locator('label:has(input[value="leak"])').click();
    await shot('call-to-case');
    await page.getByTestId('case-description').press('Control+Enter');
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    const caseId = new URL(page.url()).pathname.split('/').pop();

    // The call is in the log, as the case it became.
    await frontDesk.goto();
    const becameCase = frontDesk.callRows().filter({ hasText: '已開個案' }).first();
    await becameCase.waitFor();
    expect(await seenText(becameCase)).toContain('報修');
    expect(await becameCase.locator('a').first().getAttribute('href')).toBe(`/cases/${caseId}`);
  });

  it('[R-WK-2][R-WK-4] a walk-in is sent to the first free seat; when all are busy the visitor queues with a timer and the desk is told to apologise', async () => {
    // The manager sets the wait limit to its minimum, one minute.
    managerApi = await request.newContext({ baseURL: session?.server.url });
    const manager = await json<{ csrfToken: string }>(
      await managerApi.post('/api/v1/auth/login', { data: { username: 'manager', password: ADMIN_PASSWORD } }),
      200,
    );
    const estate = await json<{ policy: Record<string, unknown> }>(await managerApi.get(`/api/v1/estates/${desk.estateId}`), 200);
    await json(
      await managerApi.patch(`/api/v1/estates/${desk.estateId}`, {
        headers: { 'X-CSRF-Token': manager.csrfToken },
        data: { policy: { ...estate.policy, walkInWaitLimitMinutes: 1 } },
      }),
      200,
    );

    // Seats in the order L2, R2, L1, R1: 陳美華 (L2) is on the phone, so 李嘉芬 (R2) should rise.
    await setPresence('chan.mw', { state: 'on_call' });
    for (const username of ['lee.kf', 'cheung.wy', 'wong.ks']) await setPresence(username, { state: 'in_office', onTask: false });
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    await frontDesk.recordArrival({ name: '黃先生', purpose: 'inquiry' });
    expect(await frontDesk.suggestion().getAttribute('data-reason')).toBe('seat_order');
    expect(await frontDesk.suggestedReceiver().getAttribute('data-receiver-id')).toBe(idOf('lee.kf'));
    expect(await frontDesk.suggestedReceiver().getAttribute('data-seat')).toBe('R2');
    expect(await seenText(frontDesk.suggestedReceiver())).toBe('請 李嘉芬（右二櫃位）起身接待');
    await shot('walk-in-suggested-seat');

    // 李嘉芬 receives him; 張詠儀 (L1) is on a task and 黃家聲 (R1) in a meeting: nobody is free.
    await frontDesk.suggestion().getByTestId('suggestion-receive').click();
    await frontDesk.servingVisitor('黃先生').waitFor();
    await setPresence('cheung.wy', { state: 'in_office', onTask: true });
    await setPresence('wong.ks', { state: 'meeting', until: DateTime.now().plus({ hours: 1 }).toUTC().toISO() });

    // Fees are 鄭玉蓮's (finance), who is out: the desk may page her (R-WK-3).
    await setPresence('cheng.yl', { state: 'out', until: DateTime.now().plus({ minutes: 30 }).toUTC().toISO() });
    await frontDesk.recordArrival({ name: '張太', purpose: 'fee' });
    expect(await frontDesk.suggestion().getAttribute('data-reason')).toBe('all_busy');
    expect(await seenText(frontDesk.suggestedReceiver())).toBe('同事全部正忙：業戶排隊等候');
    const routed = frontDesk.suggestion().getByTestId('suggestion-routed');
    expect(await routed.getAttribute('data-available')).toBe('false');
    expect(await seenText(routed)).toContain('此事由 鄭玉蓮 負責');
    await frontDesk.suggestion().getByTestId('suggestion-page').click();
    await page.locator('.ant-message').getByText('已通知 鄭玉蓮').waitFor();
    const queued = frontDesk.waitingVisitor('張太');
    await queued.waitFor();
    expect(await seenText(queued)).toContain('排隊中');
    expect(await queued.getAttribute('data-apology')).toBe('false');
    // The timer counts the wait on screen, second by second.
    const timer = queued.getByTestId('visit-timer');
    expect(await seenText(timer)).toMatch(/^已等 00:\d\d$/);
    const before = Number(await timer.getAttribute('data-waited-seconds'));
    await expect.poll(async () => Number(await timer.getAttribute('data-waited-seconds')), { timeout: 4000 }).toBeGreaterThan(before);
    await shot('walk-in-all-busy-queued');

    // A visitor who came in 55 seconds ago: past the one-minute limit the desk is told to apologise.
    const late = await json<{ id: string; waitLimitAt: string }>(
      await page.request.post(`/api/v1/estates/${desk.estateId}/visits`, {
        headers: { 'X-CSRF-Token': desk.csrf },
        data: { visitorName: '李小姐', purpose: 'complaint', occurredAt: new Date(Date.now() - 55_000).toISOString() },
      }),
      201,
    );
    const lateVisit = frontDesk.waitingVisit(late.id);
    await lateVisit.waitFor({ timeout: 2000 });
    expect(await lateVisit.getByTestId('visit-apology').count()).toBe(0);
    const apology = lateVisit.getByTestId('visit-apology');
    await apology.waitFor({ timeout: 10_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(late.waitLimitAt));
    expect(await seenText(apology)).toContain('請向業戶致歉：「對不起，讓您久等了。」');
    expect(await seenText(apology)).toContain('李小姐');
    expect(await lateVisit.getAttribute('data-apology')).toBe('true');
    await shot('walk-in-apology-prompt');

    // 黃先生 leaves: 李嘉芬's seat is free again and the desk offers her to the first in the queue.
    await frontDesk.depart('黃先生', '已解答管理費查詢');
    await frontDesk.nextFree().waitFor();
    expect(await seenText(frontDesk.nextFree())).toContain('李嘉芬');
    // The queue goes by arrival: 李小姐 has waited longest.
    expect(await seenText(frontDesk.nextFree())).toContain('李小姐');
    await shot('walk-in-next-free');
  });

  it('[R-PH-2] the manager rewords a situation script and the desk reads the estate’s wording', async () => {
    const wording = '{name}正在開會，大約{until}完會，請問需要留言嗎？';
    // The manager rewords "in a meeting" on the scripts page and saves with Ctrl+Enter.
    managerContext = await (session as BrowserSession).browser.newContext({
      viewport: DESK,
      baseURL: session?.server.url,
      timezoneId: BROWSER_TIME_ZONE,
    });
    const managerPage = await managerContext.newPage();
    await signIn(managerPage, session?.server.url ?? '', 'manager');
    await managerPage.goto('/settings/desk-scripts');
    const editing = managerPage.locator('[data-testid="desk-script"][data-situation="meeting"][data-locale="zh-Hant"]');
    // A misspelt placeholder is caught as it is typed, naming the ones a script may hold; it cannot be saved.
    await editing.getByTestId('desk-script-text').fill('{nmae}正在開會，請問需要留言嗎？');
    await editing.getByTestId('desk-script-placeholder-error').waitFor();
    expect(await seenText(editing.getByTestId('desk-script-placeholder-error'))).toBe(
      '{nmae} 不是可用的代入欄位。劇本只可包含 {name} {until} {office} {addressee} {department} {phone} {time}。',
    );
    expect(await editing.getByTestId('desk-script-save').isDisabled()).toBe(true);
    await editing.getByTestId('desk-script-text').press('Control+Enter');
    expect(await editing.getByTestId('desk-script-preview').count()).toBe(0);
    // The wording as the desk will read it, with a colleague and a time filled in.
    await editing.getByTestId('desk-script-text').fill(wording);
    expect(await editing.getByTestId('desk-script-placeholder-error').count()).toBe(0);
    expect(await seenText(editing.getByTestId('desk-script-preview'))).toBe('讀出來是: 李小姐正在開會，大約15:00完會，請問需要留言嗎？');
    await editing.getByTestId('desk-script-text').press('Control+Enter');
    await editing.getByText('本屋苑用語').waitFor();
    expect(await editing.getByTestId('desk-script-text').inputValue()).toBe(wording);

    const until = DateTime.now().plus({ minutes: 45 }).startOf('minute');
    await setPresence('wong.ks', { state: 'meeting', until: until.toUTC().toISO() });
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    await frontDesk.askFor('黃家聲');
    expect(await frontDesk.script().getAttribute('data-situation')).toBe('meeting');
    expect(await seenText(frontDesk.script())).toBe(`黃家聲正在開會，大約${untilText(until, desk.timeZone)}完會，請問需要留言嗎？`);

    // The receptionist sees the scripts, the estate's own marked as such, but may not change them.
    await page.goto('/settings/desk-scripts');
    const meeting = page.locator('[data-testid="desk-script"][data-situation="meeting"][data-locale="zh-Hant"]');
    await meeting.waitFor();
    expect(await seenText(meeting.getByTestId('desk-script-text-shown'))).toBe(wording);
    expect(await seenText(meeting)).toContain('本屋苑用語');
    expect(await meeting.getByTestId('desk-script-text').count()).toBe(0);
    await shot('desk-scripts');
  });

  it('the dashboard counts today’s calls and visitors, the messages waiting and the waits at the counter', async () => {
    await page.goto('/');
    const figure = (testId: string) => page.getByTestId(testId).locator('.ant-statistic-content-value');
    await figure('dashboard-desk-calls').waitFor();
    expect(Number(await seenText(figure('dashboard-desk-calls')))).toBeGreaterThanOrEqual(1);
    expect(Number(await seenText(figure('dashboard-desk-visits')))).toBeGreaterThanOrEqual(3);
    expect(await seenText(page.getByTestId('dashboard-desk-visits'))).toContain('2 人等候中');
    expect(await seenText(page.getByTestId('dashboard-desk-average-wait'))).toMatch(/\d\d:\d\d/);
    await shot('dashboard-front-desk');
  });
});
