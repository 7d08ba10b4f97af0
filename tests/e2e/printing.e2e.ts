import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isWholeSlip } from '../../electron/till/printing/testing/decode-escpos';
import {
  startLoopbackPrinter,
  type LoopbackPrinter,
} from '../../electron/till/printing/testing/loopback-printer';
import { HomePage } from './pages/home-page';
import { PrintQueuePage } from './pages/print-queue-page';
import { PrinterSettingsPage } from './pages/printer-settings-page';
import { PrinterStatusBar } from './pages/printer-status-bar';
import { ReceiptPreviewPage } from './pages/receipt-preview-page';
import { SignInPage } from './pages/sign-in-page';
import { launchChromium } from './support/browser';
import { startStack, type Stack } from './support/stack';

// The till's printing as a supervisor meets it: point the till at a printer (a loopback
// port-9100 printer standing in for the real one), test print, reprint from the queue and
// see the reprint's preview marked REPRINT; then unplug the printer and watch the slip wait.

let stack: Stack;
let browser: Browser;
let page: Page;
let printer: LoopbackPrinter;
let spare: LoopbackPrinter;

beforeAll(async () => {
  stack = await startStack();
  printer = await startLoopbackPrinter();
  spare = await startLoopbackPrinter();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await printer?.close();
  await spare?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(stack.tillUrl);
  // The till core keeps its session across page loads: sign in only if it asks.
  const signInScreen = page.getByTestId('screen-signin');
  await signInScreen.or(page.getByTestId('screen-home')).waitFor();
  if (await signInScreen.isVisible()) {
    await new SignInPage(page).signInWithKeyboard('clo.supervisor', '2222');
  }
  await new HomePage(page).waitUntilShown();
});

const printedText = (p: LoopbackPrinter) =>
  p
    .slips()
    .filter(isWholeSlip)
    .map((slip) => slip.text.join('\n'));

describe('printing receipts', () => {
  it('sets up the printer, test prints, reprints from the queue and previews the REPRINT', async () => {
    const status = new PrinterStatusBar(page);
    await status.waitForText('Printer not set up');
    await page.screenshot({ path: 'test-results/printing-home-tile.png' });
    await page.getByTestId('tile-printer-queue').click();
    const queue = new PrintQueuePage(page);
    await queue.waitUntilShown();

    await queue.openSettings();
    const settings = new PrinterSettingsPage(page);
    await settings.waitUntilShown();
    await settings.setAddress(printer.url);
    await settings.choosePaperWidth(48);
    await settings.save();
    await settings.testPrint();
    await settings.waitForNotice('The test slip printed.');
    await page.screenshot({ path: 'test-results/printing-settings.png' });
    expect(printedText(printer)).toHaveLength(1);
    expect(printedText(printer)[0]).toContain('PRINTER TEST');

    await settings.backToQueue();
    await queue.waitUntilShown();
    await queue.showTab('recent');
    const testSlip = queue.job('Printer test');
    await testSlip.waitFor();
    await queue.act(testSlip, 'reprint');
    await queue.waitForNotice('Reprint printed, marked REPRINT.');

    const reprint = queue.jobs().filter({ hasText: 'REPRINT' }).first();
    await reprint.waitFor();
    await page.screenshot({ path: 'test-results/printing-queue-recent.png' });
    await queue.act(reprint, 'preview');
    const preview = new ReceiptPreviewPage(page);
    await preview.waitUntilShown();
    const lines = await preview.lines();
    expect(await preview.columns()).toBe(48);
    expect(lines.map((l) => l.trim())).toContain('*** REPRINT ***');
    expect(lines.some((l) => /^ *Reprinted \d\d \w{3} \d{4} \d\d:\d\d$/.test(l))).toBe(true);
    expect(lines.some((l) => /^ *by \S/.test(l))).toBe(true);
    expect(lines.map((l) => l.trim())).toContain('REPRINT - NOT THE ORIGINAL');
    expect(lines.every((l) => l.length <= 48)).toBe(true);
    await page.screenshot({ path: 'test-results/printing-preview-reprint.png' });
    await page.getByTestId('slip-cut').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/printing-preview-reprint-end.png' });
    await preview.showWidth(32);
    expect((await preview.lines()).every((l) => l.length <= 32)).toBe(true);
    await page.screenshot({ path: 'test-results/printing-preview-reprint-58mm.png' });
    await preview.close();

    // On paper: the original and then the reprint, marked.
    const paper = printedText(printer);
    expect(paper).toHaveLength(2);
    expect(paper[0]).not.toContain('REPRINT');
    expect(paper[1]).toContain('*** REPRINT ***');
  });

  it('keeps a slip waiting while the printer is unplugged and sends it to the second printer', async () => {
    const status = new PrinterStatusBar(page);
    await status.waitForText('Printer ready');
    await status.open();
    const queue = new PrintQueuePage(page);
    await queue.waitUntilShown();
    await queue.openSettings();
    const settings = new PrinterSettingsPage(page);
    await settings.waitUntilShown();
    await settings.setSecondPrinter(spare.url);
    await settings.save();

    await printer.setMode('refuse');
    const before = printedText(printer).length;
    await settings.testPrint();
    expect(await settings.waitForNotice('waiting in the queue')).toContain('not reachable');
    await status.waitForText('1 slip waiting to print');

    await status.open();
    await queue.waitUntilShown();
    const waiting = queue.job('Printer test');
    await waiting.waitFor();
    expect(await waiting.getByTestId('job-status').innerText()).toContain('Printer fault');
    expect(await waiting.getByTestId('job-error').innerText()).toContain('not reachable');
    await page.screenshot({ path: 'test-results/printing-queue-fault.png' });

    await queue.act(waiting, 'fallback');
    await queue.waitForNotice('Printed.');
    await status.waitForText('Printer ready');
    expect(printedText(spare)).toHaveLength(1);
    expect(printedText(printer)).toHaveLength(before);
    await printer.recover();
  });
});
