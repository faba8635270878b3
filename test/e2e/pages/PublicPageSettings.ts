import type { FrameLocator, Locator, Page } from 'playwright-core';

type Lang = 'zh-Hant' | 'zh-Hans' | 'en';
type Text = 'officeHours' | 'repairProcedure' | 'complaintProcedure' | 'notes';

/** Settings › public information (R-PB-1): the page's texts, announcements, preview, publication and versions. */
export class PublicPageSettings {
  constructor(private readonly page: Page) {}

  readonly navLink = (): Locator => this.page.getByTestId('nav-public');
  readonly status = (): Locator => this.page.getByTestId('public-page-status');
  readonly address = (): Locator => this.page.getByTestId('public-page-address');
  readonly versions = (): Locator => this.page.getByTestId('public-page-version');
  readonly previewFrame = (): FrameLocator => this.page.frameLocator('[data-testid="public-page-preview-frame"]');

  async open(): Promise<void> {
    await this.navLink().click();
    await this.page.waitForURL((url) => url.pathname === '/settings/public-page');
    await this.page.getByTestId('public-page-phone').waitFor();
  }

  async fillNumbers(phone: string, hotline: string): Promise<void> {
    await this.page.getByTestId('public-page-phone').fill(phone);
    await this.page.getByTestId('public-page-hotline').fill(hotline);
  }

  /** Writes one text in one language, on that language's tab. */
  async fillText(lang: Lang, field: Text, text: string): Promise<void> {
    await this.page.getByTestId(`public-page-tab-${lang}`).click();
    const box = this.page.getByTestId(`public-page-${field}-${lang}`);
    await box.waitFor({ state: 'visible' });
    await box.fill(text);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('public-page-save').click();
    await this.page.locator('.ant-message-success').last().waitFor();
  }

  /** Opens the preview and waits for the page inside it. */
  async preview(): Promise<void> {
    await this.page.getByTestId('public-page-preview').click();
    await this.previewFrame().locator('h1').waitFor();
  }

  async closePreview(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('public-page-preview-frame').waitFor({ state: 'detached' });
  }

  async publish(): Promise<void> {
    const before = await this.versions().count();
    await this.page.getByTestId('public-page-publish').click();
    await this.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="public-page-version"]').length > n, before);
  }

  async addAnnouncement(title: string, body: string, urgent: boolean): Promise<void> {
    await this.page.getByTestId('announcement-create').click();
    await this.page.getByTestId('announcement-title').fill(title);
    await this.page.getByTestId('announcement-body').fill(body);
    if (urgent) await this.page.getByTestId('announcement-urgent').check();
    await this.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await this.page.getByRole('cell', { name: title }).waitFor();
  }
}
