import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seenText } from './text.js';

/** The residents' portal: its sign-in, its tabs, the case list, the report form and a case. */
export class Portal {
  constructor(private readonly page: Page) {}

  readonly signInPage = (): Locator => this.page.getByTestId('portal-sign-in');
  readonly signInError = (): Locator => this.page.getByTestId('portal-sign-in-error');
  readonly shell = (): Locator => this.page.getByTestId('portal');
  readonly title = (): Locator => this.page.getByTestId('page-title');
  readonly tab = (name: 'cases' | 'report' | 'notices' | 'account'): Locator => this.page.getByTestId(`portal-tab-${name}`);

  /** Opens the portal; someone not signed in lands on its sign-in. */
  async goto(): Promise<void> {
    await this.page.goto('/portal');
    await this.signInPage().or(this.shell()).first().waitFor();
  }

  /** Accepts the office's invitation with its code, choosing a password. */
  async acceptInvitation(code: string, password: string): Promise<void> {
    await this.page.getByTestId('portal-mode-invitation').click();
    await this.page.getByTestId('portal-invitation-code').fill(code);
    await this.page.getByTestId('portal-invitation-password').fill(password);
    await this.page.getByTestId('portal-invitation-submit').click();
    await this.shell().waitFor();
  }

  /** Signs in with phone (or email) and password, as the sign-in page opens. */
  async signIn(login: string, password: string): Promise<void> {
    await this.page.getByTestId('portal-mode-password').click();
    await this.page.getByTestId('portal-login').fill(login);
    await this.page.getByTestId('portal-password').fill(password);
    await this.page.getByTestId('portal-sign-in-submit').click();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('portal-sign-out').click();
    await this.signInPage().waitFor();
  }

  // The list of my cases.
  readonly caseCard = (number: string): Locator => this.page.locator(`[data-testid="portal-case"][data-case-number="${number}"]`);

  async openCases(): Promise<void> {
    await this.tab('cases').click();
    await this.page.getByTestId('portal-cases-filter').waitFor();
  }

  // Reporting.
  /** Fills the report form and sends it; answers the case number shown after. */
  async report(opts: { kind: string; repairClass?: string; description: string; photos?: string[] }): Promise<string> {
    await this.tab('report').click();
    await this.page.getByTestId('portal-report-form').waitFor();
    await this.page.getByTestId(`portal-kind-${opts.kind}`).click();
    if (opts.repairClass) await this.page.getByTestId(`portal-class-${opts.repairClass}`).click();
    await this.page.getByTestId('portal-report-description').fill(opts.description);
    if (opts.photos?.length) {
      await this.page.getByTestId('portal-photo-input').setInputFiles(opts.photos);
      await expect.poll(() => this.page.getByTestId('portal-photo').count()).toBe(opts.photos.length);
    }
    await this.page.getByTestId('portal-report-submit').click();
    const number = this.page.getByTestId('portal-report-number');
    await number.waitFor({ timeout: 20_000 });
    return seenText(number);
  }

  // One case.
  readonly detail = (): Locator => this.page.getByTestId('portal-case-detail');
  readonly status = (): Locator => this.detail().getByTestId('portal-case-status').first();
  readonly photos = (): Locator => this.page.getByTestId('portal-case-photo');
  readonly satisfactionQuestion = (): Locator => this.page.getByTestId('portal-satisfaction');
  readonly satisfactionAnswer = (): Locator => this.page.getByTestId('portal-satisfaction-answer');

  async openCase(number: string): Promise<void> {
    await this.openCases();
    await this.page.getByTestId('portal-cases-filter-all').click();
    await this.caseCard(number).click();
    await this.detail().waitFor();
  }

  /** Answers the satisfaction question of a complaint (R-CP-3). */
  async answerSatisfied(): Promise<void> {
    await this.page.getByTestId('portal-satisfied').click();
    await this.satisfactionAnswer().waitFor();
  }
}
