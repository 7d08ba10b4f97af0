import type { Page } from 'playwright-core';

// Page model of customer lookup: type or scan, choose with the keyboard.
export class CustomerLookupPage {
  constructor(private readonly page: Page) {}

  async openFromHome(): Promise<void> {
    await this.page.keyboard.press('F2');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-customer-lookup').waitFor();
  }

  /** Types as a cashier does, a key at a time, so the search runs as they type. */
  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('customer-query');
    await box.fill('');
    await box.pressSequentially(text, { delay: 20 });
  }

  async waitForHits(count?: number): Promise<string[]> {
    const hits = this.page.getByTestId('customer-hit');
    await hits.first().waitFor();
    if (count !== undefined)
      await this.page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="customer-hit"]').length === n,
        count,
      );
    return hits.locator('.hit-name').allInnerTexts();
  }

  async noMatchMessage(): Promise<string> {
    const blank = this.page.getByTestId('customer-no-match');
    await blank.waitFor();
    return blank.innerText();
  }

  async openSelected(): Promise<void> {
    await this.page.getByTestId('customer-query').press('Enter');
  }

  async registerNew(): Promise<void> {
    await this.page.keyboard.press('Control+KeyN');
    await this.page.getByTestId('screen-customer-form').waitFor();
  }
}
