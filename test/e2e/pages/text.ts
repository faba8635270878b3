import type { Locator } from 'playwright-core';

/** The text a person sees in the element: hidden parts left out, blocks on their own lines. */
export function seenText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: tests assert the rendered text a user reads, which only innerText gives
  return locator.innerText();
}
