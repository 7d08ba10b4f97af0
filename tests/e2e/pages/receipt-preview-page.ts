import type { Page } from 'playwright-core';

// Page model of the on-screen slip preview (a dialog over the printer queue).
export class ReceiptPreviewPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('receipt-preview').waitFor();
  }

  /** The printed lines, as the slip shows them. */
  async lines(): Promise<string[]> {
    const texts = await this.page.getByTestId('slip-line').allInnerTexts();
    return texts.map((t) => t.replace(/\u00a0/g, ' ').trimEnd());
  }

  async columns(): Promise<number> {
    return Number(await this.page.getByTestId('receipt-preview').getAttribute('data-width'));
  }

  async showWidth(columns: 32 | 48): Promise<void> {
    await this.page.getByTestId(`preview-width-${columns}`).click();
    await this.page.locator(`[data-testid="receipt-preview"][data-width="${columns}"]`).waitFor();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('preview-dialog-close').click();
  }
}
