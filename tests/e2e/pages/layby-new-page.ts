import type { Page } from 'playwright-core';

export type PlanChoice = { frequency?: string; instalments?: string; deposit?: string };

// Page model of the new-layby wizard: customer, items, plan, deposit, done.
export class LaybyNewPage {
  constructor(private readonly page: Page) {}

  async waitForStep(step: 'customer' | 'items' | 'plan' | 'deposit' | 'done'): Promise<void> {
    await this.page.getByTestId(`layby-step-${step}`).waitFor();
  }

  /** Searches, lets the caller look at the hits (a screenshot), then takes the first with Enter. */
  async chooseCustomer(search: string, onHits?: () => Promise<unknown>): Promise<void> {
    await this.waitForStep('customer');
    await this.page.getByTestId('layby-customer-query').pressSequentially(search, { delay: 15 });
    await this.page.getByTestId('customer-hit').first().waitFor();
    await onHits?.();
    await this.page.getByTestId('layby-customer-query').press('Enter');
    await this.waitForStep('items');
  }

  /** Chooses a customer who may not open a layby: the wizard stays on step 1 and says why. */
  async refusedCustomer(search: string): Promise<string> {
    await this.waitForStep('customer');
    await this.page.getByTestId('layby-customer-query').pressSequentially(search, { delay: 15 });
    await this.page.getByTestId('customer-hit').first().waitFor();
    await this.page.getByTestId('layby-customer-query').press('Enter');
    const refusal = this.page.getByTestId('layby-customer-blocked');
    await refusal.waitFor();
    return refusal.innerText();
  }

  nextEnabled(): Promise<boolean> {
    return this.page.getByTestId('wizard-next').isEnabled();
  }

  /** Searches the catalogue and adds the first hit with Enter, as a cashier scanning would. */
  async addProduct(search: string): Promise<void> {
    const box = this.page.getByTestId('catalogue-query');
    await box.fill('');
    await box.pressSequentially(search, { delay: 15 });
    await this.page.getByTestId('catalogue-hit').first().waitFor();
    await box.press('Enter');
  }

  async addFreeText(description: string, price: string): Promise<void> {
    await this.page.getByTestId('item-free-text').click();
    const line = this.page.getByTestId('draft-line').last();
    await line.getByTestId('line-description').fill(description);
    await line.getByTestId('line-price').fill(price);
  }

  async setLine(index: number, fields: { quantity?: string; price?: string }): Promise<void> {
    const line = this.page.getByTestId('draft-line').nth(index);
    if (fields.quantity !== undefined)
      await line.getByTestId('line-quantity').fill(fields.quantity);
    if (fields.price !== undefined) await line.getByTestId('line-price').fill(fields.price);
  }

  itemsTotal(): Promise<string> {
    return this.page.getByTestId('items-total').innerText();
  }

  /** F8: the step's primary action. */
  async next(): Promise<void> {
    await this.page.keyboard.press('F8');
  }

  async plan(choice: PlanChoice): Promise<void> {
    await this.waitForStep('plan');
    if (choice.frequency) await this.page.getByTestId(`plan-frequency-${choice.frequency}`).click();
    if (choice.instalments !== undefined)
      await this.page.getByTestId('plan-instalments').fill(choice.instalments);
    if (choice.deposit !== undefined)
      await this.page.getByTestId('plan-deposit').fill(choice.deposit);
  }

  /** Waits until the quote shows this deposit and schedule length, then returns its text. */
  async quote(deposit: string, instalments: number): Promise<string> {
    const quote = this.page.locator('[data-testid="layby-quote"][aria-busy="false"]');
    await quote.getByTestId('quote-deposit').getByText(deposit).waitFor();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="quote-instalment"]').length === n,
      instalments,
    );
    return quote.innerText();
  }

  fieldError(testId: string): Promise<string> {
    return this.page.getByTestId(`${testId}-error`).innerText();
  }

  async payDeposit(method: 'CASH' | 'CARD' | 'MOBILE_MONEY' | 'BANK_TRANSFER', reference?: string) {
    await this.waitForStep('deposit');
    await this.page.getByTestId(`deposit-method-${method}`).click();
    if (reference !== undefined) await this.page.getByTestId('deposit-reference').fill(reference);
    await this.next();
    await this.waitForStep('done');
  }

  laybyNumber(): Promise<string> {
    return this.page.getByTestId('done-layby-number').innerText();
  }

  receiptNumber(): Promise<string> {
    return this.page.getByTestId('done-receipt').innerText();
  }

  async openLayby(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('screen-layby-detail').waitFor();
  }
}
