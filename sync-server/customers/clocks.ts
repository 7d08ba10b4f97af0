import { and, eq, inArray, sql } from 'drizzle-orm';
import { customerFieldClocks } from '../../db/central/schema';
import type { CentralTx } from '../sync/change-sequence';

// When two tills change the same field of a customer, the change with the later clock wins,
// whatever order the pushes arrive in; equal clocks go to the higher till id, and head office
// (no till) sorts lowest. The clock is the till's hybrid logical clock stamp (its wall clock
// corrected by the offset it measured against this server, shared/domain/sync/hlc), or for
// tills older than that their recording time in ISO-8601 UTC. Never used to order money.

export type FieldClock = { at: string; tillId: string | null; mutationId: string | null };

/** The stamp of a change recorded at `recordedAt`, or now when a till sent no usable time. */
export function clockAt(recordedAt: string, now: Date): string {
  const ms = Date.parse(recordedAt);
  return new Date(Number.isNaN(ms) ? now.getTime() : ms).toISOString();
}

/** Positive when a is later than b. */
export function compareClocks(a: FieldClock, b: FieldClock): number {
  if (a.at !== b.at) return a.at > b.at ? 1 : -1;
  const ta = a.tillId ?? '';
  const tb = b.tillId ?? '';
  return ta === tb ? 0 : ta > tb ? 1 : -1;
}

export async function readClocks(
  tx: CentralTx,
  customerId: string,
  fields: readonly string[],
): Promise<Map<string, FieldClock>> {
  if (fields.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(customerFieldClocks)
    .where(
      and(
        eq(customerFieldClocks.customerId, customerId),
        inArray(customerFieldClocks.field, [...fields]),
      ),
    );
  return new Map(
    rows.map((row) => [row.field, { at: row.hlc, tillId: row.tillId, mutationId: row.mutationId }]),
  );
}

export async function writeClocks(
  tx: CentralTx,
  customerId: string,
  fields: readonly string[],
  clock: FieldClock,
): Promise<void> {
  if (fields.length === 0) return;
  const values = { hlc: clock.at, tillId: clock.tillId, mutationId: clock.mutationId };
  await tx
    .insert(customerFieldClocks)
    .values(fields.map((field) => ({ customerId, field, ...values })))
    .onConflictDoUpdate({
      target: [customerFieldClocks.customerId, customerFieldClocks.field],
      set: { ...values, at: sql`now()` },
    });
}
