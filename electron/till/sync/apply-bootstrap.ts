import { eq, notInArray } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { businesses, tillIdentity, users } from '../../../db/till/schema';
import type { BootstrapResponse } from '../../../shared/contract/server-api';
import type { TillTx } from '../db-types';

// Stores the division and its staff list in one transaction. Staff the server no longer
// lists are deactivated, never deleted, so the till's history still names who did what.
export function applyBootstrap(db: TillDb, data: BootstrapResponse, now: Date): void {
  db.transaction((tx) => writeBootstrap(tx, data, now));
}

export function writeBootstrap(tx: TillTx, data: BootstrapResponse, now: Date): void {
  const division = { kind: 'DIVISION' as const, ...data.division };
  tx.insert(businesses)
    .values(division)
    .onConflictDoUpdate({ target: businesses.id, set: division })
    .run();
  for (const member of data.staff) {
    tx.insert(users).values(member).onConflictDoUpdate({ target: users.id, set: member }).run();
  }
  const listed = data.staff.map((s) => s.id);
  tx.update(users)
    .set({ isActive: false })
    .where(listed.length > 0 ? notInArray(users.id, listed) : undefined)
    .run();
  tx.update(tillIdentity)
    .set({ lastSyncAt: now.toISOString() })
    .where(eq(tillIdentity.id, 1))
    .run();
}
