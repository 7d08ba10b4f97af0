import type { Page } from 'playwright-core';

// Page model of the register/edit customer form and its duplicate warning.
export class CustomerFormPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByTestId('screen-customer-form').waitFor();
  }

  value(field: string): Promise<string> {
    return this.page.getByTestId(`customer-field-${field}`).inputValue();
  }

  async fill(fields: Record<string, string>): Promise<void> {
    for (const [field, value] of Object.entries(fields)) {
      await this.page.getByTestId(`customer-field-${field}`).fill(value);
    }
  }

  async save(): Promise<void> {
    await this.page.getByTestId('customer-save').click();
  }

  fieldError(field: string): Promise<string> {
    return this.page.getByTestId(`customer-field-${field}-error`).innerText();
  }

  async duplicateWarning(): Promise<string> {
    const warning = this.page.getByTestId('duplicate-warning');
    await warning.waitFor();
    return warning.innerText();
  }

  async useDuplicate(): Promise<void> {
    await this.page.getByTestId('duplicate-use').first().click();
  }
}
