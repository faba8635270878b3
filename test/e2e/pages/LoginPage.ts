import type { Page } from 'playwright-core';

/** The sign-in screen. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  readonly root = () => this.page.getByTestId('login-page');
  readonly error = () => this.page.getByTestId('login-error');

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/login`);
    await this.root().waitFor();
  }

  /** Types the credentials and submits with Enter, as a receptionist would. */
  async login(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-password').press('Enter');
  }
}
