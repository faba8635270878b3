import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell.js';
import { CaseDetailPage } from './pages/CaseDetailPage.js';
import { FrontDeskPage } from './pages/FrontDeskPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NewCasePage } from './pages/NewCasePage.js';
import { seenText } from './pages/text.js';
import { ADMIN_PASSWORD, type BrowserSession, haveChromium, inCI, openBrowserSession } from './session.js';

const DESK = { width: 1440, height: 1000 };
// The first resident of the demo estate (A座 1A) has this phone number.
const CALLER_PHONE = '91007919';
// A number nobody in the estate has.
const STRANGER_PHONE = '61234567';

interface CaseRecord {
  unit: { buildingName: string; number: string } | null;
  residentId: string | null;
  residentName: string | null;
  residentPhone: string | null;
  kind: string;
}

/** The case as the database holds it, read through the API. */
async function caseRecord(page: Page, caseId: string): Promise<CaseRecord> {
  const res = await page.request.get(`/api/v1/cases/${caseId}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as CaseRecord;
}

/** How many cases the estate holds. */
async function caseCount(page: Page, estateId: string): Promise<number> {
  const res = await page.request.get(`/api/v1/estates/${estateId}/cases?page=1&pageSize=1`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

/** The lines a unit lookup offers for a text: the unit each names and what it shows, top to bottom. */
async function offered(page: Page, field: Locator, optionTestId: string, text: string): Promise<{ unitId: string; text: string }[]> {
  const input = field.locator('input').first();
  const options = page.locator(`.ant-select-dropdown:visible [data-testid="${optionTestId}"]`);
  await input.fill('');
  await expect.poll(() => options.count()).toBe(0);
  await input.fill(text);
  await options.first().waitFor();
  return options.evaluateAll((els) =>
    // biome-ignore lint/performance/useDomNodeTextContent: the text a person reads on each line
    els.map((el) => ({ unitId: el.getAttribute('data-unit-id') ?? '', text: (el as HTMLElement).innerText.replace(/\s+/g, ' ') })),
  );
}

describe.skipIf(!haveChromium && !inCI)('the front desk: the caller on the line and the one unit lookup', { timeout: 120_000 }, () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let estateId: string;
  const shot = (name: string) => (session as BrowserSession).shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ prefix: 'desk-caller-', viewport: DESK });
    page = session.page;
    const login = new LoginPage(page);
    await login.goto(session.server.url);
    await login.login('chan.mw', ADMIN_PASSWORD);
    await new AppShell(page).waitUntilReady();
    const me = (await (await page.request.get('/api/v1/auth/session')).json()) as { estates: { id: string }[] };
    estateId = me.estates[0]?.id ?? '';
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('[R-PH-2][R-PH-4] after a message the caller stays on the desk: Alt+2 records the repair with their unit, resident and phone; only hanging up ends the call', async () => {
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    await frontDesk.findCaller(CALLER_PHONE, CALLER_PHONE);
    const callerName = await seenText(frontDesk.chosenCaller().getByTestId('caller-name'));
    const residentId = await frontDesk.chosenCaller().getAttribute('data-resident-id');
    await frontDesk.askFor('劉振雄');

    // The caller asks 劉振雄 to call back: a message, saved with Ctrl+Enter.
    await frontDesk.takeMessage('請劉先生回電，廚房水喉漏水');
    // The call goes on: the caller, the unit and the clock are still there.
    expect(await seenText(frontDesk.chosenCaller().getByTestId('caller-unit'))).toContain('A座 1A');
    expect(await seenText(frontDesk.chosenCaller().getByTestId('caller-name'))).toBe(callerName);
    expect(await frontDesk.callTimer().getAttribute('data-state')).toBe('on');
    await shot('caller-stays-after-message');

    // The same caller also reports the leak: Alt+2, a repair by phone with the caller filled in.
    await page.keyboard.press('Alt+Digit2');
    await page.waitForURL((url) => url.pathname === '/cases/new');
    const intake = new NewCasePage(page);
    await intake.root().waitFor();
    expect(await intake.chosen('case-kind')).toBe('repair');
    await intake.unit().waitFor();
    expect(await seenText(intake.unit())).toContain('A座 1A');
    expect(await intake.residentPhone().inputValue()).toBe(CALLER_PHONE);
    expect(await intake.residentName().inputValue()).toBe(callerName);
    await intake.description().fill('廚房水喉漏水，滴到樓下');
    await page.getByTestId('case-repair-class').locator('label:has(input[value="leak"])').click();
    await intake.description().press('Control+Enter');
    // The repair has its unit: nothing to confirm, it is saved.
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    const detail = new CaseDetailPage(page);
    await detail.waitUntilLoaded();
    expect(await detail.text(detail.unit())).toBe('A座 1A');
    expect(await detail.text(detail.resident())).toBe(callerName);
    const saved = await caseRecord(page, detail.caseId());
    expect(saved).toMatchObject({
      kind: 'repair',
      unit: { buildingName: 'A座', number: '1A' },
      residentId,
      residentName: callerName,
      residentPhone: CALLER_PHONE,
    });

    // Back at the desk the call is still on the line, with its caller.
    await frontDesk.goto();
    await frontDesk.chosenCaller().waitFor();
    expect(await seenText(frontDesk.chosenCaller().getByTestId('caller-unit'))).toContain('A座 1A');
    expect(await frontDesk.callTimer().getAttribute('data-state')).toBe('on');
    // Both things done during the call are in the log with the caller's unit.
    const message = frontDesk.callRows().filter({ hasText: '已留言' }).first();
    const repair = frontDesk.callRows().filter({ hasText: '已開個案' }).first();
    await message.waitFor();
    await repair.waitFor();
    for (const row of [message, repair]) {
      expect(await seenText(row)).toContain('A座 1A');
      expect(await seenText(row)).toContain(CALLER_PHONE);
    }

    // A case of another kind opened with Alt+N during the call is the call's too, and says so.
    const intakeAgain = new NewCasePage(page);
    await intakeAgain.openByShortcut();
    await page.getByTestId('case-from-call').waitFor();
    expect(await seenText(page.getByTestId('case-from-call'))).toContain(CALLER_PHONE);
    await intakeAgain.unit().waitFor();
    expect(await seenText(intakeAgain.unit())).toContain('A座 1A');
    expect(await intakeAgain.chosen('case-channel')).toBe('phone');
    await expect.poll(() => intakeAgain.focusedIn()).toBe('case-kind');
    await page.keyboard.press('5');
    expect(await intakeAgain.chosen('case-kind')).toBe('message');
    await intakeAgain.description().fill('請管理處通知何時停水');
    await intakeAgain.description().press('Control+Enter');
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await caseRecord(page, new CaseDetailPage(page).caseId())).toMatchObject({
      kind: 'message',
      unit: { buildingName: 'A座', number: '1A' },
      residentId,
      residentPhone: CALLER_PHONE,
    });
    await frontDesk.goto();
    await frontDesk.chosenCaller().waitFor();

    // The hang-up button names its key; Alt+H ends the call: no caller, no clock.
    expect(await seenText(page.getByTestId('desk-hang-up'))).toContain('Alt+H');
    await frontDesk.hangUp();
    expect(await frontDesk.chosenCaller().count()).toBe(0);
    expect(await seenText(frontDesk.callTimer())).toBe('未有通話');
    expect(await seenText(page.getByTestId('desk-answer'))).toContain('Alt+A');
    await shot('hung-up');
  });

  it('[R-IN-4] a repair with no unit asks to confirm: from the phone desk with an unknown number, and on the new-case screen', async () => {
    // A caller nobody is found for: the number typed goes with the call.
    const frontDesk = new FrontDeskPage(page);
    await frontDesk.goto();
    await frontDesk.callerInput().focus();
    await page.keyboard.type(STRANGER_PHONE);
    await page.getByTestId('caller-search-none').filter({ hasText: '找不到' }).waitFor();
    await page.keyboard.press('Alt+Digit2');
    await page.waitForURL((url) => url.pathname === '/cases/new');
    const intake = new NewCasePage(page);
    await intake.root().waitFor();
    expect(await intake.chosen('case-kind')).toBe('repair');
    expect(await intake.residentPhone().inputValue()).toBe(STRANGER_PHONE);
    expect(await intake.unit().count()).toBe(0);
    await intake.description().fill('大堂閘門關不上');
    await page.getByTestId('case-repair-class').locator('label:has(input[value="safety"])').click();
    const before = await caseCount(page, estateId);

    // Ctrl+Enter: the desk is asked first; the focus is on going back, so Enter saves nothing.
    await intake.description().press('Control+Enter');
    const confirm = page.getByTestId('no-unit-confirm');
    await confirm.waitFor();
    expect(await seenText(page.locator('.ant-modal-confirm:visible'))).toContain('這宗報修未有單元');
    expect(await seenText(confirm)).toContain('仍要儲存嗎？');
    await shot('repair-without-unit-confirm');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('no-unit-back');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/cases/new');
    expect(await caseCount(page, estateId)).toBe(before);
    // Back to the form, in the unit lookup.
    await expect.poll(() => intake.focusedIn()).toBe('caller-lookup');

    // Saved anyway when the desk says so: no unit, the caller's number kept.
    await intake.description().press('Control+Enter');
    await confirm.waitFor();
    await page.getByTestId('no-unit-save').click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    const detail = new CaseDetailPage(page);
    await detail.waitUntilLoaded();
    expect(await caseCount(page, estateId)).toBe(before + 1);
    expect(await caseRecord(page, detail.caseId())).toMatchObject({ kind: 'repair', unit: null, residentPhone: STRANGER_PHONE });

    // Opened with Alt+N for someone else while the call is on: not from this call, and a repair
    // without a unit asks the same.
    await intake.openByShortcut();
    await expect.poll(() => intake.focusedIn()).toBe('case-kind');
    await page.getByTestId('case-from-call').waitFor();
    expect(await intake.residentPhone().inputValue()).toBe(STRANGER_PHONE);
    await page.getByTestId('case-not-from-call').click();
    expect(await page.getByTestId('case-from-call').count()).toBe(0);
    expect(await intake.residentPhone().inputValue()).toBe('');
    await page.getByTestId('case-kind').locator('input[type="radio"]').first().focus();
    await page.keyboard.press('2');
    expect(await intake.chosen('case-kind')).toBe('repair');
    await intake.description().fill('天台水箱溢水');
    await page.getByTestId('case-repair-class').locator('label:has(input[value="leak"])').click();
    await intake.description().press('Control+Enter');
    await confirm.waitFor();
    await page.getByTestId('no-unit-back').click();
    await confirm.waitFor({ state: 'detached' });
    // With the unit chosen, Ctrl+Enter saves at once.
    await intake.caller().locator('input').focus();
    await intake.typeCaller('A座 2B', 'A座 2B');
    await page.keyboard.press('Enter');
    await intake.unit().waitFor();
    await intake.description().press('Control+Enter');
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    const forSomeoneElse = await caseRecord(page, new CaseDetailPage(page).caseId());
    expect(forSomeoneElse.unit).toMatchObject({ buildingName: 'A座', number: '2B' });
    expect(forSomeoneElse.residentPhone).not.toBe(STRANGER_PHONE);

    // The unknown caller's call is still on the desk until it is hung up.
    await frontDesk.goto();
    expect(await seenText(page.getByTestId('caller-number'))).toContain(STRANGER_PHONE);
    await frontDesk.hangUp();
    expect(await page.getByTestId('caller-number').count()).toBe(0);
  });

  it('the same text finds the same unit on the phone desk, the new case and the walk-in; "3A" lists 3A first', async () => {
    const frontDesk = new FrontDeskPage(page);
    const intake = new NewCasePage(page);
    const screens: { name: string; open: () => Promise<void>; field: () => Locator; option: string }[] = [
      {
        name: 'phone desk',
        open: () => frontDesk.goto(),
        field: () => frontDesk.callerSearch(),
        option: 'caller-result',
      },
      {
        name: 'new case',
        open: async () => {
          await page.goto('/cases/new');
          await intake.root().waitFor();
        },
        field: () => intake.caller(),
        option: 'caller-option',
      },
      {
        name: 'walk-in',
        open: () => frontDesk.goto(),
        field: () => page.getByTestId('arrival-unit'),
        option: 'caller-option',
      },
    ];
    const found = new Map<string, string>();
    for (const screen of screens) {
      await screen.open();
      for (const text of ['A座 12B', 'A棟12B', 'A栋 12b', 'Block A 12B', '12B A座']) {
        const lines = await offered(page, screen.field(), screen.option, text);
        // Every line is the unit 「A座 12B」 (with each of its residents), and the same unit on every screen.
        for (const line of lines) expect(line.text, `${screen.name}: ${text}`).toContain('A座 12B');
        const unitIds = [...new Set(lines.map((l) => l.unitId))];
        expect(unitIds, `${screen.name}: ${text}`).toHaveLength(1);
        found.set(`${screen.name}: ${text}`, unitIds[0] ?? '');
      }
      // "3A": the flats numbered 3A first, then 13A and 23A, in number order.
      const lines = await offered(page, screen.field(), screen.option, '3A');
      const firstOf = (unit: string) => lines.findIndex((l) => l.text.includes(unit));
      expect(lines[0]?.text, screen.name).toContain('A座 3A');
      expect(firstOf('A座 3A'), screen.name).toBeLessThan(firstOf('B座 3A'));
      expect(firstOf('B座 3A'), screen.name).toBeLessThan(firstOf('A座 13A'));
      expect(firstOf('A座 13A'), screen.name).toBeLessThan(firstOf('A座 23A'));
      await shot(`lookup-3A-${screen.name.replace(/\s/g, '-')}`);
      await page.keyboard.press('Escape');
    }
    expect(new Set(found.values()).size).toBe(1);

    // At the counter, a resident picked in the unit lookup is the visitor: the name is filled in,
    // and a name the desk typed first is kept.
    const pickResident = async () => {
      const lines = await offered(page, page.getByTestId('arrival-unit'), 'caller-option', 'A座 12B');
      const line = lines.findIndex((l) => /\d{8}/.test(l.text));
      expect(line).toBeGreaterThanOrEqual(0);
      const option = page.locator('.ant-select-dropdown:visible [data-testid="caller-option"]').nth(line);
      const name = (await seenText(option.locator('span').nth(1))).trim();
      await option.click();
      return name;
    };
    await frontDesk.goto();
    const residentName = await pickResident();
    await expect.poll(() => page.getByTestId('arrival-name').inputValue()).toBe(residentName);
    await frontDesk.goto();
    await page.getByTestId('arrival-name').fill('何先生');
    await pickResident();
    await expect.poll(() => seenText(page.getByTestId('arrival-unit'))).toContain('A座 12B');
    expect(await page.getByTestId('arrival-name').inputValue()).toBe('何先生');

    // On the new-case screen the unit picked is the one the phone desk finds.
    await page.goto('/cases/new');
    await intake.root().waitFor();
    await offered(page, intake.caller(), 'caller-option', 'Block A 12B');
    await page.keyboard.press('Enter');
    await intake.unit().waitFor();
    expect(await seenText(intake.unit())).toContain('A座 12B');

    // Typing in the phone desk's box answered a call: the desk hangs up.
    await frontDesk.goto();
    await frontDesk.hangUp();
  });

  it('a shortcut pressed as the desk opens types nothing into the caller box, and the call clock starts when the call does', async () => {
    const frontDesk = new FrontDeskPage(page);
    await page.goto('/frontdesk');
    const input = frontDesk.callerInput();
    await input.waitFor();
    const openedAt = Date.now();
    // As soon as the box is there, before anything else: Option+9 and Option+P on a Mac keyboard,
    // which type ª and π where a key is not taken as a shortcut.
    const keyboard = await page.context().newCDPSession(page);
    for (const [code, key, vk] of [
      ['Digit9', 'ª', 57],
      ['KeyP', 'π', 80],
    ] as const) {
      await keyboard.send('Input.dispatchKeyEvent', {
        type: 'keyDown',
        modifiers: 1,
        code,
        key,
        text: key,
        unmodifiedText: code.slice(-1).toLowerCase(),
        windowsVirtualKeyCode: vk,
      });
      await keyboard.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: 1, code, key, windowsVirtualKeyCode: vk });
    }
    await keyboard.detach();
    await frontDesk.greeting().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'))).toBe('caller-search');
    expect(await input.inputValue()).toBe('');
    expect(await frontDesk.callerResults().count()).toBe(0);

    // Nobody has called yet: no clock runs, however long the desk has been open.
    await page.waitForTimeout(3000);
    expect(await frontDesk.callTimer().getAttribute('data-state')).toBe('idle');
    expect(await seenText(frontDesk.callTimer())).toBe('未有通話');

    // The call starts with the first thing the desk does for it: here, typing the caller.
    const startedAt = Date.now();
    await frontDesk.findCaller(CALLER_PHONE, CALLER_PHONE);
    const shown = (await seenText(frontDesk.callTimer())).match(/通話 (\d\d):(\d\d)/);
    const seconds = shown ? Number(shown[1]) * 60 + Number(shown[2]) : -1;
    expect(seconds).toBeGreaterThanOrEqual(0);
    // Counted from the typing, not from when the desk opened three seconds and more before it.
    expect(seconds).toBeLessThanOrEqual(Math.ceil((Date.now() - startedAt) / 1000));
    expect(seconds).toBeLessThan(Math.floor((Date.now() - openedAt) / 1000));
    await frontDesk.hangUp();
  });
});
