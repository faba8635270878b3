import type { Locator, Page } from 'playwright-core';

/** The intake screen, driven the way a receptionist with a phone on the shoulder drives it: keys only. */
export class NewCasePage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('new-case');
  readonly kind = (): Locator => this.page.getByTestId('case-kind');
  readonly channel = (): Locator => this.page.getByTestId('case-channel');
  readonly caller = (): Locator => this.page.getByTestId('caller-lookup');
  readonly callerOptions = (): Locator => this.page.getByTestId('caller-option');
  readonly residentName = (): Locator => this.page.getByTestId('case-resident-name');
  readonly residentPhone = (): Locator => this.page.getByTestId('case-resident-phone');
  readonly description = (): Locator => this.page.getByTestId('case-description');
  readonly unit = (): Locator => this.page.getByTestId('case-unit');
  readonly occurredAt = (): Locator => this.page.getByTestId('case-occurred-at').locator('input').first();
  readonly error = (): Locator => this.page.getByTestId('new-case-error');

  /** Alt+N from any screen opens the intake screen. */
  async openByShortcut(): Promise<void> {
    await this.page.keyboard.press('Alt+KeyN');
    await this.page.waitForURL((url) => url.pathname === '/cases/new');
    await this.root().waitFor();
  }

  /** The data-testid of the nearest marked element around the focused one. */
  async focusedIn(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
  }

  /** Presses Tab until the focus is inside the element with that test id (at most `limit` times). */
  async tabTo(testId: string, limit = 8): Promise<void> {
    for (let i = 0; i < limit; i++) {
      if ((await this.focusedIn()) === testId) return;
      await this.page.keyboard.press('Tab');
    }
    if ((await this.focusedIn()) !== testId) throw new Error(`Tab did not reach ${testId}; focus is in ${await this.focusedIn()}`);
  }

  /** The value a choice group holds, e.g. 'complaint' for the kind. */
  async chosen(group: 'case-kind' | 'case-channel'): Promise<string | null> {
    return this.page.getByTestId(group).getAttribute('data-value');
  }

  /** Types into the caller lookup and waits for a match containing `expect`, highlighted first. */
  async typeCaller(text: string, expect: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.callerOptions().filter({ hasText: expect }).first().waitFor();
  }
}
