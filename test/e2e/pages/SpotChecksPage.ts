import type { Locator, Page } from 'playwright-core';

/** The manager's monthly spot check: draw a month, then a verdict per sampled follow-up. */
export class SpotChecksPage {
  constructor(private readonly page: Page) {}

  readonly detail = (): Locator => this.page.getByTestId('spot-check');
  readonly items = (): Locator => this.page.getByTestId('spot-item');
  readonly seed = (): Locator => this.page.getByTestId('spot-seed-shown');
  readonly population = (): Locator => this.page.getByTestId('spot-population');
  readonly sampleSize = (): Locator => this.page.getByTestId('spot-sample-size');

  async goto(): Promise<void> {
    await this.page.goto('/spot-checks');
    await this.page.getByTestId('spot-checks-table').waitFor();
  }

  /** The question before a draw: the month in words and how many will be drawn. */
  readonly confirmation = (): Locator => this.page.getByTestId('spot-confirm');
  readonly confirmText = (): Locator => this.page.getByTestId('spot-confirm-text');

  /** Asks to draw the month in the form (by default the month before this one) and waits for the question. */
  async askToDraw(): Promise<void> {
    await this.page.getByTestId('spot-draw').click();
    await this.confirmText().waitFor();
  }

  /** Draws the month in the form, answering the confirmation. */
  async draw(): Promise<void> {
    await this.askToDraw();
    await this.page.getByTestId('spot-confirm-ok').click();
    await this.page.waitForURL((url) => url.searchParams.has('id'));
    await this.detail().waitFor();
  }

  async recordVerdict(item: Locator, verdict: 'confirmed' | 'discrepancy' | 'unreachable', note: string): Promise<void> {
    await item.getByTestId('spot-verdict').locator(`label:has(input[value="${verdict}"])`).click();
    await item.getByTestId('spot-note').fill(note);
    await item.getByTestId('spot-verdict-save').click();
  }
}
