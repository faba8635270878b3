import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.js';

export interface FeeItemInput {
  code: string;
  name: string;
  basis: string;
  amount: string;
  from: string;
  approvalRef?: string;
}

/** The estate's fee items under settings (R-FE-1): the list, the item form and "new rate from". */
export class FeeItemsPage {
  constructor(private readonly page: Page) {}

  readonly table = (): Locator => this.page.getByTestId('fee-items-table');
  readonly rows = (): Locator => this.table().locator('tbody tr.ant-table-row');
  readonly rowsOf = (text: string): Locator => this.rows().filter({ hasText: text });
  readonly form = (): Locator => this.page.getByTestId('fee-form');
  readonly rateForm = (): Locator => this.page.getByTestId('fee-rate-form');

  async waitForList(): Promise<void> {
    await this.table().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="fee-items-table"] .ant-spin-spinning'));
  }

  /** Types a day into a date picker as the keyboard would and moves on with Tab. */
  private async typeDay(within: Locator, testId: string, value: string): Promise<void> {
    const input = within
      .getByTestId(testId)
      .locator('input')
      .or(within.locator(`input[data-testid="${testId}"]`))
      .first();
    await input.click();
    await input.press('ControlOrMeta+A');
    await input.pressSequentially(value);
    await input.press('Tab');
  }

  /** Fills the new-item form and sends it; the form stays open when the server refuses it. */
  async create(item: FeeItemInput): Promise<void> {
    await this.page.getByTestId('fee-items-create').click();
    const form = this.form();
    await form.locator('form').waitFor();
    await this.page.getByTestId('fee-form-code').fill(item.code);
    await this.page.getByTestId('fee-form-name').fill(item.name);
    await chooseOption(this.page, form.getByTestId('fee-form-basis'), item.basis);
    await form
      .getByTestId('fee-form-amount')
      .locator('input')
      .or(form.locator('input[data-testid="fee-form-amount"]'))
      .first()
      .fill(item.amount);
    await this.typeDay(form, 'fee-form-from', item.from);
    if (item.approvalRef) await this.page.getByTestId('fee-form-approval').fill(item.approvalRef);
    await this.page.getByTestId('fee-form-submit').click();
  }

  async closedForm(): Promise<void> {
    await this.form().locator('form').waitFor({ state: 'detached' });
  }

  /** Retires the item of a row after its last day. */
  async retire(row: Locator, lastDay: string): Promise<void> {
    await row.getByTestId('fee-retire').click();
    const form = this.page.getByTestId('fee-retire-form');
    await form.locator('form').waitFor();
    await this.typeDay(form, 'fee-retire-last-day', lastDay);
    await this.page.getByTestId('fee-retire-form-submit').click();
    await form.locator('form').waitFor({ state: 'detached' });
  }

  /** "New rate from" on the row of an item's period. */
  async startNewRate(row: Locator, from: string, amount: string): Promise<void> {
    await row.getByTestId('fee-new-rate').click();
    const form = this.rateForm();
    await form.locator('form').waitFor();
    await this.typeDay(form, 'fee-rate-from', from);
    await form
      .getByTestId('fee-rate-amount')
      .locator('input')
      .or(form.locator('input[data-testid="fee-rate-amount"]'))
      .first()
      .fill(amount);
    await this.page.getByTestId('fee-rate-form-submit').click();
    await form.locator('form').waitFor({ state: 'detached' });
  }
}
