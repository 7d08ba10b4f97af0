import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictLog, universalCustomers as centralCustomers } from '../../../db/central/schema';
import { universalCustomers } from '../../../db/till/schema';
import { inTill, startSyncHarness, type SyncHarness, type Till } from './testing/sync-harness';

// Two tills edit the same customer field offline while their clocks are hours or a day out.
// The later edit in real time must win everywhere, whatever the clocks said and whichever
// push arrived first; the other value goes to head office's conflict log. Raw wall clocks
// would pick the wrong winner in each case below (the earlier edit has the later clock).

const HOUR = 3_600_000;
let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

const skewed = (ms: number) => () => new Date(Date.now() + ms);

async function signedIn(name: string, skewMs: number): Promise<Till> {
  const till = await h.enrolledTill('CLO', name, { clock: skewed(skewMs) });
  const session = await till.core.call('session:signIn', { username: 'clo.cashier', pin: '1111' });
  expect(session.ok).toBe(true);
  return till;
}

async function setEmail(till: Till, customerId: string, email: string): Promise<void> {
  const result = await till.core.call('customers:update', { id: customerId, primaryEmail: email });
  expect(result).toMatchObject({ ok: true });
}

const emailOnTill = (till: Till, id: string) =>
  inTill(till, (db) =>
    db
      .select({ email: universalCustomers.primaryEmail })
      .from(universalCustomers)
      .where(eq(universalCustomers.id, id))
      .get(),
  )?.email;

describe.each([
  { earlySkewH: +24, lateSkewH: -3 },
  { earlySkewH: +3, lateSkewH: -24 },
])('edits on tills skewed $earlySkewH h and $lateSkewH h', ({ earlySkewH, lateSkewH }) => {
  it('converge on the later edit in real time; the earlier one is logged as the loser', async () => {
    const customerId = h.fixture.customerIds[earlySkewH === 24 ? 1 : 2]!;
    const early = await signedIn(`early ${earlySkewH}`, earlySkewH * HOUR);
    const late = await signedIn(`late ${lateSkewH}`, lateSkewH * HOUR);

    // Offline from here: neither till syncs until both have edited.
    await setEmail(early, customerId, `early${earlySkewH}@example.com`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await setEmail(late, customerId, `late${lateSkewH}@example.com`);

    // The later edit reaches head office first.
    await late.core.call('sync:now', {});
    await early.core.call('sync:now', {});
    await late.core.call('sync:now', {});

    const winner = `late${lateSkewH}@example.com`;
    const [central] = await h.database.handle.db
      .select({ email: centralCustomers.primaryEmail })
      .from(centralCustomers)
      .where(eq(centralCustomers.id, customerId));
    expect(central?.email).toBe(winner);
    expect(emailOnTill(early, customerId)).toBe(winner);
    expect(emailOnTill(late, customerId)).toBe(winner);
    const conflicts = await h.database.handle.db
      .select()
      .from(conflictLog)
      .where(and(eq(conflictLog.entityId, customerId), eq(conflictLog.field, 'primaryEmail')));
    expect(conflicts).toMatchObject([
      { winningValue: winner, losingValue: `early${earlySkewH}@example.com` },
    ]);
  });
});
