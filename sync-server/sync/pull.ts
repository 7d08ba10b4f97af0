import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { SYNCED_ENTITIES, SYNCED_ENTITY_NAMES } from '../../shared/contract/sync/entities';
import type { PullResponse, PulledChange } from '../../shared/contract/sync/protocol';
import type { TillPrincipal } from '../auth/principal';
import { latestServerSeq } from './change-sequence';
import { centralSyncedTables, timestampKeys } from './entity-tables';

const timestampsOf = new Map(
  SYNCED_ENTITY_NAMES.map((name) => [name, timestampKeys(centralSyncedTables[name])]),
);

/**
 * One page of changes after the till's cursor, across every synced table, in server-sequence
 * order. Each table gives its own first `limit` rows after the cursor; merging those and
 * keeping the first `limit` overall is exact because every stamp is unique. All reads share
 * one REPEATABLE READ snapshot so the page is consistent.
 */
export async function pullPage(
  db: CentralDb,
  till: TillPrincipal,
  after: number,
  limit: number,
): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const perTable = await Promise.all(
        SYNCED_ENTITY_NAMES.map(async (entity) => {
          const table = centralSyncedTables[entity];
          const scope = SYNCED_ENTITIES[entity];
          const inScope =
            scope === 'all' || !table.businessId
              ? undefined
              : scope === 'division'
                ? eq(table.businessId, till.businessId)
                : or(eq(table.businessId, till.businessId), isNull(table.businessId));
          const rows = (await tx
            .select()
            .from(table)
            .where(and(gt(table.serverSeq, after), inScope))
            .orderBy(asc(table.serverSeq))
            .limit(limit)) as Record<string, unknown>[];
          return { entity, rows };
        }),
      );
      const changes: PulledChange[] = perTable
        .flatMap(({ entity, rows }) =>
          rows.map((row) => ({
            entity,
            seq: Number(row.serverSeq),
            row: toWire(row, timestampsOf.get(entity) ?? []),
          })),
        )
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit);
      const cursor = changes.at(-1)?.seq ?? after;
      // A table that filled its own page can only do so if the merged page is full too.
      const hasMore = changes.length === limit;
      const highWater = Math.max(await latestServerSeq(tx), cursor);
      return { changes, cursor, hasMore, highWater };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function toWire(row: Record<string, unknown>, timestamps: string[]): Record<string, unknown> {
  const out = { ...row };
  for (const key of timestamps) {
    const value = out[key];
    if (typeof value === 'string') out[key] = new Date(value).toISOString();
  }
  return out;
}
