import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { businesses, tills, universalCustomers, users } from '../../../db/central/schema';
import { uuidv7 } from '../../../shared/ids';
import type { TillPrincipal } from '../../auth/principal';
import { seedDemo } from '../../demo/seed';
import { hashToken, newToken } from '../../auth/tokens';

/** The demo group with a handful of customers and an enrolled till in a division. */
export async function seedSyncFixture(db: CentralDb, divisionCode = 'CLO') {
  await seedDemo(db, { customers: 5 });
  const [division] = await db.select().from(businesses).where(eq(businesses.code, divisionCode));
  if (!division) throw new Error(`no division ${divisionCode}`);
  const [cashier] = await db
    .select()
    .from(users)
    .where(eq(users.username, `${divisionCode.toLowerCase()}.cashier`));
  const customers = await db
    .select({ id: universalCustomers.id })
    .from(universalCustomers)
    .limit(5);
  return { division, cashier: cashier!, customerIds: customers.map((c) => c.id) };
}

export async function enrollTestTill(
  db: CentralDb,
  businessId: string,
  name = 'Test till',
): Promise<TillPrincipal & { token: string }> {
  const token = newToken('device');
  const tillId = uuidv7();
  await db
    .insert(tills)
    .values({ id: tillId, name, businessId, tokenHash: hashToken(token), protocolVersion: 1 });
  return { kind: 'till', tillId, businessId, name, token };
}
