import { count, desc, eq, isNull } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { businesses, flaggedEvents, tillIdentity, users } from '../../../db/till/schema';
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
    openFlags: readOpenFlags(db),
  };
}

/** How many newest open flags the status carries (the status bar lists them). */
export const LATEST_FLAGS = 5;

// Flags reach the till with its division's pull; head office resolves them, and the pull
// brings the resolution back, so the count falls by itself.
function readOpenFlags(db: TillDb): TillStatus['openFlags'] {
  const open = isNull(flaggedEvents.resolvedAt);
  const total = db.select({ n: count() }).from(flaggedEvents).where(open).get()?.n ?? 0;
  if (total === 0) return { count: 0, latest: [] };
  const latest = db
    .select({
      id: flaggedEvents.id,
      kind: flaggedEvents.kind,
      message: flaggedEvents.message,
      createdAt: flaggedEvents.createdAt,
    })
    .from(flaggedEvents)
    .where(open)
    .orderBy(desc(flaggedEvents.createdAt))
    .limit(LATEST_FLAGS)
    .all();
  return { count: total, latest };
}
