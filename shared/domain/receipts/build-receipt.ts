import { movesCash, type BuildOptions } from './build-common';
import {
  laybyAgreement,
  laybyCancellation,
  laybyCollection,
  laybyPayment,
  PAYMENT_TITLES,
} from './build-layby';
import { accountPayment, refund, sale } from './build-money';
import { testPrint } from './build-test-print';
import type { ReceiptDocument } from './document';
import type { ReceiptData, Tender } from './receipt-data';

export type { BuildOptions } from './build-common';

/** The document of a receipt: what it says, before it meets a paper width. */
export function buildReceipt(data: ReceiptData, options: BuildOptions = {}): ReceiptDocument {
  switch (data.kind) {
    case 'LAYBY_AGREEMENT':
      return laybyAgreement(data, options);
    case 'LAYBY_PAYMENT':
      return laybyPayment(data, options);
    case 'LAYBY_CANCELLATION':
      return laybyCancellation(data, options);
    case 'LAYBY_COLLECTION':
      return laybyCollection(data, options);
    case 'REFUND':
      return refund(data, options);
    case 'ACCOUNT_PAYMENT':
      return accountPayment(data, options);
    case 'SALE':
      return sale(data, options);
    case 'TEST_PRINT':
      return testPrint(data, options);
  }
}

/** A short name for lists (the print queue, a customer's history). */
export function receiptTitle(data: ReceiptData): string {
  switch (data.kind) {
    case 'LAYBY_PAYMENT':
      return PAYMENT_TITLES[data.paymentType];
    case 'LAYBY_AGREEMENT':
      return 'Layby agreement';
    case 'LAYBY_CANCELLATION':
      return 'Layby cancellation';
    case 'LAYBY_COLLECTION':
      return 'Layby collection slip';
    case 'REFUND':
      return 'Refund receipt';
    case 'ACCOUNT_PAYMENT':
      return 'Account payment receipt';
    case 'SALE':
      return 'Sale receipt';
    case 'TEST_PRINT':
      return 'Printer test';
  }
}

/** The tenders whose cash passes through the drawer, in or out. */
export function cashTenders(data: ReceiptData): readonly Tender[] {
  switch (data.kind) {
    case 'LAYBY_PAYMENT':
    case 'ACCOUNT_PAYMENT':
    case 'SALE':
      return data.tenders;
    case 'LAYBY_CANCELLATION':
    case 'REFUND':
      return data.refundTenders;
    default:
      return [];
  }
}

/** Whether printing this receipt should open the cash drawer. */
export function needsDrawer(data: ReceiptData): boolean {
  if (data.kind === 'TEST_PRINT') return data.openDrawer;
  return movesCash(cashTenders(data));
}

/** The customer and the layby or account a receipt belongs to, for history look-ups. */
export function receiptReference(data: ReceiptData): {
  customerNumber: string | null;
  customerName: string | null;
  reference: string | null;
} {
  const customer = 'customer' in data ? data.customer : null;
  const reference =
    'laybyNumber' in data
      ? data.laybyNumber
      : 'accountNumber' in data
        ? data.accountNumber
        : data.kind === 'REFUND'
          ? (data.reference?.number ?? null)
          : null;
  return {
    customerNumber: customer?.number ?? null,
    customerName: customer?.name ?? null,
    reference,
  };
}
