import { asc, eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { users } from '../../../db/till/schema';
import type { StaffMember } from '../../../shared/contract/common';

/** Who can sign in at this till (never the PIN hashes). */
export function listStaff(db: TillDb): StaffMember[] {
  return db
    .select({
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      businessId: users.businessId,
    })
    .from(users)
    .where(eq(users.isActive, true))
    .orderBy(asc(users.username))
    .all();
}
