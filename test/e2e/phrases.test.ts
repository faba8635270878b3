import type { APIResponse, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { CaseDetailPage } from './pages/CaseDetailPage.js';
import { FollowUpsPage } from './pages/FollowUpsPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { MessagesPage } from './pages/MessagesPage.js';
import { PhraseComposer } from './pages/PhraseComposer.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

/** Defect 5: what the receptionist wrote, and what 「全部替換」 made of it: 「對不起,我不太清楚保安當晚為何沒有處理，對不起,他走開了現場」. */
const WRITTEN = '我不知道保安當晚為何沒有處理，他不在現場';
const FIRST_PREVIEW = '對不起，我不太清楚保安當晚為何沒有處理，他不在現場';
const SECOND_PREVIEW = '我不知道保安當晚為何沒有處理，對不起，他離開了現場';
const REVISED = '對不起，我不太清楚保安當晚為何沒有處理，他離開了現場';

interface Desk {
  estateId: string;
  staffId: string;
  csrf: string;
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The signed-in person, their estate and CSRF token, for set-up steps done through the API. */
async function deskOf(page: Page): Promise<Desk> {
  const session = await json<{ staff: { id: string }; estates: { id: string }[]; csrfToken: string }>(
    await page.request.get('/api/v1/auth/session'),
    200,
  );
  const estate = session.estates[0];
  if (!estate) throw new Error('the receptionist works for no estate');
  return { estateId: estate.id, staffId: session.staff.id, csrf: session.csrfToken };
}

interface TimelineEvent {
  type: string;
  text: string | null;
  data: { phraseWarnings?: unknown };
}

describe.skipIf(!haveChromium && !inCI)('staff web app: the phrase guide in the browser (R-WD-1, R-WD-2)', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let desk: Desk;
  const shot = (name: string) => (session as BrowserSession).shot(name);
  const post = <T>(url: string, data: unknown, status = 200) =>
    page.request.post(`/api/v1${url}`, { headers: { 'X-CSRF-Token': desk.csrf }, data }).then((r) => json<T>(r, status));

  async function complaint(description: string): Promise<string> {
    const created = await post<{ id: string }>(
      `/estates/${desk.estateId}/cases`,
      { kind: 'complaint', channel: 'phone', residentName: '陳大文', residentPhone: '91234567', description },
      201,
    );
    return created.id;
  }

  async function timeline(caseId: string): Promise<TimelineEvent[]> {
    return (await json<{ timeline: TimelineEvent[] }>(await page.request.get(`/api/v1/cases/${caseId}`), 200)).timeline;
  }

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'phrases-', viewport: { width: 1360, height: 900 } });
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

  it('[R-WD-1] defect 5: each suggestion shows its sentence before and after; all of them are used only after the review, and the sent reply reads', async () => {
    const caseId = await complaint('保安當晚沒有處理樓上噪音');
    const detail = new CaseDetailPage(page);
    await page.goto(`/cases/${caseId}`);
    await detail.waitUntilLoaded();
    const composer = new PhraseComposer(page.locator('#reply-composer'));
    await detail.replyBox().click();
    await page.keyboard.type(WRITTEN);

    await composer.matches().or(composer.unavailable()).first().waitFor();
    expect(await composer.unavailable().count(), 'POST /estates/{id}/phrases/check did not answer').toBe(0);
    await expect.poll(() => composer.matches().count()).toBe(2);
    expect(await composer.sentences(composer.match('我不知道'))).toEqual({ asWritten: WRITTEN, suggested: FIRST_PREVIEW });
    expect(await composer.sentences(composer.match('他不在'))).toEqual({ asWritten: WRITTEN, suggested: SECOND_PREVIEW });
    await shot('suggestions-with-their-sentences');

    // The review shows the whole reply with every suggestion; nothing changes until it is accepted.
    await composer.reviewAll().click();
    expect((await seenText(composer.revised())).trim()).toBe(REVISED);
    expect(await detail.replyText()).toBe(WRITTEN);
    await shot('review-all');
    await composer.applyAll().click();
    await expect.poll(() => detail.replyText()).toBe(REVISED);
    // Checked again as it now stands: nothing left, so the warning goes.
    await expect.poll(() => composer.warnings().count()).toBe(0);

    await detail.replyBox().focus();
    await page.keyboard.press('Control+Enter');
    const reply = detail.timelineEvents('reply');
    await reply.first().waitFor();
    expect(await seenText(reply.first())).toContain(REVISED);
    expect(await seenText(reply.first())).not.toContain('走開了現場');
    await page.getByText('已記錄回覆').waitFor();
    expect(await page.getByText('仍有').count()).toBe(0);
    // The server checked the words as sent and found nothing to keep.
    const sent = (await timeline(caseId)).find((e) => e.type === 'reply');
    expect(sent).toMatchObject({ text: REVISED });
    expect(sent?.data.phraseWarnings).toBeUndefined();
    await shot('sent-reads');
  });

  it('[R-WD-2] 篇3 §12: ordering and questioning words are used one at a time; the warning stays until the last one is gone', async () => {
    const caseId = await complaint('走廊雜物阻塞');
    const detail = new CaseDetailPage(page);
    await page.goto(`/cases/${caseId}`);
    await detail.waitUntilLoaded();
    const composer = new PhraseComposer(page.locator('#reply-composer'));
    await detail.replyBox().click();
    await page.keyboard.type('你必須在月底前清走雜物。你怎麼不早點通知我們？');
    await expect.poll(() => composer.matches().count()).toBe(2);
    expect((await composer.sentences(composer.match('你必須'))).suggested).toBe('麻煩您在月底前清走雜物。');
    expect((await composer.sentences(composer.match('你怎麼不'))).suggested).toBe('請您早點通知我們，好嗎？');

    await composer.use(composer.match('你必須'));
    await expect.poll(() => detail.replyText()).toBe('麻煩您在月底前清走雜物。你怎麼不早點通知我們？');
    // Still one to go: the warning stays, now with that one alone.
    expect(await composer.warnings().count()).toBe(1);
    await expect.poll(() => composer.matches().count()).toBe(1);
    await composer.match('你怎麼不').waitFor();
    await composer.use(composer.match('你怎麼不'));
    await expect.poll(() => detail.replyText()).toBe('麻煩您在月底前清走雜物。請您早點通知我們，好嗎？');
    await expect.poll(() => composer.warnings().count()).toBe(0);
  });

  it("[R-WD-2] a follow-up's words with 你必須 get the warning in the record form, and the server keeps what it found", async () => {
    const staff = await json<{ items: { id: string; username: string }[] }>(
      await page.request.get(`/api/v1/estates/${desk.estateId}/staff?role=maintenance&pageSize=50`),
      200,
    );
    const worker = staff.items.find((s) => s.username === 'lam.tm');
    if (!worker) throw new Error('the demo estate has no lam.tm');
    const occurredAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const repair = await post<{ id: string; number: string }>(
      `/estates/${desk.estateId}/cases`,
      { kind: 'repair', repairClass: 'other', channel: 'phone', residentName: '李小姐', description: '後樓梯燈不亮', occurredAt },
      201,
    );
    await post(`/cases/${repair.id}/repair/start`, { maintenanceStaffId: worker.id, startedAt: occurredAt });
    await post(`/cases/${repair.id}/repair/complete`, {
      workDone: '已換燈膽',
      completedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });

    const queue = new FollowUpsPage(page);
    await queue.goto();
    await queue.openRecordForm(repair.number);
    await queue.fillRecord({ result: 'ok', words: '燈已修好。你必須關好後樓梯門。', satisfaction: 5 });
    const composer = new PhraseComposer(queue.form());
    await expect.poll(() => composer.matches().count()).toBe(1);
    expect(await composer.sentences(composer.match('你必須'))).toEqual({
      asWritten: '你必須關好後樓梯門。',
      suggested: '麻煩您關好後樓梯門。',
    });
    await shot('follow-up-words-warned');
    // It warns, it does not hold the record back.
    await queue.saveRecordByKeyboard();
    const entry = (await timeline(repair.id)).find((e) => e.type === 'follow_up');
    expect(entry?.data.phraseWarnings).toMatchObject([{ field: 'residentWords', matches: [{ avoid: '你必須' }] }]);
  });

  it('[R-WD-2] a call-back message with 你必須 gets the warning as it is written and again when it is sent', async () => {
    const text = '想問停水時間，請回電';
    await post(
      `/estates/${desk.estateId}/messages`,
      { callerName: '何先生', callerPhone: '91112222', text, forStaffId: desk.staffId },
      201,
    );
    const messages = new MessagesPage(page);
    await messages.goto();
    await messages.row(text).getByTestId('message-callback').click();
    const form = page.getByTestId('callback-form');
    await page.getByTestId('callback-note').fill('你必須先關總掣，師傅下午上來。');
    const composer = new PhraseComposer(form);
    await expect.poll(() => composer.matches().count()).toBe(1);
    expect((await composer.sentences(composer.match('你必須'))).suggested).toBe('麻煩您先關總掣，師傅下午上來。');
    await page.getByTestId('callback-note').press('Control+Enter');
    await form.locator('form').waitFor({ state: 'detached' });
    await page.getByText('已送出，但仍有 1 處說法可以改善。').waitFor();
    await shot('call-back-sent-with-warning');
  });

  it("[R-WD-1] the manager adds an estate rule that rewrites the whole phrase; the guide's trial box shows the sentence it makes", async () => {
    const context = await (session as BrowserSession).browser.newContext({
      viewport: { width: 1360, height: 900 },
      baseURL: session?.server.url,
    });
    try {
      const manager = await context.newPage();
      const login = new LoginPage(manager);
      await login.goto(session?.server.url ?? '');
      await login.login('manager', ADMIN_PASSWORD);
      await new AppShell(manager).waitUntilReady();
      await manager.goto('/settings/phrases');
      await manager.getByTestId('phrase-rules-create').click();
      await manager.getByTestId('phrase-rule-form-avoid').fill('快啲交');
      await manager.getByTestId('phrase-rule-form-suggestion').fill('麻煩您盡快交……');
      await manager.getByTestId('phrase-rule-form-pattern').fill('快啲交(?<what>[^,。]*)');
      await manager.getByTestId('phrase-rule-form-replacement').fill('麻煩您[盡快交{what}|盡快交來]');
      await manager.getByTestId('phrase-rule-form-submit').click();
      await manager.getByTestId('phrase-rule-form').locator('form').waitFor({ state: 'detached' });

      await manager.getByTestId('phrase-try').fill('管理費快啲交管理處。');
      const composer = new PhraseComposer(manager.locator('#main'));
      await expect.poll(() => composer.matches().count()).toBe(1);
      expect(await composer.sentences(composer.match('快啲交'))).toEqual({
        asWritten: '管理費快啲交管理處。',
        suggested: '管理費麻煩您盡快交管理處。',
      });
    } finally {
      await context.close();
    }
  });
});
