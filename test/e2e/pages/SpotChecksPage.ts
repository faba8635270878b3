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

  /** Draws the month preselected in the form (the month before this one). */
  async draw(): Promise<void> {
    await this.page.getByTestId('spot-draw').click();
    await this.page.waitForURL((url) => url.searchParams.has('id'));
    await this.detail().waitFor();
  }

  async recordVerdict(item: Locator, verdict: 'confirmed' | 'discrepancy' | 'unreachable', note: string): Promise<void> {
    await item.getByTestId('spot-verdict').locator(`label:has(input[value="${verdict}"])`).click();
    await item.getByTestId('spot-note').fill(note);
    await item.getByTestId('spot-verdict-save').click();
  }
}
