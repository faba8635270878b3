import type { Download, Locator, Page } from 'playwright-core';

export type ReportChart = 'rule-trend' | 'cases-by-kind' | 'follow-up-outcomes' | 'desk-waits';

/** The monthly service report and the head office's comparison. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  readonly report = (): Locator => this.page.getByTestId('monthly-report');
  readonly head = (): Locator => this.page.getByTestId('report-head');
  readonly frozenTag = (): Locator => this.page.getByTestId('report-frozen');
  readonly chart = (name: ReportChart): Locator => this.page.getByTestId(`chart-${name}`);
  readonly figure = (key: string): Locator => this.page.getByTestId(`figure-${key}`);
  readonly ruleRate = (rule: string): Locator => this.page.getByTestId(`rule-rate-${rule}`);
  readonly drawer = (): Locator => this.page.getByTestId('figure-drawer');
  readonly records = (): Locator => this.page.getByTestId('figure-records');
  readonly headOfficeTable = (): Locator => this.page.getByTestId('head-office-table');
  readonly headOfficeChart = (): Locator => this.page.getByTestId('chart-head-office-trend');

  async openMonthly(month: string): Promise<void> {
    await this.page.goto(`/reports/monthly?month=${month}`);
    await this.report().waitFor();
  }

  async openHeadOffice(month: string): Promise<void> {
    await this.page.goto(`/reports/head-office?month=${month}`);
    await this.headOfficeTable().locator('tbody tr.ant-table-row').first().waitFor();
  }

  /** The words a chart draws (its SVG's text), once it has drawn them. */
  async chartText(chart: Locator): Promise<string> {
    await chart.locator('svg text').first().waitFor();
    return (await chart.locator('svg').textContent()) ?? '';
  }

  /** Clicks a count and waits for the records behind it. */
  async openFigure(key: string): Promise<void> {
    await this.figure(key).click();
    await this.records().locator('tbody tr.ant-table-row').first().waitFor();
  }

  /** Clicks a download button and waits for the browser to save the file. */
  async download(button: 'report-xlsx' | 'report-pdf'): Promise<Download> {
    const saved = this.page.waitForEvent('download');
    await this.page.getByTestId(button).click();
    return saved;
  }
}
