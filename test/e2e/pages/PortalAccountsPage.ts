import type { Locator, Page } from 'playwright-core';
import { seenText } from './text.js';

/** The office's side of the portal: inviting from the residents list, and the Portal accounts screen. */
export class PortalAccountsPage {
  constructor(private readonly page: Page) {}

  readonly table = (): Locator => this.page.getByTestId('portal-accounts-table');
  readonly residentsTable = (): Locator => this.page.getByTestId('residents-table');
  readonly inviteCode = (): Locator => this.page.getByTestId('invite-code');
  readonly inviteExpires = (): Locator => this.page.getByTestId('invite-expires');
  readonly inviteAddress = (): Locator => this.page.getByTestId('invite-address');

  /** The resident's row (a table row, or a card on a phone) on the residents list, by name and phone. */
  residentRow(name: string, phone: string): Locator {
    return this.residentsTable().locator('tr.ant-table-row, .ant-card').filter({ hasText: name }).filter({ hasText: phone }).first();
  }

  async openResidents(search: string): Promise<void> {
    await this.page.goto(`/residents?q=${encodeURIComponent(search)}`);
    await this.residentsTable().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="residents-table"] .ant-spin-spinning'));
  }

  /** Invites the resident with the code shown on screen; answers the code. */
  async inviteShowingCode(row: Locator): Promise<string> {
    await row.getByTestId('resident-invite').click();
    await this.page.getByTestId('invite-delivery-show').click();
    await this.page.getByTestId('invite-submit').click();
    await this.inviteCode().waitFor();
    return seenText(this.inviteCode());
  }

  async closeInvitation(): Promise<void> {
    await this.page.getByTestId('invite-done').click();
    await this.inviteCode().waitFor({ state: 'hidden' });
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/residents/portal-accounts${query}`);
    await this.table().waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="portal-accounts-table"] .ant-spin-spinning'));
  }

  row(name: string): Locator {
    return this.table().locator('tr.ant-table-row, .ant-card').filter({ hasText: name }).first();
  }
}
