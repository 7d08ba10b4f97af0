import type { Page } from 'playwright-core';

// Page model of the home screen a signed-in cashier lands on.
export class HomePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-home').waitFor();
  }

  division(): Promise<string> {
    return this.page.getByTestId('home-division').innerText();
  }

  staffName(): Promise<string> {
    return this.page.getByTestId('home-staff-name').innerText();
  }

  staffRole(): Promise<string> {
    return this.page.getByTestId('home-staff-role').innerText();
  }

  connection(): Promise<string> {
    return this.page.getByTestId('status-connection').innerText();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('signout-button').click();
  }
}
