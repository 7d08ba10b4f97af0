import type { CentralDb } from '../../db/central/connect';
import { businesses, users } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { hashPin } from '../../shared/node/pin-hash';
import type { StaffRole } from '../../shared/domain/enums';

export type FixtureStaff = { id: string; username: string; pin: string; role: StaffRole };

/** The smallest organisation a test needs: an umbrella, two divisions and a few staff. */
export async function seedOrgFixture(db: CentralDb) {
  const umbrellaId = uuidv7();
  const clothing = { id: uuidv7(), code: 'CLO', name: 'Test Clothing' };
  const hardware = { id: uuidv7(), code: 'HWR', name: 'Test Hardware' };
  await db.insert(businesses).values([
    { id: umbrellaId, kind: 'UMBRELLA', code: 'GRP', name: 'Test Group' },
    { ...clothing, kind: 'DIVISION', parentId: umbrellaId },
    { ...hardware, kind: 'DIVISION', parentId: umbrellaId },
  ]);
  const staff = {
    admin: {
      id: uuidv7(),
      username: 'admin',
      pin: '9999',
      role: 'HEAD_OFFICE_ADMIN',
      businessId: null,
    },
    cashier: {
      id: uuidv7(),
      username: 'clo.cashier',
      pin: '1111',
      role: 'CASHIER',
      businessId: clothing.id,
    },
    supervisor: {
      id: uuidv7(),
      username: 'clo.supervisor',
      pin: '2222',
      role: 'SUPERVISOR',
      businessId: clothing.id,
    },
    hardwareCashier: {
      id: uuidv7(),
      username: 'hwr.cashier',
      pin: '1111',
      role: 'CASHIER',
      businessId: hardware.id,
    },
  } as const;
  for (const member of Object.values(staff)) {
    await db.insert(users).values({
      id: member.id,
      username: member.username,
      fullName: member.username,
      role: member.role,
      businessId: member.businessId,
      pinHash: await hashPin(member.pin),
    });
  }
  return { umbrellaId, clothing, hardware, staff };
}
