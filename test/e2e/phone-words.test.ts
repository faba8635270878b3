import type { APIRequestContext, APIResponse, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell, type Language } from './pages/AppShell.js';
import { DeskWords } from './pages/DeskWords.js';
import { FrontDeskPage } from './pages/FrontDeskPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const DESK = { width: 1440, height: 1000 };
const RESIDENT = '陳慧嫻';
const RESIDENT_PHONE = '6123 4567';
// 劉振雄 and 何志明 are the property department (complaints and inquiries); each has a number of their own.
const LAU = { username: 'lau.ch', name: '劉振雄', phone: '2345 6701' };
const HO = { username: 'manager', name: '何志明', phone: '2345 6700' };
const LANGUAGES: Language[] = ['zh-Hant', 'zh-Hans', 'en'];

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** What each language shows on the phone desk for Mrs Chan (陳太), the caller this file follows. */
const SEEN: Record<
  Language,
  {
    askIdentity: string;
    referLau: string;
    referHo: string;
    onCallOther: string;
    callBack: (time: string) => string;
    thanks: string;
    reply: string;
    internal: string;
    apology: string;
    escalate: string;
  }
> = {
  'zh-Hant': {
    askIdentity: '為了方便聯絡及跟進，請問您是哪一位？是哪一個單元的業戶？',
    referLau: `陳太，這件事您可以找${LAU.name}談一下，他/她的電話號碼是${LAU.phone}。`,
    referHo: `陳太，這件事您可以找${HO.name}談一下，他/她的電話號碼是${HO.phone}。`,
    onCallOther: `${LAU.name}正在接電話，找其他同事幫您可以嗎？`,
    callBack: (time) => `陳太，${LAU.name}現在未能接聽，我會代為轉告，請他/她在${time}前給您回電，好嗎？`,
    thanks: '多謝您，陳太，誠基公寓管理處已經為您登記好了。',
    reply: '陳太，請別客氣。',
    internal: '您好，我是前台接待的陳美華。',
    apology: '陳太，我感到很抱歉，我會馬上了解事情後盡快幫您解決。',
    escalate: '對不起，陳太，我無權處理此事，我會向有關領導反映閣下的意見。',
  },
  'zh-Hans': {
    askIdentity: '为了方便联络及跟进，请问您是哪一位？是哪一个单元的业户？',
    referLau: `陈太，这件事您可以找${LAU.name}谈一下，他/她的电话号码是${LAU.phone}。`,
    referHo: `陈太，这件事您可以找${HO.name}谈一下，他/她的电话号码是${HO.phone}。`,
    onCallOther: `${LAU.name}正在接电话，找其他同事帮您可以吗？`,
    callBack: (time) => `陈太，${LAU.name}现在未能接听，我会代为转告，请他/她在${time}前给您回电，好吗？`,
    thanks: '谢谢您，陈太，誠基公寓管理处已经为您登记好了。',
    reply: '陈太，请别客气。',
    internal: '您好，我是前台接待的陳美華。',
    apology: '陈太，我感到很抱歉，我会马上了解事情后尽快帮您解决。',
    escalate: '对不起，陈太，我无权处理此事，我会向有关领导反映阁下的意见。',
  },
  en: {
    askIdentity: 'So that we can contact you and follow this up, may I have your name and which unit you live in?',
    referLau: `Mrs Chan, ${LAU.name} can help you with this; their number is ${LAU.phone}.`,
    referHo: `Mrs Chan, ${HO.name} can help you with this; their number is ${HO.phone}.`,
    onCallOther: `${LAU.name} is on another call. May another colleague help you?`,
    callBack: (time) =>
      `Mrs Chan, ${LAU.name} cannot take your call just now. I will pass on your message and ask them to call you back by ${time}. Is that all right?`,
    thanks: 'Thank you, Mrs Chan. 誠基公寓 Management Office has recorded it for you.',
    reply: 'You are most welcome, Mrs Chan.',
    internal: 'Hello, this is 陳美華 of 前台接待.',
    apology: 'Mrs Chan, I am very sorry. I will look into it at once and resolve it for you as soon as I can.',
    escalate: 'I am sorry, Mrs Chan, this is not mine to decide. I will bring your views to the management.',
  },
};

/** A time as the desk shows it in the estate's zone (Hong Kong): HH:mm today, MM-DD HH:mm another day. */
function deskClock(iso: string): string {
  const part = (at: Date, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Hong_Kong', hourCycle: 'h23', ...options }).format(at);
  const at = new Date(iso);
  const day = (d: Date) => part(d, { year: 'numeric', month: '2-digit', day: '2-digit' });
  const clock = part(at, { hour: '2-digit', minute: '2-digit' });
  if (day(at) === day(new Date())) return clock;
  const [dd, mm] = day(at).split('/');
  return `${mm}-${dd} ${clock}`;
}

describe.skipIf(!haveChromium && !inCI)("staff web app: the plan's words on the phone desk", { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let shell: AppShell;
  let desk: FrontDeskPage;
  let words: DeskWords;
  let office: BrowserContext;
  let admin: APIRequestContext;
  let adminCsrf: string;
  let estateId: string;
  let csrf: string;
  const staff = new Map<string, string>();
  const shot = (name: string) => (session as BrowserSession).shot(name);
  const line = (within: Locator, testId: string) => words.line(within, testId);
  const setPresence = async (username: string, state: string) =>
    json(
      await page.request.put(`/api/v1/staff/${staff.get(username)}/presence`, { headers: { 'X-CSRF-Token': csrf }, data: { state } }),
      200,
    );

  /** A fresh call on the desk: hang up whatever is on, answer with Alt+A. */
  const answer = async () => {
    await desk.goto();
    if ((await desk.phoneDesk().getAttribute('data-call')) === 'on') await desk.hangUp();
    await page.keyboard.press('Alt+KeyA');
    await page.locator('[data-testid="phone-desk"][data-call="on"]').waitFor();
  };

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'phone-words-', viewport: DESK });
    page = session.page;
    // The office's administrator keeps the staff records (their numbers) and the residents.
    office = await session.browser.newContext({ baseURL: session.server.url });
    admin = office.request;
    const adminSession = await json<{ csrfToken: string; estates: { id: string }[] }>(
      await admin.post('/api/v1/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } }),
      200,
    );
    adminCsrf = adminSession.csrfToken;
    estateId = adminSession.estates[0]?.id ?? '';
    const adminHeaders = { 'X-CSRF-Token': adminCsrf };
    const list = await json<{ items: { id: string; username: string }[] }>(
      await admin.get(`/api/v1/estates/${estateId}/staff?pageSize=50`),
      200,
    );
    for (const s of list.items) staff.set(s.username, s.id);
    for (const person of [LAU, HO])
      await json(
        await admin.patch(`/api/v1/staff/${staff.get(person.username)}`, { headers: adminHeaders, data: { phone: person.phone } }),
        200,
      );
    const units = await json<{ items: { id: string }[] }>(await admin.get(`/api/v1/estates/${estateId}/units?q=2A&pageSize=1`), 200);
    await json(
      await admin.post(`/api/v1/estates/${estateId}/residents`, {
        headers: adminHeaders,
        data: { name: RESIDENT, kind: 'owner', title: 'mrs', phone: RESIDENT_PHONE, unitIds: [units.items[0]?.id] },
      }),
      201,
    );

    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    shell = new AppShell(page);
    await shell.waitUntilReady();
    desk = new FrontDeskPage(page);
    words = new DeskWords(page);
    csrf = (await json<{ csrfToken: string }>(await page.request.get('/api/v1/auth/session'), 200)).csrfToken;
  }, 240_000);

  afterAll(async () => {
    await office?.close();
    await session?.close();
  });

  it('[R-WD-2] once the call is answered and nobody is found for the caller, the desk says why it asks who is calling; found, the words go', async () => {
    await desk.goto();
    if ((await desk.phoneDesk().getAttribute('data-call')) === 'on') await desk.hangUp();
    // No call, nothing to ask.
    expect(await page.getByTestId('ask-identity-words').count()).toBe(0);
    await answer();
    const box = page.getByTestId('ask-identity-words');
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await expect.poll(() => seenText(line(box, 'words-ask-identity'))).toBe(SEEN[language].askIdentity);
      if (language === 'zh-Hant') await shot('ask-identity');
    }
    await shell.switchLanguage('zh-Hant');
    await desk.findCaller(RESIDENT_PHONE, RESIDENT);
    await box.waitFor({ state: 'detached' });
  });

  it('[R-WD-2] the caller asks for a colleague with a duty and a number of their own: the desk can refer them with that number', async () => {
    await setPresence(LAU.username, 'in_office');
    await answer();
    await desk.findCaller(RESIDENT_PHONE, RESIDENT);
    await desk.askFor(LAU.name);
    const box = page.getByTestId('colleague-words');
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await expect.poll(() => seenText(line(box, 'words-refer'))).toBe(SEEN[language].referLau);
    }
    await shot('refer-colleague');
    await shell.switchLanguage('zh-Hant');
    // 李嘉芬 has no number on record: nothing to refer the caller to.
    await desk.askFor('李嘉芬');
    await box.waitFor({ state: 'detached' });
  });

  it('[R-WD-2][R-PH-2] the colleague is on another call: the desk offers one with the same duty, by name and number, and can ask for them', async () => {
    await setPresence(LAU.username, 'on_call');
    await setPresence(HO.username, 'in_office');
    await answer();
    await desk.findCaller(RESIDENT_PHONE, RESIDENT);
    await desk.askFor(LAU.name);
    const box = page.getByTestId('colleague-words');
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await expect.poll(() => seenText(line(box, 'words-on-call-other'))).toBe(SEEN[language].onCallOther);
      expect(await box.getByTestId('same-duty').getAttribute('data-staff-id')).toBe(staff.get(HO.username));
      await expect.poll(() => seenText(box.getByTestId('same-duty-phone'))).toBe(HO.phone);
      await expect.poll(() => seenText(line(box, 'words-refer-other'))).toBe(SEEN[language].referHo);
    }
    await shot('on-another-call');
    await shell.switchLanguage('zh-Hant');
    // Asking for the colleague offered: the desk now refers to 何志明, who is in.
    await box.getByTestId('same-duty-ask').click();
    await page.locator('[data-testid="colleague-presence"][data-state="in_office"]').waitFor();
    await expect.poll(() => seenText(line(box, 'words-refer'))).toBe(SEEN['zh-Hant'].referHo);
    // Nobody else of the department in: a colleague of another department covering the same
    // case kinds (the security department takes complaints too) is offered instead.
    await setPresence(HO.username, 'out');
    await setPresence('wong.ks', 'out');
    await setPresence('chow.wk', 'in_office');
    await desk.askFor(LAU.name);
    await expect.poll(() => box.getByTestId('same-duty').getAttribute('data-staff-id')).toBe(staff.get('chow.wk'));
    // 周偉傑 has no number on record: offered by name, with no number to give.
    expect(await box.getByTestId('same-duty-phone').count()).toBe(0);
    expect(await box.getByTestId('words-refer-other').count()).toBe(0);
    await setPresence(HO.username, 'in_office');
    await setPresence('wong.ks', 'in_office');
  });

  it('[R-WD-2][R-PH-3] a message taken during a call: the call-back promised by the time the office committed to, then the thanks and 請別客氣', async () => {
    await setPresence(LAU.username, 'on_call');
    await setPresence(HO.username, 'in_office');
    for (const language of LANGUAGES) {
      await answer();
      await desk.findCaller(RESIDENT_PHONE, RESIDENT);
      await desk.askFor(LAU.name);
      // The desk knows her as 陳太 before the message is taken (the colleague offered is addressed to her).
      await expect.poll(() => seenText(line(page.getByTestId('colleague-words'), 'words-refer-other'))).toBe(SEEN['zh-Hant'].referHo);
      await shell.switchLanguage(language);
      // While the message is taken, the desk promises the call-back by the time the office would commit to.
      const preview = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/messages/callback-due'));
      await page.keyboard.press('Alt+KeyM');
      await desk.messageForm().locator('form').waitFor();
      const promised = (await (await preview).json()) as { callbackDueAt: string };
      const box = page.getByTestId('call-back-words');
      await expect.poll(() => seenText(line(box, 'words-call-back'))).toBe(SEEN[language].callBack(deskClock(promised.callbackDueAt)));
      if (language === 'zh-Hant') await shot('message-call-back-promised');
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && /\/messages$/.test(new URL(r.url()).pathname));
      await page.getByTestId('message-text').fill(`請${LAU.name}回電（${language}）`);
      await page.getByTestId('message-text').press('Control+Enter');
      await desk.messageForm().locator('form').waitFor({ state: 'detached' });
      const message = (await (await saved).json()) as { callbackDueAt: string; for: { name: string } };
      expect(message.for.name).toBe(LAU.name);
      const seen = SEEN[language];
      await words.thanks().waitFor();
      await expect.poll(() => seenText(line(words.thanks(), 'words-call-back'))).toBe(seen.callBack(deskClock(message.callbackDueAt)));
      await expect.poll(() => seenText(line(words.thanks(), 'words-thanks'))).toBe(seen.thanks);
      await expect.poll(() => seenText(line(words.thanks(), 'words-reply-to-thanks'))).toBe(seen.reply);
      if (language === 'zh-Hant') await shot('message-call-back');
      await words.dismissThanks();
      await shell.switchLanguage('zh-Hant');
    }
  });

  it('[R-WD-2] a colleague calling on the internal line (Alt+I): the greeting gives department and name, and nobody is asked who they are', async () => {
    await answer();
    await page.keyboard.press('Alt+KeyI');
    const greeting = page.getByTestId('desk-internal-greeting');
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await expect.poll(() => seenText(greeting)).toBe(SEEN[language].internal);
      expect(await page.getByTestId('desk-greeting').count()).toBe(0);
      expect(await page.getByTestId('ask-identity-words').count()).toBe(0);
    }
    await shot('internal-call');
    await shell.switchLanguage('zh-Hant');
    // Back to an outside call: the office's greeting again, and the desk asks who is calling.
    await page.getByTestId('desk-internal').click();
    await desk.greeting().waitFor();
    await expect.poll(() => seenText(desk.greeting())).toMatch(/誠基公寓管理處/);
    await page.getByTestId('ask-identity-words').waitFor();
    await greeting.waitFor({ state: 'detached' });
  });

  it('[R-WD-2][R-CP-2] a complaint during a call (Alt+4): the complaint words by the caller form of address, then the thanks once it is recorded', async () => {
    const intake = new NewCasePage(page);
    for (const language of LANGUAGES) {
      await answer();
      await desk.findCaller(RESIDENT_PHONE, RESIDENT);
      await shell.switchLanguage(language);
      await page.keyboard.press('Alt+Digit4');
      await page.waitForURL((url) => url.pathname === '/cases/new');
      await intake.root().waitFor();
      const seen = SEEN[language];
      const box = words.complaintWords();
      await expect.poll(() => seenText(line(box, 'words-complaint-apology'))).toBe(seen.apology);
      await expect.poll(() => seenText(line(box, 'words-complaint-escalate'))).toBe(seen.escalate);
      if (language === 'zh-Hant') await shot('complaint-on-call');
      await intake.description().fill('樓上單位深夜裝修，噪音滋擾');
      await intake.description().press('Control+Enter');
      await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
      await words.thanks().waitFor();
      await expect.poll(() => seenText(line(words.thanks(), 'words-thanks'))).toBe(seen.thanks);
      await expect.poll(() => seenText(line(words.thanks(), 'words-reply-to-thanks'))).toBe(seen.reply);
      await words.dismissThanks();
      await shell.switchLanguage('zh-Hant');
    }
  });
});
