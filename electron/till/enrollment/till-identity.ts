import { count, eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { businesses, tillIdentity, users } from '../../../db/till/schema';
import { toDivision, type Division } from '../../../shared/contract/common';
import type { TillStatus } from '../../../shared/contract/till-api';
import { pendingMutationCount } from '../sync/outbox';
import type { SyncSnapshot } from '../sync/sync-loop';

export type TillIdentity = typeof tillIdentity.$inferSelect;

export function readIdentity(db: TillDb): TillIdentity | undefined {
  return db.select().from(tillIdentity).where(eq(tillIdentity.id, 1)).get();
}

export function readDivision(db: TillDb, businessId: string): Division | null {
  return toDivision(db.select().from(businesses).where(eq(businesses.id, businessId)).get());
}

const DAY_MS = 24 * 3_600_000;

export function readStatus(db: TillDb, sync: SyncSnapshot, now: Date): TillStatus {
  const identity = readIdentity(db);
  const staffCount =
    db.select({ n: count() }).from(users).where(eq(users.isActive, true)).get()?.n ?? 0;
  return {
    enrolled: identity !== undefined,
    tillId: identity?.tillId ?? null,
    tillName: identity?.tillName ?? null,
    division: identity ? readDivision(db, identity.businessId) : null,
    serverUrl: identity?.serverUrl ?? null,
    staffCount,
    lastSyncAt: identity?.lastSyncAt ?? null,
    serverReachable: sync.reachable,
    pendingMutations: pendingMutationCount(db),
    offlineSince: sync.offlineSince,
    offlineOverADay:
      sync.offlineSince !== null && now.getTime() - Date.parse(sync.offlineSince) > DAY_MS,
    lastSyncError: sync.lastError,
    pull: sync.pull,
  };
}
