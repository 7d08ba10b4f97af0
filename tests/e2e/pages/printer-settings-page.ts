import type { Page } from 'playwright-core';

// Page model of the printer settings a supervisor fills in for this till.
export class PrinterSettingsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('printer-save').waitFor();
  }

  async setAddress(address: string): Promise<void> {
    await this.page.getByTestId('printer-interface').fill(address);
  }

  async setSecondPrinter(address: string): Promise<void> {
    await this.page.getByTestId('printer-fallback').fill(address);
  }

  async choosePaperWidth(columns: 32 | 48): Promise<void> {
    await this.page.getByTestId(`printer-width-${columns}`).check();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('printer-save').click();
    await this.waitForNotice('Saved');
  }

  async testPrint(): Promise<void> {
    await this.page.getByTestId('printer-test-print').click();
  }

  async waitForNotice(text: string): Promise<string> {
    const notice = this.page.getByTestId('printer-settings-notice').filter({ hasText: text });
    await notice.waitFor();
    return notice.innerText();
  }

  async backToQueue(): Promise<void> {
    await this.page.getByTestId('settings-back').click();
  }
}
