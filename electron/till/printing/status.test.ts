import { describe, expect, it } from 'vitest';
import { readOfflineCause, readPaperSensor, readPaperStatus } from './status';

describe('reading status answers', () => {
  it.each([
    ['DLE EOT 2, all fine', readOfflineCause, 0x12, null, false],
    ['DLE EOT 2, cover open', readOfflineCause, 0x16, 'COVER_OPEN', false],
    ['DLE EOT 2, stopped by paper end', readOfflineCause, 0x32, 'PAPER_END', false],
    ['DLE EOT 2, error', readOfflineCause, 0x52, 'PRINTER_ERROR', false],
    ['DLE EOT 4, all fine', readPaperSensor, 0x12, null, false],
    ['DLE EOT 4, paper near end', readPaperSensor, 0x1e, null, true],
    ['DLE EOT 4, paper end', readPaperSensor, 0x72, 'PAPER_END', false],
    ['DLE EOT, not a status byte', readPaperSensor, 0x00, 'BAD_STATUS', false],
    ['GS r 1, paper present', readPaperStatus, 0x00, null, false],
    ['GS r 1, near end', readPaperStatus, 0x03, null, true],
    ['GS r 1, paper end', readPaperStatus, 0x0f, 'PAPER_END', false],
    ['GS r 1, not a status byte', readPaperStatus, 0x12, 'BAD_STATUS', false],
  ] as const)('%s', (_case, read, byte, code, paperLow) => {
    const reading = read(byte);
    expect(reading.fault?.code ?? null).toBe(code);
    expect(reading.paperLow).toBe(paperLow);
  });
});
