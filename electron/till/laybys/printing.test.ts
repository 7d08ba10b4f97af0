import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRAWER_KICK } from '../printing/escpos-encoder';
import { readPrinterSettings, writePrinterSettings } from '../printing/settings-store';
import { isWholeSlip } from '../printing/testing/decode-escpos';
import { startLoopbackPrinter, type LoopbackPrinter } from '../printing/testing/loopback-printer';
import { FAST_TIMEOUTS } from '../printing/testing/print-fixture';
import { sendToPrinter } from '../printing/transport';
import { startPrintWorker, type PrintWorker } from '../printing/worker';
import { cancelLayby } from './cancel';
import { createLayby } from './create';
import { takePayment } from './pay';
import { releaseLayby } from './status';
import {
  DRESS_AND_FABRIC,
  openLaybyFixture,
  seedRate,
  type LaybyFixture,
} from './testing/layby-fixture';

// Every money event of a layby's life prints through the durable queue: the bytes that reach
// a (loopback) printer are decoded back to what the customer reads.

const NOW = new Date('2026-03-02T08:00:00Z');
let f: LaybyFixture;
let printer: LoopbackPrinter;
let worker: PrintWorker;

beforeEach(async () => {
  f = await openLaybyFixture();
  seedRate(f, NOW);
  printer = await startLoopbackPrinter();
  writePrinterSettings(
    f.handle.db,
    {
      type: 'epson',
      interface: printer.url,
      paperWidth: 48,
      characterSet: 'PC858_EURO',
      cashDrawer: true,
      statusChecks: true,
      fallbackInterface: null,
    },
    'Test Supervisor',
    NOW,
  );
  worker = startPrintWorker({
    db: f.handle.db,
    clock: () => NOW,
    settings: () => readPrinterSettings(f.handle.db),
    send: sendToPrinter,
    sendOptions: { timeouts: FAST_TIMEOUTS },
    log: () => undefined,
    pollMs: 3_600_000,
  });
});
afterEach(async () => {
  await worker.stop();
  await printer.close();
  f.close();
});

const open = () =>
  createLayby(
    f.handle.db,
    {
      customerId: f.customerId,
      depositCents: null,
      items: DRESS_AND_FABRIC,
      plan: { frequency: 'MONTHLY', instalments: 3, intervalDays: null },
      // ZiG 535.02 = US$20.00 at 26.7512
      deposit: {
        amountCents: 53_502,
        currency: 'ZWG',
        method: 'MOBILE_MONEY',
        reference: 'MP260302.0800.A1',
      },
      notes: null,
    },
    f.actor('CASHIER', NOW),
  );

const printed = async () => {
  await worker.drain();
  return printer.slips().filter(isWholeSlip);
};

describe('the slips of a layby', () => {
  it('agreement, ZiG deposit, instalment, final payment and collection slip, each printed once', async () => {
    const { layby } = open();
    const pay = (amountCents: number) =>
      takePayment(
        f.handle.db,
        {
          laybyId: layby.id,
          tender: { amountCents, currency: 'USD', method: 'CASH', reference: null },
          approval: null,
        },
        f.actor('CASHIER', NOW),
      );
    await pay(2733);
    await pay(5467);
    releaseLayby(
      f.handle.db,
      { laybyId: layby.id, collectedBy: 'Tatenda Ndlovu', collectorIdNumber: '63-222333B44' },
      f.actor('CASHIER', NOW),
    );
    const slips = await printed();
    const texts = slips.map((s) => s.text.join('\n'));
    expect(texts).toHaveLength(5);
    const [agreement, deposit, instalment, final, collection] = texts;

    expect(agreement).toContain('LAYBY AGREEMENT');
    expect(agreement).toMatch(/Layby no +LAY-CLO-000001/);
    expect(agreement).toMatch(/Layby total +US\$102\.00/);
    expect(agreement).toMatch(/02 Apr 2026 +US\$27\.33/);
    expect(agreement).toMatch(/02 Jun 2026 +US\$27\.34/);
    expect(agreement).toContain('Cancelled by the customer');

    expect(deposit).toContain('LAYBY DEPOSIT RECEIPT');
    expect(deposit).toMatch(/Mobile money +ZiG 535\.02/);
    expect(deposit).toMatch(/Rate +1 USD = 26\.7512 ZWG/);
    expect(deposit).toMatch(/Amount paid +US\$20\.00/);
    expect(deposit).toMatch(/Balance remaining +US\$82\.00/);
    expect(deposit).toMatch(/Next payment due +02 Apr 2026/);

    expect(instalment).toMatch(/Balance remaining +US\$54\.67/);
    expect(final).toContain('LAYBY FINAL PAYMENT RECEIPT');
    expect(final).toMatch(/Balance remaining +US\$0\.00/);
    expect(collection).toContain('LAYBY COLLECTION SLIP');
    expect(collection).toMatch(/Collected by +Tatenda Ndlovu/);

    // The drawer opens for the cash payments only, with the full 5-byte command.
    const kicks = slips.map((s) =>
      s.commands.filter((c) => c.name === 'drawer').map((c) => c.bytes),
    );
    expect(kicks).toEqual([[], [], [[...DRAWER_KICK]], [[...DRAWER_KICK]], []]);
  });

  it('prints the cancellation with the fee and refund the supervisor was shown', async () => {
    const { layby } = open();
    cancelLayby(
      f.handle.db,
      {
        laybyId: layby.id,
        initiator: 'CUSTOMER',
        reason: 'Moving to Bulawayo',
        refundMethod: 'CASH',
        refundReference: null,
      },
      f.actor('SUPERVISOR', NOW),
    );
    const cancellation = (await printed())
      .map((s) => s.text.join('\n'))
      .find((t) => t.includes('LAYBY CANCELLATION'));
    expect(cancellation).toMatch(/Paid to date +US\$20\.00/);
    expect(cancellation).toMatch(/Cancellation fee +US\$12\.00/);
    expect(cancellation).toMatch(/Refund due +US\$8\.00/);
    expect(cancellation).toContain('Reason: Moving to Bulawayo');
  });
});
