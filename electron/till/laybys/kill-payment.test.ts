import { spawn } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTillDb } from '../../../db/till/connect';
import {
  auditLog,
  customerLaybyPayments,
  customerLaybys,
  outbox,
  printQueue,
} from '../../../db/till/schema';
import { createLayby } from './create';
import { DRESS_AND_FABRIC, openLaybyFixture, type LaybyFixture } from './testing/layby-fixture';

// A power cut in the middle of a payment: the till process is SIGKILLed at random moments
// while it takes payment after payment. Each payment is all or nothing — the payment row,
// the layby's new sums, the audit entry, the outbox mutation, the receipt's print job and
// the receipt number move together or not at all.

let f: LaybyFixture;
let laybyId: string;
beforeAll(async () => {
  f = await openLaybyFixture();
  laybyId = createLayby(
    f.handle.db,
    {
      customerId: f.customerId,
      depositCents: null,
      items: DRESS_AND_FABRIC,
      plan: { frequency: 'MONTHLY', instalments: 3, intervalDays: null },
      deposit: { amountCents: 2000, currency: 'USD', method: 'CASH', reference: null },
      notes: null,
    },
    f.actor(),
  ).layby.id;
  f.handle.close();
});
afterAll(() => f.close());

function payUntilKilled(afterReadyMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/till/laybys/testing/payment-process.ts',
      f.path,
      laybyId,
      JSON.stringify(f.staff.SUPERVISOR),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    child.stdout.once('data', () => {
      timer = setTimeout(() => child.kill('SIGKILL'), afterReadyMs);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`payment process ended by itself (${code})`));
    });
  });
}

describe('a till killed in the middle of a layby payment', () => {
  it('keeps each payment whole or not at all, across five kills', async () => {
    for (const ms of [150, 420, 90, 610, 300])
      await payUntilKilled(ms + Math.floor(Math.random() * 200));

    const handle = openTillDb(f.path);
    const { db } = handle;
    try {
      const payments = db
        .select()
        .from(customerLaybyPayments)
        .where(eq(customerLaybyPayments.laybyId, laybyId))
        .all();
      const cents = payments.reduce((sum, p) => sum + p.amountCents, 0);
      const layby = db.select().from(customerLaybys).where(eq(customerLaybys.id, laybyId)).get();
      const n = (
        table: typeof outbox | typeof printQueue | typeof auditLog,
        where?: ReturnType<typeof eq>,
      ) => db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;

      // Enough payments were taken for the kills to have landed mid-flight.
      expect(payments.length).toBeGreaterThan(20);
      expect(layby?.totalPaidCents).toBe(cents);
      expect(layby?.balanceRemainingCents).toBe(10_000 + 200 - cents);
      expect(n(outbox, eq(outbox.name, 'layby.pay'))).toBe(payments.length);
      expect(n(printQueue, eq(printQueue.kind, 'LAYBY_PAYMENT'))).toBe(payments.length);
      expect(n(auditLog, eq(auditLog.action, 'layby.pay'))).toBe(payments.length);
      // Receipt numbers: one per payment, none skipped, none reused.
      const numbers = payments.map((p) => Number(p.receiptNumber.slice(-8))).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      // The outbox sequence is still gap-free.
      const seqs = db
        .select({ seq: outbox.seq })
        .from(outbox)
        .orderBy(outbox.seq)
        .all()
        .map((r) => r.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      handle.close();
    }
  }, 60_000);
});
