import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerLaybys, flaggedEvents } from '../../../db/central/schema';
import { disagreements } from './testing/agreement';
import { startSyncHarness, type SyncHarness } from './testing/sync-harness';
import {
  createCustomer,
  openLayby,
  signIn,
  SUPERVISOR,
  syncUntilDrained,
} from './testing/till-ops';

// Found by faults-randomized.test.ts (FAULTS_SEED=1 fails in run 3): two tills of a division, both
// offline, each open a customer's FIRST layby there, so each also opens the customer's
// division account (laybys:create opens one when the till has none). Head office keeps the
// account that arrives first and redirects the other (DUPLICATE_ACCOUNT, by design), then
// re-stamps the kept account so the second till pulls it. That till still holds its own
// account row for the same customer and division, so the pulled row breaks its UNIQUE
// (universal_customer_id, business_id) and the whole pull page rolls back, on every round
// from then on: the till can still push, but it never receives another change.

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

describe("two tills open a customer's first layby of the division offline", () => {
  it('both keep syncing, and agree with head office on the one account both laybys are on', async () => {
    const a = await h.enrolledTill('CLO', 'First layby A');
    const b = await h.enrolledTill('CLO', 'First layby B');
    await signIn(a.core, SUPERVISOR);
    await signIn(b.core, SUPERVISOR);
    const customer = await createCustomer(a.core, {
      firstName: 'Tendai',
      lastName: 'Two-Accounts',
      primaryPhone: '0772 999 001',
    });
    await syncUntilDrained(a.core);
    await syncUntilDrained(b.core); // B knows the customer, who has no clothing account yet

    // Offline (neither syncs): each opens a layby, and with it an account.
    const onA = await openLayby(a.core, { customerId: customer.id, depositCents: 2_000 });
    const onB = await openLayby(b.core, { customerId: customer.id, depositCents: 2_000 });
    expect(onA.layby.divisionAccountId).not.toBe(onB.layby.divisionAccountId);

    for (let i = 0; i < 2; i += 1) {
      await syncUntilDrained(a.core, { maxFailedRounds: 5 });
      await syncUntilDrained(b.core, { maxFailedRounds: 5 });
    }

    const db = h.database.handle.db;
    const laybys = await db
      .select()
      .from(customerLaybys)
      .where(eq(customerLaybys.universalCustomerId, customer.id));
    expect(laybys).toHaveLength(2);
    expect(new Set(laybys.map((l) => l.divisionAccountId))).toEqual(
      new Set([onA.layby.divisionAccountId]),
    );
    const flags = await db
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.kind, 'DUPLICATE_ACCOUNT'));
    expect(flags.map((f) => f.entityId)).toEqual([onA.layby.divisionAccountId]);
    const division = { businessId: h.fixture.division.id };
    for (const till of [a, b]) {
      for (const entity of ['customer_division_accounts', 'customer_laybys'] as const)
        expect(await disagreements(db, till, entity, division)).toEqual([]);
    }
  });
});
