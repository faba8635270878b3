import type { Locator, Page } from 'playwright-core';

export type Section = 'dashboard' | 'presence' | 'units' | 'residents' | 'buildings' | 'departments' | 'staff' | 'settings';
export type Language = 'zh-Hant' | 'zh-Hans' | 'en';

/** The signed-in frame: side navigation, estate switcher, language switch and user menu. */
export class AppShell {
  constructor(private readonly page: Page) {}

  readonly sideNav = (): Locator => this.page.getByTestId('side-nav');
  readonly navLink = (section: Section): Locator => this.page.getByTestId(`nav-${section}`);
  readonly estateSwitcher = (): Locator => this.page.getByTestId('estate-switcher');
  readonly pageTitle = (): Locator => this.page.getByTestId('page-title');

  async waitUntilReady(): Promise<void> {
    await this.sideNav().waitFor();
    await this.pageTitle().waitFor();
  }

  async open(section: Section): Promise<void> {
    await this.navLink(section).click();
    await this.page.waitForURL((url) => (section === 'dashboard' ? url.pathname === '/' : url.pathname === `/${section}`));
    await this.pageTitle().waitFor();
  }

  async switchLanguage(language: Language): Promise<void> {
    await this.page.getByTestId(`language-${language}`).click();
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
    // The switch itself shows the chosen language as selected.
    await this.page.locator(`.ant-segmented-item-selected [data-testid="language-${language}"]`).waitFor();
  }

  /** On a phone the menu folds away completely; its handle opens it. */
  async openMenuOnPhone(): Promise<void> {
    const handle = this.page.locator('.ant-layout-sider-zero-width-trigger');
    if (await handle.isVisible()) await handle.click();
    await this.sideNav().locator('.ant-menu-title-content').first().waitFor();
  }

  /** The visible labels of the side navigation, top to bottom. */
  async navLabels(): Promise<string[]> {
    return (await this.sideNav().locator('.ant-menu-title-content').allInnerTexts()).map((s) => s.trim());
  }
}
