import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './select.js';

export type VisitPurpose = 'inquiry' | 'repair' | 'fee' | 'complaint' | 'other';

/** The front desk: greeting, caller box, colleague and script, walk-ins with their queue, today's calls. */
export class FrontDeskPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('frontdesk-page');
  readonly greeting = (): Locator => this.page.getByTestId('desk-greeting');
  readonly callTimer = (): Locator => this.page.getByTestId('call-timer');
  readonly callerSearch = (): Locator => this.page.getByTestId('caller-search');
  /** The text box of the caller lookup. */
  readonly callerInput = (): Locator => this.callerSearch().locator('input');
  readonly callerResults = (): Locator => this.page.locator('.ant-select-dropdown:visible [data-testid="caller-result"]');
  readonly phoneDesk = (): Locator => this.page.getByTestId('phone-desk');
  readonly chosenCaller = (): Locator => this.page.getByTestId('caller-chosen');
  readonly colleaguePresence = (): Locator => this.page.getByTestId('colleague-presence');
  readonly script = (): Locator => this.page.getByTestId('colleague-script');
  readonly messageForm = (): Locator => this.page.getByTestId('message-form');
  readonly suggestion = (): Locator => this.page.getByTestId('visit-suggestion');
  readonly suggestedReceiver = (): Locator => this.suggestion().getByTestId('suggested-receiver');
  readonly waiting = (): Locator => this.page.getByTestId('waiting-visit');
  readonly serving = (): Locator => this.page.getByTestId('serving-visit');
  readonly nextFree = (): Locator => this.page.getByTestId('next-free');
  readonly callRows = (): Locator => this.page.locator('[data-testid="calls-table"] tr[data-call-id]');

  /** A visitor of the queue or at the counter, by name or by id. */
  readonly waitingVisitor = (name: string): Locator => this.waiting().filter({ hasText: name });
  readonly waitingVisit = (visitId: string): Locator => this.page.locator(`[data-testid="waiting-visit"][data-visit-id="${visitId}"]`);
  readonly servingVisitor = (name: string): Locator => this.serving().filter({ hasText: name });

  async goto(): Promise<void> {
    await this.page.goto('/frontdesk');
    await this.root().waitFor();
    await this.greeting().waitFor();
  }

  /** Types a phone number or unit into the caller box and picks the first match with Enter. */
  async findCaller(text: string, expect: string): Promise<void> {
    await this.callerInput().focus();
    await this.page.keyboard.type(text);
    await this.callerResults().filter({ hasText: expect }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.chosenCaller().filter({ hasText: expect }).waitFor();
  }

  /** Alt+H: the call ends, the caller leaves the desk and the clock stops. */
  async hangUp(): Promise<void> {
    await this.page.keyboard.press('Alt+KeyH');
    await this.page.locator('[data-testid="phone-desk"][data-call="idle"]').waitFor();
  }

  /** Picks an option of an antd select by typing part of its label. */
  private async choose(select: Locator, text: string): Promise<void> {
    await chooseOption(this.page, select, text);
  }

  async askFor(name: string): Promise<void> {
    await this.choose(this.page.getByTestId('colleague-select'), name);
    await this.colleaguePresence().waitFor();
  }

  /** Alt+M opens the message form for the colleague asked for; the text is typed and saved with Ctrl+Enter. */
  async takeMessage(text: string): Promise<void> {
    await this.page.keyboard.press('Alt+KeyM');
    await this.messageForm().locator('form').waitFor();
    await this.page.getByTestId('message-text').fill(text);
    await this.page.getByTestId('message-text').press('Control+Enter');
    await this.messageForm().locator('form').waitFor({ state: 'detached' });
  }

  async messageField(testId: string): Promise<string> {
    return this.page.getByTestId(testId).inputValue();
  }

  /** "A visitor has arrived": name, purpose by its digit, saved with Enter. */
  async recordArrival(visitor: { name: string; purpose: VisitPurpose }): Promise<void> {
    // The digits of every screen that asks what a person comes about: "other" is 9 everywhere.
    const digits: Record<VisitPurpose, string> = { inquiry: '1', repair: '2', fee: '3', complaint: '4', other: '9' };
    await this.page.keyboard.press('Alt+KeyV');
    await this.page.getByTestId('arrival-name').fill(visitor.name);
    const key = this.page.getByTestId(`arrival-purpose-${visitor.purpose}`).locator('kbd');
    if ((await key.textContent()) !== digits[visitor.purpose])
      throw new Error(`the ${visitor.purpose} key is not ${digits[visitor.purpose]}`);
    await this.page.getByTestId('arrival-purpose').locator('input[type="radio"]').first().focus();
    await this.page.keyboard.press(digits[visitor.purpose]);
    await this.page.getByTestId('arrival-name').press('Enter');
    await this.suggestion().waitFor();
  }

  /** Records the departure of a visitor at the counter with what was done. */
  async depart(name: string, outcome: string): Promise<void> {
    await this.servingVisitor(name).getByTestId('visit-depart').click();
    await this.page.getByTestId('depart-outcome').fill(outcome);
    await this.page.getByTestId('depart-outcome').press('Control+Enter');
    await this.page.getByTestId('depart-form').locator('form').waitFor({ state: 'detached' });
  }
}
