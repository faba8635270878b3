import type { Locator, Page } from 'playwright-core';

/** The rain log: rain recorded by hand and rain imported from a weather file. */
export class RainPage {
  constructor(private readonly page: Page) {}

  readonly table = (): Locator => this.page.getByTestId('rain-table');
  readonly rows = (): Locator => this.table().locator('tbody tr.ant-table-row');
  readonly importDialog = (): Locator => this.page.getByTestId('rain-import-dialog');
  readonly preview = (): Locator => this.page.getByTestId('rain-import-preview-result');
  readonly result = (): Locator => this.page.getByTestId('rain-import-result');

  async goto(): Promise<void> {
    await this.page.goto('/rain');
    await this.table().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="rain-table"] .ant-spin-spinning'));
  }

  /** Types a time into a date picker as the keyboard would, e.g. "2026-06-01 14:00", and moves on with Tab. */
  private async typeTime(testId: string, value: string): Promise<void> {
    const input = this.page
      .getByTestId(testId)
      .locator('input')
      .or(this.page.locator(`input[data-testid="${testId}"]`))
      .first();
    await input.click();
    await input.press('ControlOrMeta+A');
    await input.pressSequentially(value);
    await input.press('Tab');
  }

  async recordRain(startedAt: string, endedAt: string, amountMm: string): Promise<void> {
    await this.page.getByTestId('rain-record').click();
    await this.page.getByTestId('rain-form').locator('form').waitFor();
    await this.typeTime('rain-started-at', startedAt);
    await this.typeTime('rain-ended-at', endedAt);
    await this.page.getByTestId('rain-amount').fill(amountMm);
    await this.page.getByTestId('rain-form-submit').click();
    await this.page.getByTestId('rain-form').locator('form').waitFor({ state: 'detached' });
  }

  async openImport(): Promise<void> {
    await this.page.getByTestId('rain-import').click();
    await this.importDialog().waitFor();
  }

  /** Picks a CSV file and asks for the preview (a dry run: nothing is written). */
  async previewCsv(name: string, content: string): Promise<void> {
    await this.importDialog()
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('rain-import-preview').click();
    await this.page.locator('[data-testid="rain-import-preview-result"], [data-testid="rain-import-failed"]').first().waitFor();
  }

  async confirmImport(): Promise<void> {
    await this.page.getByTestId('rain-import-submit').click();
    await this.result().waitFor();
  }

  async closeImport(): Promise<void> {
    await this.page.getByTestId('rain-import-close').click();
    await this.importDialog().waitFor({ state: 'hidden' });
  }
}
