import type { Locator } from 'playwright-core';
import { seenText } from './text.js';

/**
 * The phrase guide's warnings under a text area for words a resident will read: each phrase to
 * avoid in its sentence with the sentence the suggestion makes, one-at-a-time use, and the
 * review of the whole text before using them all.
 */
export class PhraseComposer {
  /** `root`: the form or composer the text area is in. */
  constructor(private readonly root: Locator) {}

  readonly warnings = (): Locator => this.root.getByTestId('phrase-warnings');
  readonly matches = (): Locator => this.root.getByTestId('phrase-match');
  /** The suggestion whose phrase to avoid is `avoid`. */
  readonly match = (avoid: string): Locator => this.matches().filter({ hasText: `「${avoid}」` });
  readonly checking = (): Locator => this.root.getByTestId('phrase-checking');
  readonly reviewAll = (): Locator => this.root.getByTestId('phrase-review-all');
  readonly revised = (): Locator => this.root.getByTestId('phrase-revised');
  readonly applyAll = (): Locator => this.root.getByTestId('phrase-apply-all');
  readonly unavailable = (): Locator => this.root.getByTestId('phrase-check-unavailable');

  /** The sentence as written and as the suggestion makes it, as a reader sees them. */
  async sentences(match: Locator): Promise<{ asWritten: string; suggested: string }> {
    return {
      asWritten: (await seenText(match.getByTestId('phrase-sentence'))).trim(),
      suggested: (await seenText(match.getByTestId('phrase-preview'))).trim(),
    };
  }

  /** Uses one suggestion. */
  async use(match: Locator): Promise<void> {
    await match.getByTestId('phrase-replace').click();
  }
}
