import {
  footerBlocks,
  headerBlocks,
  partyBlocks,
  tenderBlocks,
  type BuildOptions,
} from './build-common';
import { itemBlocks } from './build-items';
import type { Block, ReceiptDocument } from './document';
import { amount, formatPercent, formatSlipDate } from './format';
import type { ReceiptOf } from './receipt-data';

// The slips of a layby's life: the agreement the customer signs, a receipt for the deposit
// and every instalment, the cancellation, and the collection slip when the goods go home.

const layby = (number: string) => ({ label: 'Layby no', number });

export const PAYMENT_TITLES = {
  DEPOSIT: 'Layby deposit receipt',
  INSTALMENT: 'Layby payment receipt',
  FINAL: 'Layby final payment receipt',
} as const;

export function laybyAgreement(
  data: ReceiptOf<'LAYBY_AGREEMENT'>,
  options: BuildOptions,
): ReceiptDocument {
  const title = 'Layby agreement';
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, layby(data.laybyNumber)),
    ...itemBlocks(data.items),
    { type: 'rule' },
    { type: 'pair', left: 'Layby total', right: amount(data.total), bold: true },
    {
      type: 'pair',
      left: `Deposit required (${formatPercent(data.depositPercentBp)})`,
      right: amount(data.depositRequired),
    },
    { type: 'rule' },
    { type: 'text', text: 'Payment schedule', bold: true },
    ...data.schedule.map((due): Block => ({
      type: 'pair',
      left: formatSlipDate(due.date),
      right: amount(due.amount),
    })),
    { type: 'pair', left: 'Pay in full and collect by', right: formatSlipDate(data.finalDueDate) },
    { type: 'rule' },
    ...paragraphs('Terms', data.terms),
    ...paragraphs('Cancellation policy', data.cancellationPolicy),
    { type: 'signature', label: `Customer: ${data.customer.name}. I accept these terms.` },
    { type: 'signature', label: `For the store: ${data.cashier.name}` },
    ...footerBlocks(data, 'Keep this agreement with your layby receipts.', options),
  ];
  return { title, blocks };
}

export function laybyPayment(
  data: ReceiptOf<'LAYBY_PAYMENT'>,
  options: BuildOptions,
): ReceiptDocument {
  const title = PAYMENT_TITLES[data.paymentType];
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, layby(data.laybyNumber)),
    ...tenderBlocks(data.tenders, 'Paid by'),
    { type: 'pair', left: 'Amount paid', right: amount(data.amountPaid), bold: true, tall: true },
    { type: 'rule' },
    { type: 'pair', left: 'Layby total', right: amount(data.laybyTotal) },
    { type: 'pair', left: 'Paid to date', right: amount(data.totalPaid) },
    { type: 'pair', left: 'Balance remaining', right: amount(data.balance), bold: true },
    ...nextDueBlocks(data.nextDue, data.balance.cents === 0),
    ...footerBlocks(data, 'Thank you. Keep this receipt for your layby.', options),
  ];
  return { title, blocks };
}

export function laybyCancellation(
  data: ReceiptOf<'LAYBY_CANCELLATION'>,
  options: BuildOptions,
): ReceiptDocument {
  const title = 'Layby cancellation';
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, layby(data.laybyNumber)),
    { type: 'text', text: `Reason: ${data.reason}` },
    { type: 'rule' },
    { type: 'pair', left: 'Layby total', right: amount(data.laybyTotal) },
    { type: 'pair', left: 'Paid to date', right: amount(data.totalPaid) },
    { type: 'pair', left: 'Cancellation fee', right: amount(data.cancellationFee) },
    { type: 'pair', left: 'Refund due', right: amount(data.refundDue), bold: true, tall: true },
    { type: 'rule' },
    ...(data.refundTenders.length > 0
      ? tenderBlocks(data.refundTenders, 'Refund paid by')
      : [{ type: 'text', text: 'The refund will be paid later.' } satisfies Block]),
    { type: 'signature', label: `Customer: ${data.customer.name}` },
    ...footerBlocks(data, 'This layby is cancelled. Keep this slip.', options),
  ];
  return { title, blocks };
}

export function laybyCollection(
  data: ReceiptOf<'LAYBY_COLLECTION'>,
  options: BuildOptions,
): ReceiptDocument {
  const title = 'Layby collection slip';
  const collector: Block[] = data.collectedBy
    ? [
        { type: 'pair', left: 'Collected by', right: data.collectedBy },
        ...(data.collectorIdNumber
          ? [{ type: 'pair', left: 'ID number', right: data.collectorIdNumber } satisfies Block]
          : []),
      ]
    : [];
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, layby(data.laybyNumber)),
    { type: 'text', text: 'Items released', bold: true },
    ...itemBlocks(data.items),
    { type: 'rule' },
    { type: 'pair', left: 'Layby total', right: amount(data.laybyTotal) },
    { type: 'pair', left: 'Paid', right: amount(data.totalPaid), bold: true },
    ...collector,
    { type: 'signature', label: 'Received in good order' },
    { type: 'signature', label: `Released by ${data.cashier.name}` },
    ...footerBlocks(data, 'Thank you for your layby.', options),
  ];
  return { title, blocks };
}

function paragraphs(heading: string, texts: readonly string[]): Block[] {
  if (texts.length === 0) return [];
  return [
    { type: 'text', text: heading, bold: true },
    ...texts.map((text): Block => ({ type: 'text', text })),
    { type: 'blank' },
  ];
}

export function nextDueBlocks(
  nextDue: { date: string; amount: { cents: number; currency: 'USD' | 'ZWG' } } | null,
  settled: boolean,
): Block[] {
  if (settled) return [{ type: 'text', text: 'Fully paid.', bold: true }];
  if (!nextDue) return [];
  return [
    { type: 'pair', left: 'Next payment due', right: formatSlipDate(nextDue.date), bold: true },
    { type: 'pair', left: 'Amount due', right: amount(nextDue.amount) },
  ];
}
