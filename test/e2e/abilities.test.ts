import type { APIResponse, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { LoginPage } from './pages/LoginPage.js';
import { MyWorkPage } from './pages/MyWorkPage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, BROWSER_TIME_ZONE, type BrowserSession, haveChromium, inCI, openBrowserSession, SCREENSHOTS } from './session.js';

/**
 * Picks an option of an Ant Design select and waits until the select shows it. On a loaded
 * machine a click can land while the list is still sliding open and be lost, so the choice is
 * made again until the select shows it (what a person would do).
 */
async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await vi.waitFor(
    async () => {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).click({ timeout: 2_000 });
      expect(await seenText(select)).toContain(label);
    },
    { timeout: 15_000, interval: 250 },
  );
}

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1360, height: 900 };
const RESIDENT = '陳大文';
const RESIDENT_PHONE = '91234567';
const LEAK = '主人房窗邊滲水，雨後牆身有水漬';
const PROBLEM = '窗邊仍有滲水，矽膠位置未有封好';
const ACTION = '重新打矽膠封好窗框四邊，並檢查外牆裂縫';
const RECTIFIED = '已重新打矽膠，外牆裂縫已修補';

/** Labels of the actions a maintenance worker may not take, as the office's screens show them. */
const NOT_FOR_MAINTENANCE = ['結案', '記錄業戶滿意度', '重開個案', '分派', '轉交部門', '上報經理', '記錄回訪', '發出整改通知', '作廢'];

/** The labels of every button and link on the screen, as a person reads them. */
async function actionLabels(page: Page): Promise<string[]> {
  const texts = await page.locator('button:visible, a:visible, [role="menuitem"]:visible').allInnerTexts();
  return texts.map((text) => text.trim()).filter(Boolean);
}

async function json<T>(response: APIResponse, status: number): Promise<T> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as T;
}

/** The company admin, signed in through the API in a context of their own: the set-up and the database's word. */
class Office {
  private constructor(
    readonly page: Page,
    readonly estateId: string,
    private readonly csrf: string,
  ) {}

  static async signIn(context: BrowserContext): Promise<Office> {
    const page = await context.newPage();
    const session = await json<{ csrfToken: string; estates: { id: string }[] }>(
      await page.request.post('/api/v1/auth/login', { data: { username: 'admin', password: ADMIN_PASSWORD } }),
      200,
    );
    const estateId = session.estates[0]?.id;
    if (!estateId) throw new Error('the demo estate is missing');
    return new Office(page, estateId, session.csrfToken);
  }

  get<T>(path: string): Promise<T> {
    return this.page.request.get(`/api/v1${path}`).then((r) => json<T>(r, 200));
  }

  post<T>(path: string, data: unknown, status = 200): Promise<T> {
    return this.page.request.post(`/api/v1${path}`, { headers: { 'X-CSRF-Token': this.csrf }, data }).then((r) => json<T>(r, status));
  }

  async staffId(username: string): Promise<string> {
    const staff = await this.get<{ items: { id: string; username: string }[] }>(
      `/estates/${this.estateId}/staff?q=${username}&pageSize=10`,
    );
    const person = staff.items.find((s) => s.username === username);
    if (!person) throw new Error(`the demo estate has no ${username}`);
    return person.id;
  }

  async unit(index: number): Promise<{ id: string; label: string }> {
    const units = await this.get<{ items: { id: string; buildingName: string; number: string }[] }>(
      `/estates/${this.estateId}/units?page=${index + 1}&pageSize=1`,
    );
    const unit = units.items[0];
    if (!unit) throw new Error('the demo estate has too few units');
    return { id: unit.id, label: `${unit.buildingName} ${unit.number}` };
  }

  /** A leak repair as the desk records it, its repair handed to the worker. */
  async repairHeldBy(workerId: string, unitId: string, description: string, occurredAt: string) {
    const created = await this.post<{ id: string; number: string }>(
      `/estates/${this.estateId}/cases`,
      {
        kind: 'repair',
        repairClass: 'leak',
        channel: 'phone',
        unitId,
        residentName: RESIDENT,
        residentPhone: RESIDENT_PHONE,
        description,
        occurredAt,
      },
      201,
    );
    await this.post(`/cases/${created.id}/repair/start`, { maintenanceStaffId: workerId, startedAt: occurredAt });
    return created;
  }
}

describe.skipIf(!haveChromium && !inCI)('each person sees only the actions their role holds in the estate', { timeout: 180_000 }, () => {
  let session: BrowserSession | undefined;
  let office: Office;
  let workerId = '';
  let held: { id: string; number: string };
  let unitLabel = '';
  let noticeId = '';
  let noticeCode = '';
  let complaint: { id: string; number: string };
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'abilities-', viewport: PHONE });
    const adminContext = await session.browser.newContext({ baseURL: session.server.url, timezoneId: BROWSER_TIME_ZONE });
    office = await Office.signIn(adminContext);
    workerId = await office.staffId('lam.tm');
    const hour = 3_600_000;
    const unit = await office.unit(3);
    unitLabel = unit.label;

    // The repair the worker is on now.
    held = await office.repairHeldBy(workerId, unit.id, LEAK, new Date(Date.now() - 2 * hour).toISOString());

    // An earlier repair of theirs, completed and followed up by the office, found still leaking:
    // the office issues them a written notice (R-RC-1).
    const earlierUnit = await office.unit(4);
    const earlier = await office.repairHeldBy(
      workerId,
      earlierUnit.id,
      '廚房鋅盆下去水喉滲漏',
      new Date(Date.now() - 6 * hour).toISOString(),
    );
    await office.post(`/cases/${earlier.id}/repair/complete`, {
      workDone: '更換去水喉',
      completedAt: new Date(Date.now() - 5 * hour).toISOString(),
    });
    const followUps = await office.get<{ items: { id: string; kind: string }[] }>(
      `/estates/${office.estateId}/follow-ups?queue=all&caseId=${earlier.id}`,
    );
    const visit = followUps.items.find((f) => f.kind === 'repair');
    if (!visit) throw new Error('the completed repair has no follow-up');
    await office.post(`/follow-ups/${visit.id}/record`, {
      method: 'phone',
      result: 'problem',
      residentWords: '仲有水滴落嚟',
      satisfaction: 2,
      problem: PROBLEM,
    });
    const notice = await office.post<{ id: string; code: string; recipient: { id: string } }>(
      `/estates/${office.estateId}/rectification-notices`,
      { followUpId: visit.id, requiredAction: ACTION, deadlineAt: new Date(Date.now() + 72 * hour).toISOString() },
      201,
    );
    expect(notice.recipient.id).toBe(workerId);
    noticeId = notice.id;
    noticeCode = notice.code;

    complaint = await office.post<{ id: string; number: string }>(
      `/estates/${office.estateId}/cases`,
      { kind: 'complaint', channel: 'counter', description: '大堂保安態度差，業戶要求管理處跟進' },
      201,
    );
  }, 240_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the maintenance worker lands on their repairs on a phone: unit, resident and a phone to tap, and what is next', async () => {
    const page = (session as BrowserSession).page;
    const login = new LoginPage(page);
    await login.goto((session as BrowserSession).server.url);
    await login.login('lam.tm', ADMIN_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/my-work');
    const work = new MyWorkPage(page);
    await work.waitUntilLoaded();

    const repair = work.repair(held.number);
    await repair.waitFor();
    expect(await seenText(repair.getByTestId('my-repair-unit'))).toBe(unitLabel);
    expect(await seenText(repair.getByTestId('my-repair-resident'))).toBe(RESIDENT);
    const phone = repair.getByTestId('my-repair-phone');
    expect((await seenText(phone)).trim()).toBe(RESIDENT_PHONE);
    expect(await phone.getAttribute('href')).toBe(`tel:${RESIDENT_PHONE}`);
    expect(await seenText(repair.getByTestId('my-repair-due'))).toContain('下一步：完成維修');
    expect(await seenText(repair)).toContain(LEAK);

    // Only their own repairs: the office's complaint is not among them.
    const numbers = await work.repairs().evaluateAll((cards) => cards.map((c) => c.getAttribute('data-case-number')));
    expect(numbers).toContain(held.number);
    expect(numbers).not.toContain(complaint.number);

    // The notice to them, with what to do and by when.
    const notice = work.notice(noticeCode);
    await notice.waitFor();
    expect(await notice.getAttribute('data-status')).toBe('issued');
    expect(await seenText(notice.getByTestId('my-notice-action'))).toBe(ACTION);

    // Nothing sticks out at 390 px: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    for (const card of [repair, notice]) {
      const box = await card.boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await shot('my-work-on-phone');

    // None of the office's actions is on the screen.
    const labels = await actionLabels(page);
    expect(labels).toContain('簽收');
    for (const label of NOT_FOR_MAINTENANCE) expect(labels, label).not.toContain(label);
  });

  it('the menu offers the worker only the screens their abilities read', async () => {
    const page = (session as BrowserSession).page;
    const shell = new AppShell(page);
    await shell.openMenuOnPhone();
    const labels = await shell.navLabels();
    for (const seen of [
      '我的工作',
      '職員動態',
      '留言／回電',
      '個案列表',
      '降雨記錄',
      '整改通知',
      '單元',
      '樓座',
      '部門',
      '職員',
      '屋苑設定',
    ])
      expect(labels, seen).toContain(seen);
    for (const hidden of ['總覽', '前台接待', '新增個案', '上報及逾期', '回訪列表', '每月抽查', '業戶'])
      expect(labels, hidden).not.toContain(hidden);
    await shot('menu-on-phone');
    await page.locator('.ant-layout-sider-zero-width-trigger').click();

    // A screen typed in anyway says it is not for their role, and shows nothing of it.
    await page.goto('/followups');
    await page.getByTestId('screen-forbidden').waitFor();
    expect(await page.getByTestId('followups-page').count()).toBe(0);
    expect(await seenText(page.getByTestId('screen-forbidden'))).toContain('這個畫面不適用於你的職位');
  });

  it('on their repair the worker records the work and notes; closing, assigning and follow-ups are not theirs', async () => {
    const page = (session as BrowserSession).page;
    await page.goto(`/cases/${held.id}`);
    await page.getByTestId('case-facts').waitFor();
    const actions = page.getByTestId('case-actions');
    await actions.waitFor();
    const shown = await actions.locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-testid')));
    expect(shown.sort()).toEqual(['action-repairComplete', 'action-repairWork']);
    expect(await page.getByTestId('composer-reply-tab').count()).toBe(0);
    await page.getByTestId('composer-note-tab').waitFor();
    expect(await page.getByTestId('case-followups-panel').count()).toBe(0);
    expect(await page.getByTestId('case-phone').getAttribute('href')).toBe(`tel:${RESIDENT_PHONE}`);
    const labels = await actionLabels(page);
    expect(labels).toContain('完成維修');
    for (const label of NOT_FOR_MAINTENANCE) expect(labels, label).not.toContain(label);
    await shot('repair-on-phone');
  });

  it('[R-RC-2] the worker acknowledges the notice with one tap, and the record says it was them', async () => {
    const page = (session as BrowserSession).page;
    const work = new MyWorkPage(page);
    await work.goto();
    const notice = work.notice(noticeCode);
    await notice.waitFor();
    await work.acknowledge(notice);
    // One tap: no dialog asks anything more.
    await expect.poll(() => notice.getAttribute('data-status'), { timeout: 5_000 }).toBe('acknowledged');
    expect(await page.locator('.ant-modal:visible').count()).toBe(0);

    const stored = await office.get<{ status: string; acknowledgedBy: { id: string; name: string } | null; acknowledgedAt: string | null }>(
      `/rectification-notices/${noticeId}`,
    );
    expect(stored.status).toBe('acknowledged');
    expect(stored.acknowledgedBy?.id).toBe(workerId);
    expect(stored.acknowledgedBy?.name).toBe('林大明');
    expect(stored.acknowledgedAt).not.toBeNull();
    await shot('notice-acknowledged-on-phone');

    // [R-RC-3] Rectified is the next button on the same card, with a short note.
    await work.reportRectified(notice, RECTIFIED);
    await expect.poll(() => notice.count(), { timeout: 5_000 }).toBe(0);
    const rectified = await office.get<{ status: string; rectifiedBy: { id: string } | null; rectifiedNote: string | null }>(
      `/rectification-notices/${noticeId}`,
    );
    expect(rectified.status).toBe('rectified');
    expect(rectified.rectifiedBy?.id).toBe(workerId);
    expect(rectified.rectifiedNote).toBe(RECTIFIED);
  });

  it('[R-CP-3] on a complaint the receptionist sees close and satisfaction; a department member does not', async () => {
    const browser = (session as BrowserSession).browser;
    const url = (session as BrowserSession).server.url;
    const actionsOf = async (username: string, name: string) => {
      const context = await browser.newContext({ viewport: DESK, baseURL: url, timezoneId: BROWSER_TIME_ZONE });
      try {
        const page = await context.newPage();
        const login = new LoginPage(page);
        await login.goto(url);
        await login.login(username, ADMIN_PASSWORD);
        await new AppShell(page).waitUntilReady();
        await page.goto(`/cases/${complaint.id}`);
        await page.getByTestId('case-actions').waitFor();
        const buttons = (await page.getByTestId('case-actions').locator('button').allInnerTexts()).map((text) => text.trim());
        await page.screenshot({ path: `${SCREENSHOTS}/abilities-${name}.png`, fullPage: true });
        return buttons;
      } finally {
        await context.close();
      }
    };

    const desk = await actionsOf('chan.mw', '90-complaint-receptionist');
    expect(desk).toContain('結案');
    expect(desk).toContain('記錄業戶滿意度');

    const department = await actionsOf('wong.ks', '91-complaint-department');
    // The department handles the complaint (it records the result) but does not judge its own work.
    expect(department).toContain('記錄處理結果');
    expect(department).not.toContain('結案');
    expect(department).not.toContain('記錄業戶滿意度');
    expect(department).not.toContain('重開個案');
  });

  it('the manager sets a colleague’s role in this estate on the staff form, and the list shows it', async () => {
    const browser = (session as BrowserSession).browser;
    const url = (session as BrowserSession).server.url;
    const context = await browser.newContext({ viewport: DESK, baseURL: url, timezoneId: BROWSER_TIME_ZONE });
    try {
      const page = await context.newPage();
      const login = new LoginPage(page);
      await login.goto(url);
      await login.login('manager', ADMIN_PASSWORD);
      await new AppShell(page).waitUntilReady();
      await page.goto('/staff?q=cheung.wy');
      const row = page.locator('[data-testid="staff-table"] tr', { hasText: 'cheung.wy' });
      await row.waitFor();
      expect(await row.getByTestId('staff-role').getAttribute('data-role')).toBe('receptionist');
      await row.getByTestId('staff-edit').click();
      const form = page.getByTestId('staff-form');
      const membership = form.locator(`[data-testid="staff-form-membership"][data-estate-id="${office.estateId}"]`);
      await membership.waitFor();
      // A manager may not make anyone an admin: the company-level choice has no admin.
      await form.getByTestId('staff-form-role').click();
      const companyRoles = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
      expect(companyRoles).not.toContain('系統管理員');
      await form.getByTestId('staff-form-role').click();
      // One list open at a time: the next choice is made in the estate's own list.
      await expect.poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 }).toBe(0);
      await pickOption(page, membership.getByTestId('staff-form-estate-role'), '部門職員');
      await page.screenshot({ path: `${SCREENSHOTS}/abilities-92-staff-form-estate-role.png`, fullPage: true });
      await page.getByTestId('staff-form-submit').click();
      await expect.poll(() => row.getByTestId('staff-role').getAttribute('data-role'), { timeout: 5_000 }).toBe('department');

      const stored = await office.get<{ role: string; estates: { estateId: string; role: string }[] }>(
        `/staff/${await office.staffId('cheung.wy')}`,
      );
      expect(stored.estates.find((m) => m.estateId === office.estateId)?.role).toBe('department');
      // The company-level role is untouched.
      expect(stored.role).toBe('receptionist');

      // A new colleague is made with their role in this estate.
      await page.getByTestId('staff-create').click();
      await form.getByTestId('staff-form-username').fill('yip.mh');
      await form.getByTestId('staff-form-name').fill('葉文康');
      await form.getByTestId('staff-form-surname').fill('葉');
      await form.getByTestId('staff-form-password').fill('Yip-pass-2026');
      const first = form.locator(`[data-testid="staff-form-membership"][data-estate-id="${office.estateId}"]`);
      // The choice has taken before saving, and the form has closed (the person is saved) before leaving the page.
      await pickOption(page, first.getByTestId('staff-form-estate-role'), '維修職員');
      await page.getByTestId('staff-form-submit').click();
      await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(false);
      await page.goto('/staff?q=yip.mh');
      const created = page.locator('[data-testid="staff-table"] tr', { hasText: 'yip.mh' });
      await created.waitFor();
      await expect.poll(() => created.getByTestId('staff-role').getAttribute('data-role'), { timeout: 5_000 }).toBe('maintenance');
    } finally {
      await context.close();
    }
  });
});
