import type { Page } from 'playwright-core';

// The printer entry of the status bar, on every screen.
export class PrinterStatusBar {
  constructor(private readonly page: Page) {}

  text(): Promise<string> {
    return this.page.getByTestId('status-printer-queue').innerText();
  }

  async waitForText(text: string): Promise<void> {
    await this.page.getByTestId('status-printer-queue').filter({ hasText: text }).waitFor();
  }

  async open(): Promise<void> {
    await this.page.getByTestId('status-printer-queue').click();
  }
}
