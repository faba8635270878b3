import type { Locator, Page } from 'playwright-core';

/** Messages and call-backs: a table of messages with "called back" and "hand on". */
export class MessagesPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('messages-page');
  readonly table = (): Locator => this.page.getByTestId('messages-table');
  readonly rows = (): Locator => this.page.locator('[data-testid="messages-table"] tr[data-message-id]');
  /** The row of the message with this text. */
  readonly row = (text: string): Locator => this.rows().filter({ hasText: text });
  readonly navCount = (): Locator => this.page.getByTestId('nav-messages-count');

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/messages${query}`);
    await this.root().waitFor();
    await this.table().locator('.ant-table-tbody').waitFor();
  }

  /** "Called back" with a note, saved with Ctrl+Enter. */
  async callBack(text: string, note: string): Promise<void> {
    await this.row(text).getByTestId('message-callback').click();
    await this.page.getByTestId('callback-note').fill(note);
    await this.page.getByTestId('callback-note').press('Control+Enter');
    await this.page.getByTestId('callback-form').locator('form').waitFor({ state: 'detached' });
  }
}
