import thermal from 'node-thermal-printer';
import { PAPER_WIDTHS } from '../shared/domain/receipts/document';
import { receiptTitle } from '../shared/domain/receipts/build-receipt';
import * as sample from '../shared/domain/receipts/testing/samples';
import type { ReceiptData } from '../shared/domain/receipts/receipt-data';
import { encodeSlip } from '../electron/till/printing/escpos-encoder';
import { slipForJob } from '../electron/till/printing/render-job';
import type { PrintJobRow } from '../db/till/schema';

// Building a receipt's printer bytes, the way the print worker does it: parse the queued
// JSON payload, build the document, lay it out for the paper, encode ESC/POS. Target: p95
// ≤ 20 ms. Beside it, in the same run, the baseline cost of node-thermal-printer building a
// trivial three-line slip, so a slow machine shows as a slow baseline, not a regression.

const RUNS = 400;
const WARM_UP = 30;
const P95_TARGET_MS = 20;

type Summary = { p50: number; p95: number; max: number };

function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

function time(run: () => unknown): Summary {
  for (let i = 0; i < WARM_UP; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}

const fmt = (value: number) => value.toFixed(3).padStart(8);
const row = (label: string, s: Summary) =>
  console.log(`${label.padEnd(44)}${fmt(s.p50)}${fmt(s.p95)}${fmt(s.max)}`);

// A queued job as the worker reads it from SQLite: the payload is JSON text.
function queuedJob(receipt: ReceiptData): PrintJobRow & { payloadText: string } {
  const payloadText = JSON.stringify({ receipt, copy: null });
  return {
    id: '01920000-0000-7000-8000-000000000b01',
    kind: receipt.kind,
    payload: null,
    payloadText,
    status: 'PENDING',
    attempts: 0,
    lastError: null,
    createdAt: receipt.issuedAt,
    printedAt: null,
    dismissedReason: null,
    receiptNumber: receipt.receiptNumber,
    customerId: null,
    customerNumber: null,
    reference: null,
    copyOf: null,
    printer: 'main',
    createdBy: null,
    lastAttemptAt: null,
    nextAttemptAt: null,
    sentUnconfirmed: false,
    dismissedBy: null,
    dismissedAt: null,
  };
}

function bytesFor(job: ReturnType<typeof queuedJob>, width: 32 | 48): Buffer {
  const payload: unknown = JSON.parse(job.payloadText);
  const settings = { paperWidth: width, characterSet: 'PC858_EURO' as const, cashDrawer: true };
  const slip = slipForJob({ ...job, payload }, settings, { now: new Date(job.createdAt) });
  return encodeSlip(slip, { type: 'epson', charset: 'PC858_EURO' });
}

// The longest slip a till prints: a layby agreement for a family's winter clothes.
const bigAgreement = sample.laybyAgreement({
  items: Array.from({ length: 60 }, (_, i) => ({
    description: `Item ${i + 1}: school uniform blazer, navy, embroidered crest, size ${(i % 12) + 4}`,
    sku: `CLO-UNI-${String(i).padStart(4, '0')}`,
    quantityMilli: 1000 + (i % 3) * 1000,
    unitPrice: sample.usd(4500),
    amount: sample.usd(4500 * (1 + (i % 3))),
  })),
  terms: Array.from({ length: 12 }, () => sample.laybyAgreement().terms.join(' ')),
});

const { ThermalPrinter, PrinterTypes } = thermal;
const baseline = time(() => {
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.println('Unitill Clothing');
  printer.println('Receipt R-CLO-01-000123');
  printer.println('Thank you');
  printer.cut();
  return printer.getBuffer();
});

console.log(`Receipt bytes: payload JSON → document → layout → ESC/POS (ms, ${RUNS} runs each)`);
console.log(`${'slip'.padEnd(44)}     p50     p95     max`);
row('baseline: node-thermal-printer, 3 lines', baseline);
let worst = 0;
let typical: Summary | null = null;
const cases: [string, ReceiptData][] = [
  ...sample.everyReceipt().map((data): [string, ReceiptData] => [receiptTitle(data), data]),
  ['Layby agreement, 60 items, long terms', bigAgreement],
];
for (const width of PAPER_WIDTHS) {
  for (const [label, data] of cases) {
    const job = queuedJob(data);
    const summary = time(() => bytesFor(job, width));
    worst = Math.max(worst, summary.p95);
    if (width === 48 && data.kind === 'LAYBY_PAYMENT') typical ??= summary;
    row(`${label} @${width}`, summary);
  }
}
if (typical) {
  console.log(
    `\ntypical slip (layby payment, 80 mm): p50 ${typical.p50.toFixed(3)} ms, p95 ${typical.p95.toFixed(3)} ms` +
      ` = ${(typical.p50 / baseline.p50).toFixed(1)}× / ${(typical.p95 / baseline.p95).toFixed(1)}× the 3-line baseline`,
  );
}
console.log(`worst p95 of all slips ${worst.toFixed(3)} ms (target ≤ ${P95_TARGET_MS} ms)`);
if (worst > P95_TARGET_MS) {
  console.error(`FAIL: receipt bytes p95 ${worst.toFixed(3)} ms is over ${P95_TARGET_MS} ms`);
  process.exit(1);
}
