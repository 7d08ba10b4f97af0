import type { Page } from 'playwright-core';

// Page model of the sign-in screen: what a cashier sees and does there.
export class SignInPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-signin').waitFor();
  }

  division(): Promise<string> {
    return this.page.getByTestId('signin-division').innerText();
  }

  /** Types the user name, then taps the PIN on the on-screen keypad as a cashier would. */
  async signInWithKeypad(username: string, pin: string): Promise<void> {
    await this.page.getByTestId('signin-username').fill(username);
    for (const digit of pin) await this.page.getByTestId(`keypad-${digit}`).click();
    await this.page.getByTestId('signin-submit').click();
  }

  async signInWithKeyboard(username: string, pin: string): Promise<void> {
    await this.page.getByTestId('signin-username').fill(username);
    await this.page.getByTestId('signin-pin').fill(pin);
    await this.page.keyboard.press('Enter');
  }

  error(): Promise<string> {
    return this.page.getByTestId('signin-error').innerText();
  }
}
