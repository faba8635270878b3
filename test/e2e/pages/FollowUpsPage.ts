import type { Locator, Page } from 'playwright-core';

export type Queue = 'due_today' | 'overdue' | 'open' | 'awaiting_rain' | 'flagged' | 'done' | 'all';
export type Result = 'ok' | 'problem' | 'unreachable';

/** The follow-up queue: cards by queue, each with record, "no answer" and notice actions. */
export class FollowUpsPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('followups-page');
  readonly cards = (): Locator => this.page.getByTestId('followup-card');
  readonly form = (): Locator => this.page.getByTestId('followup-form');
  readonly noticeForm = (): Locator => this.page.getByTestId('notice-form');

  /** The card of a case's follow-up of one kind (repair, after_rain, after_rectification). */
  readonly card = (caseNumber: string, kind = 'repair'): Locator =>
    this.page.locator(`[data-testid="followup-card"][data-case-number="${caseNumber}"][data-kind="${kind}"]`);

  async goto(queue?: Queue): Promise<void> {
    await this.page.goto(queue ? `/followups?queue=${queue}` : '/followups');
    await this.root().waitFor();
    await this.waitForList();
  }

  /** Waits until the queue has answered: its cards or its empty message. */
  async waitForList(): Promise<void> {
    await this.page.locator('[data-testid="followup-list"], [data-testid="followup-empty"]').first().waitFor();
  }

  async openQueue(queue: Queue): Promise<void> {
    await this.page.getByTestId(`queue-${queue}`).click();
    await this.page.waitForURL((url) => (queue === 'open' ? !url.searchParams.has('queue') : url.searchParams.get('queue') === queue));
    await this.waitForList();
  }

  /** The count on a queue's tab. */
  async queueCount(queue: Queue): Promise<number> {
    return Number(await this.page.getByTestId(`queue-${queue}`).getAttribute('data-count'));
  }

  async openRecordForm(caseNumber: string): Promise<void> {
    await this.card(caseNumber).getByTestId('followup-record').click();
    await this.form().locator('form').waitFor();
  }

  /** Picks a value of a radio group in the open form (result, method, satisfaction). */
  async choose(group: string, value: string | number): Promise<void> {
    await this.page.getByTestId(group).locator(`label:has(input[value="${value}"])`).click();
  }

  async fillRecord(values: { result: Result; words?: string; satisfaction?: number; problem?: string }): Promise<void> {
    await this.choose('followup-result', values.result);
    if (values.words !== undefined) await this.page.getByTestId('followup-words').fill(values.words);
    if (values.satisfaction !== undefined) await this.choose('followup-satisfaction', values.satisfaction);
    if (values.problem !== undefined) await this.page.getByTestId('followup-problem').fill(values.problem);
  }

  /** Saves the follow-up with Ctrl+Enter from the last text field, as a one-handed user would. */
  async saveRecordByKeyboard(): Promise<void> {
    await lastTextField(this.page).focus();
    await this.page.keyboard.press('Control+Enter');
    await this.form().locator('form').waitFor({ state: 'detached' });
  }

  /** Opens the notice form from a follow-up's card and writes the action required. */
  async openNoticeForm(caseNumber: string, requiredAction: string): Promise<void> {
    await this.card(caseNumber).getByTestId('followup-issue-notice').click();
    await this.noticeForm().locator('form').waitFor();
    await this.page.getByTestId('notice-action').fill(requiredAction);
  }

  /** The question before a notice takes its number (R-RC-2): it names the number. */
  readonly noticeConfirm = (): Locator => this.page.getByTestId('notice-form-confirm');

  /** Issues a notice by its button, then answers the confirmation that names its number. */
  async issueNotice(caseNumber: string, requiredAction: string): Promise<void> {
    await this.openNoticeForm(caseNumber, requiredAction);
    await this.page.getByTestId('notice-form-submit').click();
    await this.noticeConfirm().waitFor();
    // A click that lands while the question is still opening is lost on a loaded machine; the
    // form sends the one key it made when it opened, so a second click never issues a second notice.
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.getByTestId('notice-form-confirm-ok').click();
      try {
        await this.noticeConfirm().waitFor({ state: 'hidden', timeout: 5_000 });
        return;
      } catch {
        // still asking: answer again
      }
    }
    throw new Error('the notice confirmation never closed');
  }
}

/** The last text field of the follow-up form that is on screen: problem if shown, else the words. */
function lastTextField(page: Page): Locator {
  return page.locator('[data-testid="followup-problem"], [data-testid="followup-words"]').last();
}
