import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tillApi } from '../../../shared/contract/till-api';
import { AppError } from '../../../shared/contract/result';
import { can } from '../../../shared/domain/staff/permissions';
import * as sample from '../../../shared/domain/receipts/testing/samples';
import { printingHandlers, type PrintingHandlers } from './handlers';
import { isWholeSlip } from './testing/decode-escpos';
import { enrollForTests, supervisor } from './testing/enrolled-till';
import { startLoopbackPrinter, type LoopbackPrinter } from './testing/loopback-printer';
import { createPrintFixture, takePayment, type PrintFixture } from './testing/print-fixture';
import type { PrintWorker } from './worker';

let fixture: PrintFixture;
let printer: LoopbackPrinter;
let spare: LoopbackPrinter;
let worker: PrintWorker;
let handlers: PrintingHandlers;

const ctx = () => ({ session: supervisor, now: fixture.now.value });
const settings = () => ({
  type: 'epson' as const,
  interface: printer.url,
  paperWidth: 32 as const,
  characterSet: 'PC858_EURO' as const,
  cashDrawer: true,
  statusChecks: true,
  fallbackInterface: spare.url,
});

beforeEach(async () => {
  fixture = createPrintFixture();
  enrollForTests(fixture.handle.db);
  printer = await startLoopbackPrinter();
  spare = await startLoopbackPrinter();
  worker = fixture.startWorker();
  handlers = printingHandlers(fixture.handle.db, worker);
});
afterEach(async () => {
  await worker.stop();
  await printer.close();
  await spare.close();
  fixture.cleanup();
});

async function expectAppError(work: () => unknown, code: string): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error('expected an AppError');
}

describe('printer settings', () => {
  it('are a supervisor matter', () => {
    expect(tillApi['printing:setSettings'].permission).toBe('printer.configure');
    expect(tillApi['printing:testPrint'].permission).toBe('printer.configure');
    expect(can('CASHIER', 'printer.configure')).toBe(false);
    expect(can('SUPERVISOR', 'printer.configure')).toBe(true);
  });

  it('start unconfigured with defaults, and keep what a supervisor saves', () => {
    expect(handlers['printing:getSettings']({}, ctx())).toMatchObject({ configured: false });
    const saved = handlers['printing:setSettings'](settings(), ctx());
    expect(saved).toMatchObject({
      configured: true,
      settings: settings(),
      updatedBy: 'Farai Moyo',
    });
  });

  it('refuse a code page the printer type cannot select, naming the field', async () => {
    const error = await expectAppError(
      () =>
        handlers['printing:setSettings'](
          { ...settings(), type: 'star', characterSet: 'PC850_MULTILINGUAL' },
          ctx(),
        ),
      'INVALID_INPUT',
    );
    expect(error.field).toBe('characterSet');
  });

  it('reject an address that is neither tcp:// nor printer:', () => {
    const parsed = tillApi['printing:setSettings'].input.safeParse({
      ...settings(),
      interface: 'http://x',
    });
    expect(parsed.success).toBe(false);
  });
});

describe('test print', () => {
  it('prints the settings and a ruler as wide as the paper', async () => {
    await handlers['printing:setSettings'](settings(), ctx());
    const job = await handlers['printing:testPrint']({ openDrawer: false }, ctx());
    expect(job).toMatchObject({ status: 'PRINTED', title: 'Printer test' });
    const [slip] = printer.slips();
    const text = slip?.text ?? [];
    expect(text.some((l) => l.trim() === 'PRINTER TEST')).toBe(true);
    expect(text).toContain('12345678901234567890123456789012');
    expect(text.join('\n')).toContain('Unitill Clothing');
    expect(slip?.commands.some((c) => c.name === 'drawer')).toBe(false);
  });

  it('kicks the drawer when asked to, so a supervisor can check the drawer cable', async () => {
    await handlers['printing:setSettings'](settings(), ctx());
    await handlers['printing:testPrint']({ openDrawer: true }, ctx());
    const kicks = printer.slips()[0]?.commands.filter((c) => c.name === 'drawer') ?? [];
    expect(kicks.map((c) => c.bytes)).toEqual([[0x1b, 0x70, 0x00, 0x19, 0xfa]]);
  });

  it('needs saved settings', async () => {
    await expectAppError(
      () => handlers['printing:testPrint']({ openDrawer: false }, ctx()),
      'CONFLICT',
    );
  });
});

describe('reprint, retry, dismiss, preview', () => {
  beforeEach(async () => {
    await handlers['printing:setSettings'](settings(), ctx());
  });

  it('reprints from history as a new slip marked REPRINT with its time, never opening the drawer', async () => {
    const { jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();
    fixture.advance(90 * 60_000);
    const copy = await handlers['printing:reprint']({ jobId, printer: 'main' }, ctx());
    expect(copy).toMatchObject({ status: 'PRINTED', copyLabel: 'REPRINT', copyOf: jobId });
    expect(copy.id).not.toBe(jobId);

    const slips = printer.slips().filter(isWholeSlip);
    expect(slips).toHaveLength(2);
    const [original, reprint] = slips;
    expect(original?.text.join('\n')).not.toContain('REPRINT');
    expect(original?.commands.filter((c) => c.name === 'drawer')).toHaveLength(1);
    const text = reprint?.text.join('\n') ?? '';
    expect(text).toContain('*** REPRINT ***');
    expect(text).toContain('Reprinted 12 Mar 2025 15:35');
    expect(text).toContain('by Farai Moyo');
    expect(text).toMatch(/Date +12 Mar 2025 14:05/);
    expect(text).toMatch(/Balance remaining +US\$92\.00/);
    expect(reprint?.commands.filter((c) => c.name === 'drawer')).toHaveLength(0);

    const preview = await handlers['printing:preview']({ jobId: copy.id }, ctx());
    expect(preview.width).toBe(32);
    expect(preview.lines).toContainEqual({
      kind: 'text',
      text: '        *** REPRINT ***',
      bold: true,
      tall: true,
    });
  });

  it('finds a customer’s and a layby’s slips for reprinting', async () => {
    takePayment(fixture, sample.laybyPayment());
    takePayment(fixture, sample.accountPayment());
    await worker.drain();
    const byLayby = await handlers['printing:queue'](
      { view: 'recent', reference: 'LAY-CLO-000012', limit: 50 },
      ctx(),
    );
    expect(byLayby.jobs.map((j) => j.receiptNumber)).toEqual(['R-CLO-01-000123']);
    const byCustomer = await handlers['printing:queue'](
      { view: 'recent', customerNumber: 'CLO-CUST-000045', limit: 50 },
      ctx(),
    );
    expect(byCustomer.jobs).toHaveLength(2);
  });

  it('sends a waiting slip to the second printer when the first is down', async () => {
    await printer.setMode('refuse');
    const { jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();
    expect(handlers['printing:summary']({}, ctx())).toMatchObject({ waiting: 1, failed: 1 });
    const job = await handlers['printing:retry']({ jobId, printer: 'fallback' }, ctx());
    expect(job).toMatchObject({ status: 'PRINTED', printer: 'fallback' });
    expect(spare.slips().filter(isWholeSlip)).toHaveLength(1);
    expect(printer.slips()).toHaveLength(0);
    expect(handlers['printing:summary']({}, ctx())).toMatchObject({ waiting: 0, lastError: null });
  });

  it('refuses to retry a printed slip (that is what Reprint is for)', async () => {
    const { jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();
    await expectAppError(
      () => handlers['printing:retry']({ jobId, printer: 'main' }, ctx()),
      'CONFLICT',
    );
    expect(printer.slips()).toHaveLength(1);
  });

  it('dismisses a waiting slip with a reason and who did it; it never prints later', async () => {
    await printer.setMode('refuse');
    const { jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();
    const job = handlers['printing:dismiss'](
      { jobId, reason: 'Customer took a photo of the screen' },
      ctx(),
    );
    expect(job).toMatchObject({
      status: 'DISMISSED',
      dismissedReason: 'Customer took a photo of the screen',
      dismissedBy: 'Farai Moyo',
    });
    await printer.recover();
    fixture.advance(60_000);
    await worker.drain();
    expect(printer.slips()).toHaveLength(0);
    await expectAppError(
      () => handlers['printing:dismiss']({ jobId, reason: 'again' }, ctx()),
      'CONFLICT',
    );
  });

  it('previews a slip at either width, exactly as it prints', async () => {
    const { jobId } = takePayment(fixture, sample.laybyPayment());
    await worker.drain();
    const narrow = await handlers['printing:preview']({ jobId }, ctx());
    const wide = await handlers['printing:preview']({ jobId, width: 48 }, ctx());
    expect(wide.width).toBe(48);
    expect(wide.lines).toContainEqual({
      kind: 'text',
      text: 'Balance remaining                       US$92.00',
      bold: true,
      tall: false,
    });
    const printedText = printer.slips()[0]?.text.filter((l) => l !== '');
    const previewText = narrow.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    expect(printedText).toEqual(previewText.filter((l) => l !== ''));
  });
});
