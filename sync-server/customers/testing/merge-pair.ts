import { createCustomer, openAccount } from './builders';
import type { Harness } from './harness';
import { seedActivity, setMoney } from './rows';

/**
 * Two likely duplicates to merge: a survivor with a clothing account, and a merged customer
 * with clothing and hardware accounts and activity (laybys, payments, notes, orders…) on
 * its clothing account. Money is set so sums after a merge are easy to check.
 */
export async function seedMergePair(h: Harness, tag: string) {
  const survivor = await createCustomer(h, {
    firstName: 'Tendai',
    lastName: 'Moyo',
    city: 'Harare',
  });
  const merged = await createCustomer(h, {
    firstName: 'Tendayi',
    lastName: 'Moyo',
    city: 'Gweru',
    primaryEmail: `t.${tag.toLowerCase()}@example.com`,
  });
  const sClo = await openAccount(h, survivor.id, h.org.clothing.id);
  const mClo = await openAccount(h, merged.id, h.org.clothing.id);
  const mHwr = await openAccount(h, merged.id, h.org.hardware.id);
  const db = h.database.handle.db;
  await setMoney(db, sClo.id, {
    currentBalanceCents: 1_000,
    totalSpentCents: 5_000,
    loyaltyPoints: 50,
  });
  await setMoney(db, mClo.id, {
    currentBalanceCents: 250,
    totalSpentCents: 2_005,
    loyaltyPoints: 31,
  });
  const rows = await seedActivity(db, {
    customerId: merged.id,
    accountId: mClo.id,
    businessId: h.org.clothing.id,
    userId: h.org.staff.admin.id,
    tag,
  });
  return { survivor, merged, sClo, mClo, mHwr, rows };
}
