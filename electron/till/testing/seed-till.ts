import type { TillDb } from '../../../db/till/connect';
import { businesses, tillIdentity, users } from '../../../db/till/schema';
import type { StaffMember } from '../../../shared/contract/common';
import {
  DIVISION_CODES,
  STAFF_ROLES,
  type DivisionCode,
  type StaffRole,
} from '../../../shared/domain/enums';
import { uuidv7 } from '../../../shared/ids';
import { hashPin } from '../../../shared/node/pin-hash';

// Tests only: an enrolled till with the group's businesses and one member of staff per role,
// written straight into its database (what enrollment and the first sync would leave).

export const ROLE_USERNAMES: Record<StaffRole, string> = {
  CASHIER: 'cashier',
  SUPERVISOR: 'supervisor',
  DIVISION_MANAGER: 'manager',
  CREDIT_CONTROLLER: 'credit',
  HEAD_OFFICE_ADMIN: 'admin',
};
// The demo PINs (README): cashier 1111, supervisor 2222, and so on.
export const ROLE_PINS: Record<StaffRole, string> = {
  CASHIER: '1111',
  SUPERVISOR: '2222',
  DIVISION_MANAGER: '3333',
  CREDIT_CONTROLLER: '4444',
  HEAD_OFFICE_ADMIN: '9999',
};

export type SeededTill = {
  tillId: string;
  businessId: string;
  businessIds: Record<DivisionCode, string>;
  staff: Record<StaffRole, StaffMember>;
};

export async function seedTill(
  db: TillDb,
  division: DivisionCode = 'CLO',
  options: { pins?: boolean } = {},
): Promise<SeededTill> {
  const umbrellaId = uuidv7();
  db.insert(businesses)
    .values({ id: umbrellaId, kind: 'UMBRELLA', code: 'GROUP', name: 'Unitill Group' })
    .run();
  const businessIds = Object.fromEntries(DIVISION_CODES.map((code) => [code, uuidv7()])) as Record<
    DivisionCode,
    string
  >;
  for (const code of DIVISION_CODES) {
    db.insert(businesses)
      .values({
        id: businessIds[code],
        kind: 'DIVISION',
        code,
        name: `${code} division`,
        parentId: umbrellaId,
      })
      .run();
  }
  const businessId = businessIds[division];
  const tillId = uuidv7();
  db.insert(tillIdentity)
    .values({
      id: 1,
      tillId,
      tillName: 'Test till',
      businessId,
      serverUrl: 'http://127.0.0.1:9',
      deviceToken: 'test',
      enrolledAt: new Date().toISOString(),
    })
    .run();
  // Hashing is deliberately slow (scrypt), so tests that never sign in skip it.
  const staff = {} as Record<StaffRole, StaffMember>;
  for (const role of STAFF_ROLES) {
    const member: StaffMember = {
      id: uuidv7(),
      username:
        role === 'HEAD_OFFICE_ADMIN'
          ? 'admin'
          : `${division.toLowerCase()}.${ROLE_USERNAMES[role]}`,
      fullName: `Test ${ROLE_USERNAMES[role]}`,
      role,
      businessId: role === 'HEAD_OFFICE_ADMIN' ? null : businessId,
    };
    const pinHash = options.pins ? await hashPin(ROLE_PINS[role]) : 'none';
    db.insert(users)
      .values({ ...member, pinHash })
      .run();
    staff[role] = member;
  }
  return { tillId, businessId, businessIds, staff };
}
