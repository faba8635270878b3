import type { Locator, Page } from 'playwright-core';
import { seenText } from './text.js';

/** The fee counter (R-FE-2, R-FE-3): a unit's account, the payment form, the receipt taken and the receipts listed. */
export class FeeCounterPage {
  constructor(private readonly page: Page) {}

  readonly lookup = (): Locator => this.page.getByTestId('fee-unit-lookup');
  readonly lookupOptions = (): Locator => this.page.locator('.ant-select-dropdown:visible [data-testid="fee-unit-option"]');
  readonly account = (): Locator => this.page.getByTestId('fee-account');
  readonly balance = (): Locator => this.page.getByTestId('fee-balance');
  readonly payForm = (): Locator => this.page.getByTestId('fee-pay-form');
  readonly amount = (): Locator =>
    this.payForm().locator('input[data-testid="fee-pay-amount"], [data-testid="fee-pay-amount"] input').first();
  readonly confirm = (): Locator => this.page.getByTestId('fee-pay-confirm');
  readonly taken = (): Locator => this.page.getByTestId('receipt-taken');
  readonly thanks = (): Locator => this.page.getByTestId('fee-thanks');
  readonly receiptRows = (): Locator => this.page.locator('[data-testid="fee-receipts"] tbody tr.ant-table-row');
  readonly receiptRow = (number: string): Locator => this.receiptRows().filter({ hasText: number });

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-fee-counter').click();
    await this.page.waitForURL((url) => url.pathname === '/fees');
    await this.lookup().waitFor();
  }

  /** Types into the lookup, which has the keyboard on opening, and picks the unit with Enter. */
  async findUnit(text: string, expect: string): Promise<void> {
    await this.page.keyboard.type(text);
    await this.lookupOptions().filter({ hasText: expect }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.account().waitFor();
  }

  async balanceText(): Promise<string> {
    return seenText(this.balance());
  }

  /** Types the amount (the amount field has the keyboard once the unit is found) and takes it with Ctrl+Enter and the confirmation, whose words it answers. */
  async pay(amount: string): Promise<string> {
    const field = this.amount();
    await field.click();
    await field.press('ControlOrMeta+A');
    await field.pressSequentially(amount);
    await field.press('Control+Enter');
    await this.confirm().waitFor();
    const asked = await seenText(this.confirm());
    await this.page.getByTestId('fee-pay-confirm-ok').click();
    await this.taken().waitFor();
    return asked;
  }

  async openReceipts(): Promise<void> {
    await this.account()
      .getByRole('tab', { name: /最近收據/ })
      .click();
    await this.page.getByTestId('fee-receipts').waitFor();
  }

  /** A manager voids the receipt of a row with a reason, after the confirmation. */
  async voidReceipt(number: string, reason: string): Promise<void> {
    await this.receiptRow(number).getByTestId('receipt-void').click();
    const form = this.page.getByTestId('receipt-void-form');
    await form.locator('form').waitFor();
    await this.page.getByTestId('receipt-void-reason-input').fill(reason);
    await this.page.getByTestId('receipt-void-form-submit').click();
    await this.page.getByTestId('receipt-void-form-confirm').waitFor();
    await this.page.getByTestId('receipt-void-form-confirm-ok').click();
    await form.locator('form').waitFor({ state: 'detached' });
  }
}
