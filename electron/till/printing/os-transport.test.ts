import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendToPrinter } from './transport';

// A stand-in for CUPS' lp: records its arguments and the bytes it was given.
let dir: string;
let lp: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unitill-lp-'));
  lp = join(dir, 'lp');
  writeFileSync(
    lp,
    `#!/bin/sh\necho "$@" > "${dir}/args"\ncat > "${dir}/bytes"\n[ "$2" = "jammed" ] && { echo "lp: printer jammed is not accepting jobs" >&2; exit 1; }\nexit 0\n`,
  );
  chmodSync(lp, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const timeouts = { connectMs: 500, statusMs: 300, completionMs: 2000 };

describe('printing to a printer the OS knows', () => {
  it('hands the raw bytes to the named queue', async () => {
    const bytes = Buffer.from([0x1b, 0x40, 0x41, 0x0a]);
    const result = await sendToPrinter('printer:EPSON_TM_T20', bytes, {
      statusChecks: true,
      timeouts,
      lpCommand: lp,
    });
    expect(result).toEqual({ ok: true, paperLow: false });
    expect(readFileSync(join(dir, 'args'), 'utf8').trim()).toBe('-d EPSON_TM_T20 -o raw');
    expect(readFileSync(join(dir, 'bytes'))).toEqual(bytes);
  });

  it('reports a queue that refuses the slip', async () => {
    const result = await sendToPrinter('printer:jammed', Buffer.from('x'), {
      statusChecks: true,
      timeouts,
      lpCommand: lp,
    });
    expect(result).toMatchObject({ ok: false, fault: { code: 'OFFLINE' } });
    expect(result.ok ? '' : result.fault.message).toContain('not accepting jobs');
  });

  it('says so when the computer has no lp command', async () => {
    const result = await sendToPrinter('printer:any', Buffer.from('x'), {
      statusChecks: true,
      timeouts,
      lpCommand: join(dir, 'missing-lp'),
    });
    expect(result).toMatchObject({ ok: false, transmitted: false, fault: { code: 'OFFLINE' } });
  });
});
