import type { Locator, Page } from 'playwright-core';

export type JobAction = 'preview' | 'retry' | 'fallback' | 'reprint' | 'dismiss';

// Page model of the printer queue: the slips waiting for the printer and recent ones.
export class PrintQueuePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-print-queue').waitFor();
  }

  async openSettings(): Promise<void> {
    await this.page.getByTestId('open-printer-settings').click();
  }

  async showTab(tab: 'waiting' | 'recent'): Promise<void> {
    await this.page.getByTestId(`queue-tab-${tab}`).click();
  }

  /** The slips listed, top first. */
  jobs(): Locator {
    return this.page.getByTestId('print-job');
  }

  /** The first listed slip whose card contains the text. */
  job(text: string): Locator {
    return this.jobs().filter({ hasText: text }).first();
  }

  async act(job: Locator, action: JobAction): Promise<void> {
    await job.getByTestId(`job-${action}`).click();
  }

  /** Waits for the line that reports what the last action did. */
  async waitForNotice(text: string): Promise<void> {
    await this.page.getByTestId('queue-notice').filter({ hasText: text }).waitFor();
  }

  summary(): Promise<string> {
    return this.page.getByTestId('queue-summary').innerText();
  }

  async back(): Promise<void> {
    await this.page.getByTestId('printing-back').click();
  }
}
