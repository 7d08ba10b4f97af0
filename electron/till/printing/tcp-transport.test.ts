import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderSlip } from '../../../shared/domain/receipts/slip';
import * as sample from '../../../shared/domain/receipts/testing/samples';
import { encodeSlip } from './escpos-encoder';
import { sendToPrinter } from './transport';
import { isWholeSlip } from './testing/decode-escpos';
import { startLoopbackPrinter, type LoopbackPrinter } from './testing/loopback-printer';

const timeouts = { connectMs: 500, statusMs: 300, completionMs: 800 };
const bytes = encodeSlip(renderSlip(sample.laybyPayment(), { width: 48, charset: 'PC858_EURO' }), {
  type: 'epson',
  charset: 'PC858_EURO',
});

let printer: LoopbackPrinter;
beforeEach(async () => {
  printer = await startLoopbackPrinter();
});
afterEach(async () => {
  await printer.close();
});

const send = (statusChecks = true) => sendToPrinter(printer.url, bytes, { statusChecks, timeouts });

describe('sending a slip over TCP', () => {
  it('prints, asking the printer before (DLE EOT 2, 4) and after (GS r 1, DLE EOT 2)', async () => {
    expect(await send()).toEqual({ ok: true, paperLow: false });
    const slips = printer.slips();
    expect(slips).toHaveLength(1);
    expect(slips[0]?.text.join('\n')).toMatch(/Balance remaining +US\$92\.00/);
    expect(printer.statusRequests()).toEqual({ realtime: 3, paper: 1 });
  });

  it('reports a refused connection as offline, with nothing sent', async () => {
    await printer.setMode('refuse');
    const result = await send();
    expect(result).toMatchObject({ ok: false, transmitted: false, fault: { code: 'OFFLINE' } });
    expect(printer.printed()).toHaveLength(0);
  });

  it('does not send to a printer that accepts but never reads or answers', async () => {
    await printer.setMode('black-hole');
    const result = await send();
    expect(result).toMatchObject({ ok: false, transmitted: false, fault: { code: 'NO_ANSWER' } });
  });

  it('shows why status checks matter: without them a black hole looks like success', async () => {
    await printer.setMode('black-hole');
    expect(await send(false)).toEqual({ ok: true, paperLow: false });
    expect(printer.printed()).toHaveLength(0);
  });

  it('reports a connection reset mid-job as a fault that may have printed part of the slip', async () => {
    await printer.setMode('reset', { resetAfterBytes: 200 });
    const result = await send();
    expect(result).toMatchObject({
      ok: false,
      transmitted: true,
      fault: { code: 'CONNECTION_LOST' },
    });
    const slips = printer.slips();
    expect(slips.every((s) => !isWholeSlip(s))).toBe(true);
  });

  it('does not send a slip to a printer that says paper end, so it cannot print it later', async () => {
    await printer.setMode('paper-end');
    const result = await send();
    expect(result).toMatchObject({ ok: false, transmitted: false, fault: { code: 'PAPER_END' } });
    await printer.recover();
    expect(printer.slips()).toHaveLength(0);
  });

  it('shows the danger it avoids: a blind send to a paper-end printer prints on recovery', async () => {
    await printer.setMode('paper-end');
    await send(false);
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the bytes arrive
    expect(printer.slips()).toHaveLength(0);
    await printer.recover();
    expect(printer.slips()).toHaveLength(1);
  });
});
