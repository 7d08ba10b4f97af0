import type { Page } from 'playwright-core';

// Page model of the 360° customer profile.
export class CustomerProfilePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(name?: string): Promise<void> {
    await this.page.getByTestId('screen-customer-profile').waitFor();
    if (name) await this.page.getByTestId('profile-name').getByText(name).waitFor();
    else await this.page.getByTestId('profile-number').waitFor();
  }

  name(): Promise<string> {
    return this.page.getByTestId('profile-name').innerText();
  }

  customerNumber(): Promise<string> {
    return this.page.getByTestId('profile-number').innerText();
  }

  async accountNumber(): Promise<string> {
    const number = this.page.getByTestId('account-number');
    await number.waitFor();
    return number.innerText();
  }

  async alerts(): Promise<string> {
    const banner = this.page.getByTestId('customer-alerts');
    await banner.waitFor();
    return banner.innerText();
  }

  hasAlerts(): Promise<boolean> {
    return this.page.getByTestId('customer-alerts').isVisible();
  }

  async addNote(content: string, options: { alert?: boolean } = {}): Promise<void> {
    await this.page.getByTestId('note-add').click();
    await this.page.getByTestId('note-content').fill(content);
    if (options.alert) await this.page.getByTestId('note-alert').check();
    await this.page.getByTestId('note-save').click();
    await this.page.getByTestId('note').getByText(content).waitFor();
  }

  async blacklist(reason: string): Promise<void> {
    await this.page.getByTestId('customer-action-blacklist').click();
    await this.page.getByTestId('customer-blacklist-reason').fill(reason);
    await this.page.getByTestId('customer-blacklist-confirm').click();
    await this.page.getByTestId('alert-blacklisted').waitFor();
  }

  canRaiseAlerts(): Promise<boolean> {
    return this.page.getByTestId('note-alert').isVisible();
  }

  async cancelNote(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel' }).click();
  }

  async back(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
