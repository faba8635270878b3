import type { Locator, Page } from 'playwright-core';
import { seenText } from './text.js';

/** One rectification notice: its toolbar (print, PDF, actions) and the A4 sheet. */
export class NoticePrintPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('notice-page');
  readonly sheet = (): Locator => this.page.getByTestId('notice-sheet');
  readonly code = (): Locator => this.page.getByTestId('notice-code');
  readonly unit = (): Locator => this.page.getByTestId('notice-unit');
  readonly caseNumber = (): Locator => this.page.getByTestId('notice-case');
  readonly recipient = (): Locator => this.page.getByTestId('notice-recipient-shown');
  readonly signatures = (): Locator => this.page.getByTestId('notice-signatures');
  readonly printButton = (): Locator => this.page.getByTestId('notice-print');
  readonly pdfLink = (): Locator => this.page.getByTestId('notice-pdf');

  async waitUntilLoaded(): Promise<void> {
    await this.page.waitForURL((url) => /^\/rectification-notices\/[0-9a-f-]{36}$/.test(url.pathname));
    await this.sheet().waitFor();
  }

  noticeId(): string {
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  async text(locator: Locator): Promise<string> {
    return (await seenText(locator)).trim();
  }

  /** The page as Chromium prints it: the print stylesheet, A4. */
  async printToPdf(): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    try {
      return await this.page.pdf({ format: 'A4', printBackground: true });
    } finally {
      await this.page.emulateMedia({ media: 'screen' });
    }
  }
}
