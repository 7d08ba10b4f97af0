import { eq } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import { universalCustomers } from '../../../db/central/schema';
import { startHarness, type Harness } from './harness';
import { enrolTill } from './push';

export type ApplierSuite = { h: Harness; tillA: string; tillB: string };

/**
 * The setup every applier test file shares: a fresh central database with the test
 * organisation and two clothing tills, and small helpers to apply and read back.
 */
export function useApplierSuite() {
  const suite = {} as ApplierSuite;
  beforeAll(async () => {
    suite.h = await startHarness();
    suite.tillA = await enrolTill(suite.h.database.handle.db, suite.h.org.clothing.id);
    suite.tillB = await enrolTill(suite.h.database.handle.db, suite.h.org.clothing.id);
  });
  afterAll(async () => {
    await suite.h.close();
  });
  return {
    suite,
    at: (recordedAt: string, tillId: string) => ({
      tillId,
      businessId: suite.h.org.clothing.id,
      recordedAt,
    }),
    cashier: () => suite.h.org.staff.cashier.id,
    row: async (id: string) =>
      (
        await suite.h.database.handle.db
          .select()
          .from(universalCustomers)
          .where(eq(universalCustomers.id, id))
      )[0],
  };
}
