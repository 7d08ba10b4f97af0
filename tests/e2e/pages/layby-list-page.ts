import type { Page } from 'playwright-core';

// Page model of the laybys list: filters, the search box and one row per layby.
export class LaybyListPage {
  constructor(private readonly page: Page) {}

  async openFromHome(): Promise<void> {
    await this.page.keyboard.press('F3');
    await this.waitUntilShown();
  }

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-layby-list').waitFor();
  }

  async filter(key: 'active' | 'week' | 'overdue' | 'paid' | 'cancelled' | 'all'): Promise<void> {
    await this.page.getByTestId(`layby-filter-${key}`).click();
  }

  async search(text: string): Promise<void> {
    const box = this.page.getByTestId('layby-query');
    await box.fill('');
    await box.pressSequentially(text, { delay: 15 });
  }

  async blankState(): Promise<string> {
    const blank = this.page.getByTestId('layby-blank');
    await blank.waitFor();
    return blank.innerText();
  }

  /** Each row's text once the list shows `count` rows (layby number first). */
  async rows(count: number): Promise<string[]> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="layby-row"]').length === n,
      count,
    );
    return this.page.getByTestId('layby-row').allInnerTexts();
  }

  async openSelected(): Promise<void> {
    await this.page.getByTestId('layby-query').press('Enter');
  }

  async newLayby(): Promise<void> {
    await this.page.keyboard.press('Control+KeyN');
    await this.page.getByTestId('screen-layby-new').waitFor();
  }
}
