import type { Page } from 'playwright-core';

type Method = 'CASH' | 'CARD' | 'MOBILE_MONEY' | 'BANK_TRANSFER';
export type Tender = {
  amount?: string;
  method?: Method;
  reference?: string;
  wholeBalance?: boolean;
};

// Page model of one layby and its dialogs: take payment, release, cancel.
export class LaybyDetailPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(number?: string): Promise<void> {
    await this.page.getByTestId('screen-layby-detail').waitFor();
    const heading = this.page.getByTestId('layby-number');
    if (number) await heading.getByText(number).waitFor();
    else await heading.getByText(/^LAY-/).waitFor();
  }

  /** The status as written (the badge shows it in capitals). */
  async status(): Promise<string> {
    return (await this.page.getByTestId('layby-status').textContent()) ?? '';
  }

  async waitForStatus(text: string): Promise<void> {
    await this.page.getByTestId('layby-status').getByText(text).waitFor();
  }

  balance(): Promise<string> {
    return this.page.getByTestId('total-balance').innerText();
  }

  banner(): Promise<string> {
    return this.page.getByTestId('layby-banner').innerText();
  }

  instalmentStates(): Promise<(string | null)[]> {
    return this.page
      .getByTestId('instalment')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state')));
  }

  payments(): Promise<string[]> {
    return this.page.getByTestId('payment').allInnerTexts();
  }

  // ---- take payment ----

  async openPayment(): Promise<void> {
    await this.page.keyboard.press('F8');
    await this.page.getByTestId('pay-dialog').waitFor();
  }

  amount(): Promise<string> {
    return this.page.getByTestId('pay-amount').inputValue();
  }

  async fillPayment(tender: Tender): Promise<void> {
    if (tender.wholeBalance) await this.page.getByTestId('pay-whole-balance').click();
    if (tender.amount !== undefined) await this.page.getByTestId('pay-amount').fill(tender.amount);
    if (tender.method) await this.page.getByTestId(`pay-method-${tender.method}`).click();
    if (tender.reference !== undefined)
      await this.page.getByTestId('pay-reference').fill(tender.reference);
  }

  approvalShown(): Promise<boolean> {
    return this.page.getByTestId('pay-approval').isVisible();
  }

  async approve(username: string, pin: string): Promise<void> {
    await this.page.getByTestId('pay-approval-username').fill(username);
    await this.page.getByTestId('pay-approval-pin').fill(pin);
  }

  async submitPayment(): Promise<void> {
    await this.page.getByTestId('pay-submit').click();
  }

  async paymentFieldError(field: 'amount' | 'reference' | 'currency'): Promise<string> {
    const error = this.page.getByTestId(`pay-${field}-error`);
    await error.waitFor();
    return error.innerText();
  }

  /** The receipt number, new balance and next due date the cashier reads back. */
  async paymentDone(): Promise<{ receipt: string; balance: string; next: string }> {
    await this.page.getByTestId('pay-done').waitFor();
    return {
      receipt: await this.page.getByTestId('pay-done-receipt').innerText(),
      balance: await this.page.getByTestId('pay-done-balance').innerText(),
      next: await this.page.getByTestId('pay-done-next').innerText(),
    };
  }

  async closePaymentDone(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('pay-done').waitFor({ state: 'detached' });
  }

  // ---- release ----

  async release(collectedBy?: string): Promise<void> {
    await this.page.keyboard.press('F9');
    await this.page.getByTestId('release-dialog').waitFor();
    if (collectedBy !== undefined)
      await this.page.getByTestId('release-collected-by').fill(collectedBy);
    await this.page.getByTestId('release-confirm').click();
    await this.page.getByTestId('release-dialog').waitFor({ state: 'detached' });
  }

  // ---- cancel ----

  async startCancel(initiator: 'CUSTOMER' | 'STORE' | 'DEFAULT'): Promise<void> {
    await this.page.getByTestId('layby-cancel').click();
    await this.page.getByTestId('cancel-dialog').waitFor();
    await this.page.getByTestId(`cancel-initiator-${initiator}`).click();
    await this.page.getByTestId('cancel-figures').waitFor();
  }

  async cancelFigures(): Promise<Record<'paid' | 'kept' | 'fee' | 'refund', string>> {
    const text = (id: string) => this.page.getByTestId(id).innerText();
    return {
      paid: await text('cancel-paid'),
      kept: await text('cancel-kept-fees'),
      fee: await text('cancel-fee'),
      refund: await text('cancel-refund'),
    };
  }

  confirmCancelLabel(): Promise<string> {
    return this.page.getByTestId('cancel-confirm').innerText();
  }

  async confirmCancel(reason: string, method: Method = 'CASH'): Promise<void> {
    const choice = this.page.getByTestId(`cancel-method-${method}`);
    if (await choice.isVisible()) await choice.click();
    await this.page.getByTestId('cancel-reason').fill(reason);
    await this.page.getByTestId('cancel-confirm').click();
    await this.page.getByTestId('cancel-dialog').waitFor({ state: 'detached' });
  }

  async back(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }
}
