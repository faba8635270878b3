import type { Locator, Page } from 'playwright-core';

/** The case list with its search box. */
export class CasesPage {
  constructor(private readonly page: Page) {}

  readonly table = (): Locator => this.page.getByTestId('cases-table');
  readonly rows = (): Locator => this.table().locator('tbody tr.ant-table-row');

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/cases${query}`);
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.table().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="cases-table"] .ant-spin-spinning'));
  }

  /** Full-text search from the keyboard: "/" focuses the box, Enter searches at once. */
  async search(text: string): Promise<void> {
    await this.page.locator('body').press('/');
    await this.page.waitForFunction(() => document.activeElement?.closest('[data-testid="search"]') !== null);
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL((url) => url.searchParams.get('q') === text);
    await this.waitForTable();
  }

  /** The case numbers shown, in order. */
  async caseNumbers(): Promise<string[]> {
    return this.rows().locator('[data-testid="case-open"]').allInnerTexts();
  }
}
