import type { Locator, Page } from 'playwright-core';
import { seenText } from './text.js';

/** One case: its facts, deadlines, the reply composer and the timeline. */
export class CaseDetailPage {
  constructor(private readonly page: Page) {}

  readonly root = (): Locator => this.page.getByTestId('case-detail');
  readonly kind = (): Locator => this.page.getByTestId('case-kind');
  readonly channel = (): Locator => this.page.getByTestId('case-channel');
  readonly description = (): Locator => this.page.getByTestId('case-description');
  readonly resident = (): Locator => this.page.getByTestId('case-resident');
  readonly unit = (): Locator => this.page.getByTestId('case-unit');
  readonly occurredAt = (): Locator => this.page.getByTestId('case-occurred-at');
  readonly number = (): Locator => this.page.getByTestId('case-number');
  readonly obligation = (rule: string): Locator => this.page.locator(`[data-testid="obligation"][data-rule="${rule}"]`);
  readonly timeline = (): Locator => this.page.getByTestId('case-timeline');
  readonly timelineEvents = (type: string): Locator => this.timeline().locator(`[data-testid="timeline-event"][data-type="${type}"]`);

  /** The reply text area, whether the phrase checker marks the area itself or a wrapper around it. */
  readonly replyBox = (): Locator =>
    this.page.locator('#reply-composer').locator('textarea[data-testid="reply-content"], [data-testid="reply-content"] textarea').first();
  readonly phraseMatches = (): Locator => this.page.locator('#reply-composer [data-testid="phrase-match"]');
  readonly phraseReplace = (): Locator => this.page.locator('#reply-composer [data-testid="phrase-replace"]');
  readonly phraseCheckUnavailable = (): Locator => this.page.locator('#reply-composer [data-testid="phrase-check-unavailable"]');
  readonly sendReply = (): Locator => this.page.getByTestId('reply-send');

  async waitUntilLoaded(): Promise<void> {
    await this.root().waitFor();
    await this.page.getByTestId('case-facts').waitFor();
  }

  /** The case id from the address bar (/cases/:id). */
  caseId(): string {
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  /** "R" goes to the reply composer from anywhere on the page. */
  async focusReplyByShortcut(): Promise<void> {
    await this.page.locator('body').press('r');
    await this.page.waitForFunction(() => document.activeElement?.closest('#reply-composer') !== null);
  }

  async replyText(): Promise<string> {
    return this.replyBox().inputValue();
  }

  /** How the deadline of a rule stands: met, late, overdue, due_soon or open. */
  async deadlineTone(rule: string): Promise<string | null> {
    return this.obligation(rule).getAttribute('data-tone');
  }

  async text(locator: Locator): Promise<string> {
    return (await seenText(locator)).trim();
  }
}
