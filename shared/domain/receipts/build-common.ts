import type { Block } from './document';
import { amount, formatSlipDateTime, PAYMENT_METHOD_LABELS } from './format';
import type { CopyMark, ReceiptData, Tender } from './receipt-data';

// The parts every slip shares: who issued it (store, till, cashier, time, number), whom it
// is for, how money moved, and how a reprint says it is one.

export type BuildOptions = {
  /** Set on reprints and copies; the slip says so at the top and the bottom. */
  copy?: CopyMark | null;
  /** Kick the cash drawer before printing (cash moved, first print only). */
  openDrawer?: boolean;
  /** A line under the title, e.g. that this print follows a printer fault. */
  notice?: string | null;
};

export type Reference = { label: string; number: string };

export function headerBlocks(data: ReceiptData, title: string, options: BuildOptions): Block[] {
  const { store } = data;
  const blocks: Block[] = [];
  // A copy never opens the drawer: no money moves when a slip is reprinted.
  if (options.openDrawer && !options.copy) blocks.push({ type: 'drawer' });
  blocks.push({ type: 'text', text: store.name, align: 'center', bold: true, tall: true });
  if (store.address) blocks.push({ type: 'text', text: store.address, align: 'center' });
  if (store.phone) blocks.push({ type: 'text', text: `Tel ${store.phone}`, align: 'center' });
  if (store.taxNumber)
    blocks.push({ type: 'text', text: `VAT No. ${store.taxNumber}`, align: 'center' });
  blocks.push({ type: 'rule', char: '=' });
  blocks.push({ type: 'text', text: title.toUpperCase(), align: 'center', bold: true });
  if (options.copy) blocks.push(...copyBanner(options.copy));
  if (options.notice) blocks.push({ type: 'text', text: options.notice, align: 'center' });
  blocks.push({ type: 'rule' });
  blocks.push({ type: 'pair', left: 'Receipt no', right: data.receiptNumber });
  blocks.push({ type: 'pair', left: 'Date', right: formatSlipDateTime(data.issuedAt) });
  blocks.push({ type: 'pair', left: 'Till', right: data.till.name });
  blocks.push({ type: 'pair', left: 'Cashier', right: data.cashier.name });
  return blocks;
}

export function partyBlocks(
  customer: { number: string; name: string } | null,
  reference: Reference | null,
): Block[] {
  const blocks: Block[] = [];
  if (customer) {
    blocks.push({ type: 'pair', left: 'Customer no', right: customer.number });
    blocks.push({ type: 'pair', left: 'Customer', right: customer.name });
  }
  if (reference) blocks.push({ type: 'pair', left: reference.label, right: reference.number });
  blocks.push({ type: 'rule' });
  return blocks;
}

function copyBanner(copy: CopyMark): Block[] {
  const verb = copy.label === 'REPRINT' ? 'Reprinted' : 'Copy printed';
  return [
    { type: 'text', text: `*** ${copy.label} ***`, align: 'center', bold: true, tall: true },
    { type: 'text', text: `${verb} ${formatSlipDateTime(copy.at)}`, align: 'center' },
    { type: 'text', text: `by ${copy.by}`, align: 'center' },
  ];
}

/** "1 USD = 26.7512 ZWG": always quoted per unit of the stronger currency, as shops post it. */
function formatRate(exchange: NonNullable<Tender['exchange']>): string {
  const { from, to, rateMicros } = exchange;
  const [base, quote, micros] =
    rateMicros >= 1_000_000 ? [from, to, rateMicros] : [to, from, Math.round(1e12 / rateMicros)];
  const value = (micros / 1_000_000).toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return `1 ${base} = ${value} ${quote}`;
}

export function tenderBlocks(tenders: readonly Tender[], heading: string): Block[] {
  if (tenders.length === 0) return [];
  const blocks: Block[] = [{ type: 'text', text: heading, bold: true }];
  for (const tender of tenders) {
    const method = PAYMENT_METHOD_LABELS[tender.method];
    const label = tender.provider ? `${method} (${tender.provider})` : method;
    const detail = tender.reference ? `Ref ${tender.reference}` : undefined;
    blocks.push(
      detail === undefined
        ? { type: 'item', description: label, amount: amount(tender.amount) }
        : { type: 'item', description: label, amount: amount(tender.amount), detail },
    );
    if (tender.exchange) {
      blocks.push(
        { type: 'pair', left: 'Rate', right: formatRate(tender.exchange) },
        {
          type: 'pair',
          left: `In ${tender.exchange.converted.currency}`,
          right: amount(tender.exchange.converted),
        },
      );
    }
    if (tender.tendered)
      blocks.push({ type: 'pair', left: 'Cash tendered', right: amount(tender.tendered) });
    if (tender.change)
      blocks.push({ type: 'pair', left: 'Change', right: amount(tender.change), bold: true });
  }
  return blocks;
}

export function footerBlocks(data: ReceiptData, closing: string, options: BuildOptions): Block[] {
  const blocks: Block[] = [
    { type: 'rule' },
    { type: 'qr', data: data.receiptNumber },
    { type: 'text', text: data.receiptNumber, align: 'center' },
    { type: 'text', text: closing, align: 'center' },
  ];
  if (options.copy) {
    blocks.push({
      type: 'text',
      text: `${options.copy.label} - NOT THE ORIGINAL`,
      align: 'center',
      bold: true,
    });
  }
  blocks.push({ type: 'cut' });
  return blocks;
}

/** Whether cash changed hands, so the drawer has to open. */
export function movesCash(tenders: readonly Tender[]): boolean {
  return tenders.some((t) => t.method === 'CASH' && t.amount.cents !== 0);
}
