import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as sample from '../../../shared/domain/receipts/testing/samples';
import { enqueuePrint } from './enqueue';
import { DRAWER_KICK } from './escpos-encoder';
import { RESENT_NOTICE } from './render-job';
import { isWholeSlip, type DecodedSlip } from './testing/decode-escpos';
import {
  startLoopbackPrinter,
  type LoopbackMode,
  type LoopbackPrinter,
} from './testing/loopback-printer';
import {
  createPrintFixture,
  jobRow,
  paymentExists,
  takePayment,
  usePrinter,
  type PrintFixture,
} from './testing/print-fixture';
import type { PrintWorker } from './worker';

let fixture: PrintFixture;
let printer: LoopbackPrinter;
let worker: PrintWorker;

beforeEach(async () => {
  fixture = createPrintFixture();
  printer = await startLoopbackPrinter();
  usePrinter(fixture, { interface: printer.url });
  worker = fixture.startWorker();
});
afterEach(async () => {
  await worker.stop();
  await printer.close();
  fixture.cleanup();
});

const wholeSlips = (): DecodedSlip[] => printer.slips().filter(isWholeSlip);
const slipsNumbered = (number: string) =>
  wholeSlips().filter((s) => s.text.some((line) => line.includes(number)));

describe('printing a money event through the queue', () => {
  it('commits the payment, then prints its receipt once, with the drawer kick for cash', async () => {
    const { paymentId, jobId } = takePayment(fixture, sample.laybyPayment());
    expect(paymentExists(fixture, paymentId)).toBe(true);
    await worker.drain();
    expect(jobRow(fixture, jobId)).toMatchObject({ status: 'PRINTED', attempts: 1 });
    const [slip, ...others] = wholeSlips();
    expect(others).toHaveLength(0);
    const text = slip?.text.join('\n') ?? '';
    expect(text).toMatch(/Receipt no +R-CLO-01-000123/);
    expect(text).toMatch(/Amount paid +US\$50\.00/);
    expect(text).toMatch(/Balance remaining +US\$92\.00/);
    expect(text).toMatch(/Next payment due +12 Apr 2025/);
    expect(slip?.commands.filter((c) => c.name === 'drawer').map((c) => c.bytes)).toEqual([
      [...DRAWER_KICK],
    ]);
    await worker.drain();
    expect(wholeSlips()).toHaveLength(1);
  });

  it('prints a store copy queued with the original, marked COPY', async () => {
    const receipt = sample.laybyAgreement();
    fixture.handle.db.transaction((tx) => {
      enqueuePrint(tx, { receipt, now: fixture.now.value });
      enqueuePrint(tx, {
        receipt,
        copy: { label: 'COPY', at: fixture.now.value.toISOString(), by: 'Rutendo Chikore' },
        now: fixture.now.value,
      });
    });
    await worker.drain();
    const [original, copy] = wholeSlips().map((s) => s.text.join('\n'));
    expect(original).not.toContain('COPY');
    expect(copy).toContain('*** COPY ***');
    expect(copy).toContain('COPY - NOT THE ORIGINAL');
  });

  it('leaves nothing queued when the money transaction itself rolls back', async () => {
    expect(() =>
      takePayment(fixture, sample.laybyPayment(), { failAfterQueueing: true }),
    ).toThrow();
    await worker.drain();
    expect(printer.connections()).toBe(0);
  });

  it('keeps the payment when its receipt data is broken, and queues the slip as failed', async () => {
    const { paymentId, jobId } = takePayment(fixture, {
      kind: 'LAYBY_PAYMENT',
      receiptNumber: 'R-X',
    });
    expect(paymentExists(fixture, paymentId)).toBe(true);
    expect(jobRow(fixture, jobId)).toMatchObject({ status: 'FAILED' });
    expect(jobRow(fixture, jobId)?.lastError).toMatch(/cannot be printed.*payment is saved/);
    await worker.drain();
    expect(printer.connections()).toBe(0);
  });
});

const faults: [LoopbackMode, string, RegExp][] = [
  ['refuse', 'OFFLINE', /not reachable/],
  ['black-hole', 'NO_ANSWER', /did not answer/],
  ['reset', 'CONNECTION_LOST', /connection to the printer broke/],
  ['paper-end', 'PAPER_END', /out of paper/],
];

describe.each(faults)('when the printer is in %s mode', (mode, _code, message) => {
  it('keeps the payment, keeps the slip queued, and prints it exactly once on recovery', async () => {
    await printer.setMode(mode, { resetAfterBytes: 150 });
    const { paymentId, jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();

    expect(paymentExists(fixture, paymentId)).toBe(true);
    const failed = jobRow(fixture, jobId);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(failed?.lastError).toMatch(message);
    expect(failed?.nextAttemptAt).not.toBeNull();
    expect(wholeSlips()).toHaveLength(0);

    // Not due yet: the worker waits for the back-off instead of hammering the printer.
    await worker.drain();
    expect(jobRow(fixture, jobId)?.attempts).toBe(1);

    await printer.recover();
    fixture.advance(10_000);
    await Promise.all([worker.drain(), worker.drain(), worker.drain()]);
    await worker.drain();

    expect(jobRow(fixture, jobId)).toMatchObject({ status: 'PRINTED', attempts: 2 });
    const printed = slipsNumbered('R-CLO-01-000123');
    expect(printed).toHaveLength(1);
    const text = printed[0]?.text.join('\n') ?? '';
    expect(text).toMatch(/Balance remaining +US\$92\.00/);
    const drawer = printed[0]?.commands.filter((c) => c.name === 'drawer') ?? [];
    if (mode === 'reset') {
      // Part of the first attempt reached the paper: the reprint says so, and the drawer
      // (which may already have opened) stays shut.
      expect(text).toContain(RESENT_NOTICE);
      expect(drawer).toHaveLength(0);
    } else {
      expect(text).not.toContain(RESENT_NOTICE);
      expect(drawer).toHaveLength(1);
    }
  });
});

describe('the queue', () => {
  it('survives a restart of the till and prints what was waiting', async () => {
    await printer.setMode('refuse');
    const { paymentId, jobId } = takePayment(fixture, sample.accountPayment());
    await worker.drain();
    await worker.stop();
    fixture.reopen();

    expect(paymentExists(fixture, paymentId)).toBe(true);
    expect(jobRow(fixture, jobId)).toMatchObject({ status: 'FAILED' });

    await printer.recover();
    fixture.advance(10_000);
    worker = fixture.startWorker();
    await worker.drain();
    expect(jobRow(fixture, jobId)).toMatchObject({ status: 'PRINTED' });
    expect(slipsNumbered('R-CLO-01-000124')).toHaveLength(1);
  });

  it('prints in the order the money came in, and tries a dead printer once per round', async () => {
    await printer.setMode('refuse');
    takePayment(fixture, sample.laybyPayment({ receiptNumber: 'R-CLO-01-000201' }));
    takePayment(fixture, sample.laybyPayment({ receiptNumber: 'R-CLO-01-000202' }));
    takePayment(fixture, sample.laybyPayment({ receiptNumber: 'R-CLO-01-000203' }));
    await worker.drain();
    expect(printer.connections()).toBe(0);

    await printer.recover();
    fixture.advance(10_000);
    await worker.drain();
    const numbers = wholeSlips().map((s) => s.commands.find((c) => c.name === 'qr-store')?.payload);
    expect(numbers).toEqual(['R-CLO-01-000201', 'R-CLO-01-000202', 'R-CLO-01-000203']);
  });

  it('stops retrying by itself after a while, leaving the slip for the cashier', async () => {
    await printer.setMode('refuse');
    const { jobId } = takePayment(fixture, sample.sale());
    for (let i = 0; i < 20; i += 1) {
      await worker.drain();
      fixture.advance(60_000);
    }
    const job = jobRow(fixture, jobId);
    expect(job).toMatchObject({ status: 'FAILED', attempts: 12, nextAttemptAt: null });
  });
});
