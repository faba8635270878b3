import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seenText } from './text.js';

/**
 * Picks an option of an antd select by typing part of its label. A click that lands while the
 * filtered list re-renders (seen on a loaded machine) picks nothing, so it tries again until the
 * select shows the choice, three times at most.
 */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    await page.keyboard.type(text);
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
    await option.waitFor();
    await option.click();
    try {
      await expect.poll(() => seenText(select), { timeout: 3_000 }).toContain(text);
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`the select never showed ${text}`);
}
