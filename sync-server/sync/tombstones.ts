import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { CentralDb } from '../../db/central/connect';
import { syncHorizon } from '../../db/central/schema';
import { PURGEABLE_ENTITIES } from '../../shared/contract/sync/entities';
import { rowsOf } from './push-bulk';

// Deleting a synced row leaves a tombstone: the row stays, marked deleted_at and re-stamped,
// so every till pulls the deletion. Tombstones of the purgeable tables (PURGEABLE_ENTITIES)
// are purged once older than the tombstone window. A till still behind a purged tombstone's
// stamp would never hear of that deletion, so the newest purged stamp is kept as the horizon:
// a pull from below it is answered 410 RESYNC_REQUIRED and the till downloads its data again,
// keeping and pushing its outbox (pull-changes.ts). A till away for less than the window
// never meets the horizon: its cursor is past every purged stamp.

const Settings = z.object({
  TOMBSTONE_PURGE: z.enum(['on', 'off']).default('on'),
  TOMBSTONE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});

const DAY_MS = 24 * 3_600_000;
const PURGE_EVERY_MS = 6 * 3_600_000;

/** The horizon: a pull must start at or above it (0: nothing purged yet). */
export async function readHorizon(db: CentralDb): Promise<number> {
  const [row] = await db.select({ seq: syncHorizon.seq }).from(syncHorizon);
  return row?.seq ?? 0;
}

export type PurgeOutcome = { rows: number; horizon: number };

/** Purges tombstones deleted before `now - days`, moving the horizon past their stamps. */
export async function purgeTombstones(
  db: CentralDb,
  { now, days }: { now: Date; days: number },
): Promise<PurgeOutcome> {
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  return db.transaction(async (tx) => {
    let rows = 0;
    let newest = 0;
    for (const table of PURGEABLE_ENTITIES) {
      const purged = rowsOf<{ n: string | number; newest: string | number | null }>(
        await tx.execute(sql`with gone as (
            delete from ${sql.identifier(table)} where deleted_at < ${before} returning server_seq
          ) select count(*) as n, max(server_seq) as newest from gone`),
      )[0];
      rows += Number(purged?.n ?? 0);
      newest = Math.max(newest, Number(purged?.newest ?? 0));
    }
    const [horizon] = await tx
      .insert(syncHorizon)
      .values({
        id: 1,
        seq: newest,
        purgedBefore: before,
        purgedAt: now.toISOString(),
        purgedRows: rows,
      })
      .onConflictDoUpdate({
        target: syncHorizon.id,
        set: {
          seq: sql`greatest(${syncHorizon.seq}, excluded.seq)`,
          purgedBefore: before,
          purgedAt: now.toISOString(),
          purgedRows: sql`${syncHorizon.purgedRows} + excluded.purged_rows`,
        },
      })
      .returning({ seq: syncHorizon.seq });
    return { rows, horizon: horizon?.seq ?? newest };
  });
}

type Log = {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
};

/** Purges on start and every six hours; TOMBSTONE_PURGE=off, TOMBSTONE_DAYS (default 90). */
export function startTombstonePurge(
  db: CentralDb,
  { log, env = process.env }: { log: Log; env?: NodeJS.ProcessEnv },
): () => void {
  const settings = Settings.parse(env);
  if (settings.TOMBSTONE_PURGE === 'off') return () => undefined;
  const tick = () =>
    purgeTombstones(db, { now: new Date(), days: settings.TOMBSTONE_DAYS })
      .then((outcome) => {
        if (outcome.rows > 0) log.info(outcome, 'purged tombstones older than the window');
      })
      .catch((error: unknown) => log.error({ error }, 'tombstone purge failed'));
  void tick();
  const timer = setInterval(() => void tick(), PURGE_EVERY_MS).unref();
  return () => clearInterval(timer);
}
