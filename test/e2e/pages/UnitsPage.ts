import type { Locator, Page } from 'playwright-core';
import { seenText } from './text.js';

export interface ImportRowError {
  row: string;
  column: string;
  /** The cell as the file has it. */
  value: string;
  reason: string;
}

/** The units list with its search box and the import dialog. */
export class UnitsPage {
  constructor(private readonly page: Page) {}

  readonly table = (): Locator => this.page.getByTestId('units-table');
  readonly rows = (): Locator => this.table().locator('tbody tr.ant-table-row');
  readonly emptyPlaceholder = (): Locator => this.table().locator('tbody tr.ant-table-placeholder');
  readonly importDialog = (): Locator => this.page.getByTestId('import-dialog');
  readonly importErrors = (): Locator => this.page.getByTestId('import-errors');
  readonly nothingImported = (): Locator => this.page.getByTestId('import-nothing-imported');
  readonly importResult = (): Locator => this.page.getByTestId('import-result');

  readonly searchBox = (): Locator => this.page.getByTestId('search').locator('input');

  /** Searches by unit number from the keyboard: "/" focuses the box, Enter searches at once. */
  async search(text: string): Promise<void> {
    await this.page.locator('body').press('/');
    await this.page.waitForFunction(() => document.activeElement?.closest('[data-testid="search"]') !== null);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === (text.trim() || null));
    await this.waitForTable();
  }

  /** Waits until the table has finished loading. */
  async waitForTable(): Promise<void> {
    await this.table().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="units-table"] .ant-spin-spinning'));
  }

  /** The unit numbers shown in the table, in order. */
  async unitNumbers(): Promise<string[]> {
    return this.rows().locator('[data-testid="unit-open"]').allInnerTexts();
  }

  readonly templateLink = (): Locator => this.page.getByTestId('import-template');

  async openImport(): Promise<void> {
    await this.page.getByTestId('units-import').click();
    await this.importDialog().waitFor();
  }

  /** Picks a file in the dialog, as the file chooser would, and confirms the import. */
  async importFile(name: string, content: string): Promise<void> {
    await this.importDialog()
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await this.page.getByTestId('import-submit').click();
    // The file is read, sent and checked row by row: on a machine busy with other suites this
    // has taken longer than Playwright's default 30 s, so the wait is the test's own budget.
    await this.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="import-errors"]') ||
        document.querySelector('[data-testid="import-result"]') ||
        document.querySelector('[data-testid="import-failed"]'),
      undefined,
      { timeout: 90_000 },
    );
  }

  /** The rows of the error table: spreadsheet row, column, the cell as the file has it and the translated reason. */
  async importErrorRows(): Promise<ImportRowError[]> {
    const rows = this.importErrors().locator('tbody tr.ant-table-row');
    const result: ImportRowError[] = [];
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allInnerTexts();
      result.push({
        row: cells[0]?.trim() ?? '',
        column: cells[1]?.trim() ?? '',
        value: cells[2]?.trim() ?? '',
        reason: cells[3]?.trim() ?? '',
      });
    }
    return result;
  }

  async createdCount(): Promise<number> {
    return Number(await seenText(this.page.getByTestId('import-created')));
  }

  async closeImport(): Promise<void> {
    await this.page.getByTestId('import-close').click();
    await this.importDialog().waitFor({ state: 'hidden' });
  }
}
