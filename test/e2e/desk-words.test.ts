import type { APIResponse, Page } from 'playwright-core';
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
// 鄭玉蓮 is the finance department, the only one whose duties cover a fee matter (R-WK-3).
const FINANCE = '鄭玉蓮';

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** What each language shows for Mrs Chan (陳太), the resident this file follows. */
const SEEN: Record<
  Language,
  {
    address: string;
    greeting: string;
    away: string;
    farewell: string;
    apology: string;
    forwardAny: string;
    forwardEngineering: string;
    escalate: string;
    thanks: string;
    reply: string;
  }
> = {
  'zh-Hant': {
    address: '稱呼：陳太',
    greeting: '陳太，請問您有甚麼事？',
    away: `對不起，陳太。${FINANCE}剛出外辦事了，您先請坐，我幫您找一找。`,
    farewell: '多謝您，陳太，請慢走，再見！',
    apology: '陳太，我感到很抱歉，我會馬上了解事情後盡快幫您解決。',
    forwardAny: '對不起，陳太，我會把事情反映給有關部門，然後給您答覆，請留下閣下的資料。',
    forwardEngineering: '對不起，陳太，我會把事情反映給工程部，然後給您答覆，請留下閣下的資料。',
    escalate: '對不起，陳太，我無權處理此事，我會向有關領導反映閣下的意見。',
    thanks: '多謝您，陳太，誠基公寓管理處已經為您登記好了。',
    reply: '陳太，請別客氣。',
  },
  'zh-Hans': {
    address: '称呼：陈太',
    greeting: '陈太，请问您有什么事？',
    away: `对不起，陈太。${FINANCE}刚出外办事了，您先请坐，我帮您找一找。`,
    farewell: '谢谢您，陈太，请慢走，再见！',
    apology: '陈太，我感到很抱歉，我会马上了解事情后尽快帮您解决。',
    forwardAny: '对不起，陈太，我会把事情反映给有关部门，然后给您答复，请留下阁下的资料。',
    forwardEngineering: '对不起，陈太，我会把事情反映给工程部，然后给您答复，请留下阁下的资料。',
    escalate: '对不起，陈太，我无权处理此事，我会向有关领导反映阁下的意见。',
    thanks: '谢谢您，陈太，誠基公寓管理处已经为您登记好了。',
    reply: '陈太，请别客气。',
  },
  en: {
    address: 'Address as Mrs Chan',
    greeting: 'Mrs Chan, how may I help you?',
    away: `I am sorry, Mrs Chan. ${FINANCE} has just gone out on an errand. Please take a seat and I will find them for you.`,
    farewell: 'Thank you, Mrs Chan. Goodbye, and take care!',
    apology: 'Mrs Chan, I am very sorry. I will look into it at once and resolve it for you as soon as I can.',
    forwardAny:
      'I am sorry, Mrs Chan. I will pass this on to the department concerned and we will come back to you with an answer. May I have your details?',
    forwardEngineering:
      'I am sorry, Mrs Chan. I will pass this on to 工程部 and we will come back to you with an answer. May I have your details?',
    escalate: 'I am sorry, Mrs Chan, this is not mine to decide. I will bring your views to the management.',
    thanks: 'Thank you, Mrs Chan. 誠基公寓 Management Office has recorded it for you.',
    reply: 'You are most welcome, Mrs Chan.',
  },
};
const LANGUAGES: Language[] = ['zh-Hant', 'zh-Hans', 'en'];

describe.skipIf(!haveChromium && !inCI)("staff web app: the plan's words where their situation happens", { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let shell: AppShell;
  let words: DeskWords;
  let estateId: string;
  let csrf: string;
  let residentId: string;
  let unitId: string;
  let visitId: string;
  const staff = new Map<string, string>();
  const shot = (name: string) => (session as BrowserSession).shot(name);
  const headers = () => ({ 'X-CSRF-Token': csrf });
  const setPresence = async (username: string, presence: { state: string }) =>
    json(await page.request.put(`/api/v1/staff/${staff.get(username)}/presence`, { headers: headers(), data: presence }), 200);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'desk-words-', viewport: DESK });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    shell = new AppShell(page);
    await shell.waitUntilReady();
    words = new DeskWords(page);
    const me = await json<{ estates: { id: string }[]; csrfToken: string }>(await page.request.get('/api/v1/auth/session'), 200);
    estateId = me.estates[0]?.id ?? '';
    csrf = me.csrfToken;
    const list = await json<{ items: { id: string; username: string }[] }>(
      await page.request.get(`/api/v1/estates/${estateId}/staff?pageSize=50`),
      200,
    );
    for (const s of list.items) staff.set(s.username, s.id);
    const units = await json<{ items: { id: string }[] }>(await page.request.get(`/api/v1/estates/${estateId}/units?q=2A&pageSize=1`), 200);
    unitId = units.items[0]?.id ?? '';
  }, 180_000);

  afterAll(async () => session?.close());

  it('[R-WD-2] the resident form keeps how a resident is addressed, and the database holds it', async () => {
    await page.goto('/residents');
    await page.getByTestId('residents-create').click();
    const form = page.getByTestId('resident-form');
    await page.getByTestId('resident-form-name').fill(RESIDENT);
    await form.getByText('太太', { exact: true }).click();
    await page.getByTestId('resident-form-submit').click();
    await form.locator('form').waitFor({ state: 'detached' });
    const found = await json<{ items: { id: string; title: string | null }[] }>(
      await page.request.get(`/api/v1/estates/${estateId}/residents?q=${encodeURIComponent(RESIDENT)}`),
      200,
    );
    expect(found.items.map((r) => r.title)).toEqual(['mrs']);
    residentId = found.items[0]?.id ?? '';
    // She lives in 2A (linked as the desk would through the unit's page).
    await json(await page.request.patch(`/api/v1/residents/${residentId}`, { headers: headers(), data: { unitIds: [unitId] } }), 200);
    await shot('resident-title');
  });

  it('[R-WD-2][R-WK-3] a walk-in is greeted by surname and title; the colleague she needs is out: the words to say, in three languages', async () => {
    await setPresence('cheng.yl', { state: 'out' });
    const visit = await json<{ id: string }>(
      await page.request.post(`/api/v1/estates/${estateId}/visits`, {
        headers: headers(),
        data: { visitorName: RESIDENT, unitId, purpose: 'fee' },
      }),
      201,
    );
    visitId = visit.id;
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    const card = words.visitCard(visitId);
    await card.waitFor();
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      const seen = SEEN[language];
      await expect.poll(() => seenText(words.address(card))).toBe(seen.address);
      await expect.poll(() => seenText(words.line(card, 'words-greeting'))).toBe(seen.greeting);
      await expect.poll(() => seenText(words.line(card, 'words-away'))).toBe(seen.away);
    }
    await shot('walk-in-words');
    await shell.switchLanguage('zh-Hant');
  });

  it('[R-WD-2] a contact left at the counter is thanked for, and the thanks answered with 請別客氣', async () => {
    const card = words.visitCard(visitId);
    await card.getByTestId('visit-take-contact').click();
    const form = page.getByTestId('message-form');
    await form.locator('form').waitFor();
    expect(await page.getByTestId('message-caller-name').inputValue()).toBe(RESIDENT);
    await page.getByTestId('message-caller-phone').fill('91234567');
    await page.getByTestId('message-text').fill('想查詢管理費單');
    await page.getByTestId('message-text').press('Control+Enter');
    await form.locator('form').waitFor({ state: 'detached' });
    await words.thanks().waitFor();
    await expect.poll(() => seenText(words.line(words.thanks(), 'words-thanks'))).toBe(SEEN['zh-Hant'].thanks);
    await expect.poll(() => seenText(words.line(words.thanks(), 'words-reply-to-thanks'))).toBe(SEEN['zh-Hant'].reply);
    await shot('message-thanks');
    await words.dismissThanks();
  });

  it('[R-WD-2][R-WK-5] a colleague "in another office" is on the board, and the desk says where they are', async () => {
    await setPresence('cheng.yl', { state: 'other_office' });
    const anonymous = await json<{ id: string }>(
      await page.request.post(`/api/v1/estates/${estateId}/visits`, { headers: headers(), data: { purpose: 'fee' } }),
      201,
    );
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    const chip = page.locator(`[data-testid="presence-chip"][data-staff-id="${staff.get('cheng.yl')}"]`);
    const card = words.visitCard(anonymous.id);
    await card.waitFor();
    const expected: Record<Language, { state: string; greeting: string; away: string }> = {
      'zh-Hant': {
        state: '在其他辦公室',
        greeting: '先生／小姐，請問您有甚麼事？',
        away: `${FINANCE}在其他辦公室處理事務，我幫您找一下，請稍等。`,
      },
      'zh-Hans': {
        state: '在其他办公室',
        greeting: '先生／女士，请问您有什么事？',
        away: `${FINANCE}在其他办公室处理事务，我帮您找一下，请稍等。`,
      },
      en: {
        state: 'In another office',
        greeting: 'Sir or Madam, how may I help you?',
        away: `${FINANCE} is in another office just now. Let me find them for you; one moment, please.`,
      },
    };
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await expect.poll(() => chip.getAttribute('data-state')).toBe('other_office');
      await expect.poll(() => seenText(chip)).toContain(expected[language].state);
      // Nobody knows the visitor yet: the plan's 先生／小姐, and no form of address on the card.
      await expect.poll(() => seenText(words.line(card, 'words-greeting'))).toBe(expected[language].greeting);
      expect(await words.address(card).count()).toBe(0);
      await expect.poll(() => seenText(words.line(card, 'words-away'))).toBe(expected[language].away);
    }
    await shell.switchLanguage('zh-Hant');
    // The phone desk offers the same words when a caller asks for her (§5.1).
    await frontDesk.askFor(FINANCE);
    await expect.poll(() => seenText(frontDesk.script())).toContain(expected['zh-Hant'].away);
    await shot('other-office');
  });

  it('[R-WD-2] the farewell as the visitor leaves, by surname and title, in three languages', async () => {
    await json(
      await page.request.post(`/api/v1/visits/${visitId}/receive`, { headers: headers(), data: { receiverId: staff.get('chan.mw') } }),
      200,
    );
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    const card = words.visitCard(visitId);
    await card.getByTestId('visit-depart').waitFor();
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      await card.getByTestId('visit-depart').click();
      await words.departForm().locator('form').waitFor();
      await expect.poll(() => seenText(words.line(words.departForm(), 'words-farewell'))).toBe(SEEN[language].farewell);
      if (language === 'en') await shot('farewell');
      await words.closeDialog(words.departForm());
    }
    await shell.switchLanguage('zh-Hant');
  });

  it('[R-WD-2][R-CP-2] a complaint at the counter: apologise, forward, escalate, and thanks once recorded, in three languages', async () => {
    const intake = new NewCasePage(page);
    for (const language of LANGUAGES) {
      await shell.switchLanguage(language);
      const seen = SEEN[language];
      const params = new URLSearchParams({ channel: 'counter', kind: 'complaint', unitId, residentId, residentName: RESIDENT });
      await page.goto(`/cases/new?${params.toString()}`);
      await intake.root().waitFor();
      const box = words.complaintWords();
      await expect.poll(() => seenText(words.line(box, 'words-complaint-apology'))).toBe(seen.apology);
      await expect.poll(() => seenText(words.line(box, 'words-complaint-forward'))).toBe(seen.forwardAny);
      await expect.poll(() => seenText(words.line(box, 'words-complaint-escalate'))).toBe(seen.escalate);
      await intake.description().fill('走廊燈壞了三日仍未修理');
      await intake.description().press('Control+Enter');
      await page.waitForURL((url) => /^\/cases\/[0-9a-f-]+$/.test(url.pathname));
      // R-WD-2 (篇3 §13): thanks after a registration, and the answer to the resident's thanks.
      await words.thanks().waitFor();
      await expect.poll(() => seenText(words.line(words.thanks(), 'words-thanks'))).toBe(seen.thanks);
      await expect.poll(() => seenText(words.line(words.thanks(), 'words-reply-to-thanks'))).toBe(seen.reply);
      if (language === 'zh-Hant') await shot('complaint-thanks');
      await words.dismissThanks();

      // Forwarded to a department: the words name the department once it is chosen.
      const forward = await words.openCaseAction('forward');
      await expect.poll(() => seenText(words.line(forward, 'words-complaint-forward'))).toBe(seen.forwardAny);
      await words.choose(page.getByTestId('forward-department'), '工程部');
      await expect.poll(() => seenText(words.line(forward, 'words-complaint-forward'))).toBe(seen.forwardEngineering);
      await words.closeDialog(forward);

      const escalate = await words.openCaseAction('escalate');
      await expect.poll(() => seenText(words.line(escalate, 'words-complaint-escalate'))).toBe(seen.escalate);
      if (language === 'zh-Hans') await shot('escalate-words');
      await words.closeDialog(escalate);
    }
    await shell.switchLanguage('zh-Hant');
  });

  it('[R-WD-2] the desk scripts page lists the new words, and a reworded farewell is what the desk then shows', async () => {
    // Only a manager rewords; the receptionist reads the words the page lists.
    await page.goto('/settings/desk-scripts');
    const farewell = page.locator('[data-testid="desk-script"][data-situation="walk_in_farewell"][data-locale="zh-Hant"]');
    await farewell.waitFor();
    await expect.poll(() => seenText(farewell.getByTestId('desk-script-text-shown'))).toBe('多謝您，{addressee}，請慢走，再見！');
    const manager = await page.context().browser()?.newContext({ baseURL: session?.server.url });
    if (!manager) throw new Error('no browser');
    try {
      const managerPage = await manager.newPage();
      const login = new LoginPage(managerPage);
      await login.goto(session?.server.url ?? '');
      await login.login('manager', ADMIN_PASSWORD);
      await new AppShell(managerPage).waitUntilReady();
      await managerPage.goto('/settings/desk-scripts');
      const editing = managerPage.locator('[data-testid="desk-script"][data-situation="walk_in_farewell"][data-locale="zh-Hant"]');
      await editing.getByTestId('desk-script-text').fill('{addressee}，慢行，{office}歡迎您再來！');
      await expect
        .poll(() => seenText(editing.getByTestId('desk-script-preview')))
        .toBe('讀出來是: 陳先生，慢行，誠基公寓管理處歡迎您再來！');
      await editing.getByTestId('desk-script-text').press('Control+Enter');
      await editing.getByText('本屋苑用語').waitFor();
    } finally {
      await manager.close();
    }
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    const card = words.visitCard(visitId);
    await card.getByTestId('visit-depart').click();
    await words.departForm().locator('form').waitFor();
    await expect.poll(() => seenText(words.line(words.departForm(), 'words-farewell'))).toBe('陳太，慢行，誠基公寓管理處歡迎您再來！');
    await words.closeDialog(words.departForm());
  });
});
