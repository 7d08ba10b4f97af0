import {
  footerBlocks,
  headerBlocks,
  partyBlocks,
  tenderBlocks,
  type BuildOptions,
} from './build-common';
import { itemBlocks } from './build-items';
import { nextDueBlocks } from './build-layby';
import type { Block, ReceiptDocument } from './document';
import { amount, formatPercent } from './format';
import type { ReceiptOf } from './receipt-data';

// Slips for money outside a layby: a payment on a division account, a refund, a sale.

export function accountPayment(
  data: ReceiptOf<'ACCOUNT_PAYMENT'>,
  options: BuildOptions,
): ReceiptDocument {
  const title = 'Account payment receipt';
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, { label: 'Account no', number: data.accountNumber }),
    ...tenderBlocks(data.tenders, 'Paid by'),
    { type: 'pair', left: 'Amount paid', right: amount(data.amountPaid), bold: true, tall: true },
    { type: 'rule' },
    { type: 'pair', left: 'Previous balance', right: amount(data.previousBalance) },
    { type: 'pair', left: 'Balance remaining', right: amount(data.balance), bold: true },
    ...nextDueBlocks(data.nextDue, data.balance.cents <= 0),
    ...footerBlocks(data, 'Thank you for your payment.', options),
  ];
  return { title, blocks };
}

export function refund(data: ReceiptOf<'REFUND'>, options: BuildOptions): ReceiptDocument {
  const title = 'Refund receipt';
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, data.reference),
    { type: 'pair', left: 'Original receipt', right: data.originalReceiptNumber },
    { type: 'text', text: `Reason: ${data.reason}` },
    { type: 'rule' },
    ...itemBlocks(data.items),
    { type: 'pair', left: 'Refund total', right: amount(data.total), bold: true, tall: true },
    { type: 'rule' },
    ...tenderBlocks(data.refundTenders, 'Refunded by'),
    { type: 'signature', label: 'Customer signature' },
    ...footerBlocks(data, 'Keep this slip as proof of your refund.', options),
  ];
  return { title, blocks };
}

export function sale(data: ReceiptOf<'SALE'>, options: BuildOptions): ReceiptDocument {
  const title = 'Sale receipt';
  const blocks: Block[] = [
    ...headerBlocks(data, title, options),
    ...partyBlocks(data.customer, null),
    ...itemBlocks(data.items),
    { type: 'rule' },
    { type: 'pair', left: 'Subtotal', right: amount(data.subtotal) },
    ...(data.discount
      ? [{ type: 'pair', left: 'Discount', right: amount(data.discount) } satisfies Block]
      : []),
    { type: 'pair', left: 'TOTAL', right: amount(data.total), bold: true, tall: true },
    ...(data.vat
      ? [
          {
            type: 'pair',
            left: `VAT ${formatPercent(data.vat.rateBp)} included`,
            right: amount(data.vat.amount),
          } satisfies Block,
        ]
      : []),
    { type: 'rule' },
    ...tenderBlocks(data.tenders, 'Paid by'),
    ...footerBlocks(data, 'Thank you for shopping with us.', options),
  ];
  return { title, blocks };
}
