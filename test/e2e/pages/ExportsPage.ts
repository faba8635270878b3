import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { chooseOption } from './select.js';

/** The Exports page: a dataset, a period and a format, downloaded with its progress. */
export class ExportsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-exports').click();
    await this.page.waitForURL((url) => url.pathname === '/reports/exports');
    await this.page.getByTestId('export-download').waitFor();
  }

  async chooseDataset(label: string): Promise<void> {
    await chooseOption(this.page, this.page.getByTestId('export-dataset'), label);
  }

  /** Types the first and last day into the range picker as the keyboard would. */
  async choosePeriod(from: string, to: string): Promise<void> {
    const [start, end] = [this.page.locator('.ant-picker-range input').nth(0), this.page.locator('.ant-picker-range input').nth(1)];
    await start.click();
    await start.pressSequentially(from);
    await start.press('Enter');
    await end.pressSequentially(to);
    await end.press('Enter');
  }

  async chooseFormat(label: 'CSV' | 'XLSX'): Promise<void> {
    await this.page.getByTestId('export-format').getByText(label, { exact: true }).click();
  }

  /** Presses download and answers the saved file's name and content. */
  async download(): Promise<{ name: string; content: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-download').click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), content: fs.readFileSync(file) };
  }

  doneText() {
    return this.page.getByTestId('export-done');
  }
}
