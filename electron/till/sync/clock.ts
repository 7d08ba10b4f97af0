import { eq, inArray } from 'drizzle-orm';
import { syncState } from '../../../db/till/schema';
import { formatHlc, parseHlc, tick } from '../../../shared/domain/sync/hlc';
import type { TillDb } from '../../../db/till/connect';
import type { TillTx } from '../db-types';

// The till's hybrid logical clock (shared/domain/sync/hlc). Its state lives in sync_state so
// it survives restarts and every process writing to this till database shares it.

const OFFSET_KEY = 'clock.offsetMs';
const LAST_KEY = 'clock.lastHlc';

type Store = Pick<TillTx, 'select' | 'insert'>;

function read(db: Pick<TillTx, 'select'>, key: string): unknown {
  return db.select({ value: syncState.value }).from(syncState).where(eq(syncState.key, key)).get()
    ?.value;
}

function write(db: Store, key: string, value: unknown, now: Date): void {
  const updatedAt = now.toISOString();
  db.insert(syncState)
    .values({ key, value, updatedAt })
    .onConflictDoUpdate({ target: syncState.key, set: { value, updatedAt } })
    .run();
}

/** How far this till's clock is behind head office's (ms), as last measured; 0 before the first sync. */
export function clockOffsetMs(db: Pick<TillTx, 'select'>): number {
  const value = read(db, OFFSET_KEY);
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function recordClockOffset(db: TillDb, offsetMs: number, now: Date): void {
  write(db, OFFSET_KEY, offsetMs, now);
}

/** The next stamp, in the caller's transaction (so two mutations never share one). */
export function nextHlc(tx: Store, now: Date): string {
  // Both keys in one read: this runs inside every money transaction.
  const rows = tx
    .select({ key: syncState.key, value: syncState.value })
    .from(syncState)
    .where(inArray(syncState.key, [OFFSET_KEY, LAST_KEY]))
    .all();
  const last = rows.find((r) => r.key === LAST_KEY)?.value;
  const offset = rows.find((r) => r.key === OFFSET_KEY)?.value;
  const next = tick(
    typeof last === 'string' ? parseHlc(last) : null,
    now.getTime() + (typeof offset === 'number' && Number.isFinite(offset) ? offset : 0),
  );
  const stamp = formatHlc(next);
  write(tx, LAST_KEY, stamp, now);
  return stamp;
}
