import type { Locator, Page } from 'playwright-core';

/** "My work": the repairs a maintenance worker holds and the rectification notices addressed to them. */
export class MyWorkPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('my-work-page');
  readonly repairs = (): Locator => this.page.getByTestId('my-repair');
  readonly repair = (caseNumber: string): Locator => this.page.locator(`[data-testid="my-repair"][data-case-number="${caseNumber}"]`);
  readonly notice = (code: string): Locator => this.page.locator(`[data-testid="my-notice"][data-notice-code="${code}"]`);
  readonly noticeWithId = (noticeId: string): Locator =>
    this.page.locator(`[data-testid="my-notice"]:has([data-testid="my-notice-open"][href="/rectification-notices/${noticeId}"])`);

  async goto(): Promise<void> {
    await this.page.goto('/my-work');
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.root().waitFor();
    await this.page.locator('[data-testid="my-repairs"] .ant-skeleton').waitFor({ state: 'detached' });
    await this.page.locator('[data-testid="my-notices"] .ant-skeleton').waitFor({ state: 'detached' });
  }

  /** Acknowledges a notice with the one button on its card: no dialog, no form. */
  async acknowledge(notice: Locator): Promise<void> {
    await notice.getByTestId('my-notice-acknowledge').click();
  }

  /** Reports a notice rectified: the button, a short note if any, the confirmation. */
  async reportRectified(notice: Locator, note?: string): Promise<void> {
    await notice.getByTestId('my-notice-rectified').click();
    if (note) await notice.getByTestId('my-notice-rectified-note').fill(note);
    await notice.getByTestId('my-notice-rectified-confirm').click();
  }
}
