import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.js';

/** The plan's words shown where their situation happens (R-WD-2): on visit cards, in dialogs, after a registration. */
export class DeskWords {
  constructor(private readonly page: Page) {}

  /** The words of one line (`words-greeting`, `words-away`, …) inside a part of the screen. */
  readonly line = (within: Locator, testId: string): Locator => within.getByTestId(`${testId}-text`);
  readonly visitCard = (visitId: string): Locator => this.page.locator(`[data-visit-id="${visitId}"][data-testid$="-visit"]`);
  readonly address = (card: Locator): Locator => card.getByTestId('visit-address');
  readonly departForm = (): Locator => this.page.getByTestId('depart-form');
  readonly complaintWords = (): Locator => this.page.getByTestId('complaint-words');
  readonly forwardForm = (): Locator => this.page.getByTestId('forward-form');
  readonly escalateForm = (): Locator => this.page.getByTestId('escalate-form');
  readonly thanks = (): Locator => this.page.getByTestId('thanks-words');

  /** Opens a dialog of the case's actions (`forward`, `escalate`) and waits for its form. */
  async openCaseAction(action: 'forward' | 'escalate'): Promise<Locator> {
    await this.page.getByTestId(`action-${action}`).click();
    const form = action === 'forward' ? this.forwardForm() : this.escalateForm();
    await form.locator('form').waitFor();
    return form;
  }

  /** Closes the open dialog with Escape (a first one may only close an open select) and waits until it is gone. */
  async closeDialog(form: Locator): Promise<void> {
    for (let i = 0; i < 3 && (await form.locator('form').count()) > 0; i++) {
      await this.page.keyboard.press('Escape');
      await form
        .locator('form')
        .waitFor({ state: 'detached', timeout: 2_000 })
        .catch(() => undefined);
    }
    await form.locator('form').waitFor({ state: 'detached' });
  }

  /** Picks an option of an antd select by typing part of its label. */
  async choose(select: Locator, text: string): Promise<void> {
    await chooseOption(this.page, select, text);
  }

  /** Closes the thanks notice, so the next registration's is the one read. */
  async dismissThanks(): Promise<void> {
    const notice = this.page.locator('.ant-notification-notice').filter({ has: this.thanks() });
    await notice.locator('.ant-notification-notice-close').click();
    await this.thanks().waitFor({ state: 'detached' });
  }
}
