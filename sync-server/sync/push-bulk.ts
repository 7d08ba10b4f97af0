import type { SQL } from 'drizzle-orm';
import type { MutationName, MutationPayload } from '../../shared/contract/sync/mutations';
import type { Applier, ApplyContext, ApplyOutcome } from './appliers';
import type { CentralTx } from './change-sequence';

// A push applies up to 500 mutations while it holds the change-sequence lock, so every round
// trip to PostgreSQL per mutation is paid by every till waiting behind it. An applier may
// come with a bulk form that applies a run of consecutive mutations of its name in a few
// statements: it reads what the run needs at once (through a BulkReader), decides each
// mutation in memory, and hands its rows to the batch (BatchWrites), which writes them at its
// end together with the idempotency records. push.ts uses the bulk form for the runs it finds;
// the applier itself stays the rule, and the bulk form must answer exactly as it would.

export type BulkItem<N extends MutationName> = {
  payload: MutationPayload<N>;
  context: ApplyContext;
};

/**
 * Answers each item of a run exactly as the applier would have, applied one after the other
 * at this point of the batch. A bulk applier:
 * - only reads while it runs (through `reader`: a push may read before it holds the
 *   change-sequence lock and read again under it to check nothing changed), and defers its
 *   writes to `writes`; so it must be the only reader of what it writes within a push, and
 *   track its own pending rows (e.g. for idempotency);
 * - leaves nothing of a rejected item (push re-stamps a rejected item's targets itself);
 * - throws only where the applier would have thrown (the whole push then fails).
 */
export type BulkApplier<N extends MutationName> = (
  reader: BulkReader,
  items: BulkItem<N>[],
  writes: BatchWrites,
) => Promise<ApplyOutcome[]>;

/** The rows of one query; its answer must not depend on anything but the data (ORDER BY). */
export type BulkReader = { read<T>(query: SQL): Promise<T[]> };

/** A bulk applier's deferred writes: INSERT or UPDATE statements without RETURNING. */
export type DeferredWrites = {
  /** Rows stamped with the change sequence: written under the change-sequence lock. */
  stamped: SQL[];
  /** Rows no till pulls (audit, …): a push may write them before it takes the lock. */
  unstamped: SQL[];
};

/**
 * Rows bulk appliers will write at the end of the batch, one slot per bulk applier. Their
 * statements run as data-modifying CTEs of the push's final statements: each sees the
 * snapshot from before, not the others' rows, so they must not depend on one another.
 */
export class BatchWrites {
  private readonly slots = new Map<
    object,
    { value: unknown; write: (value: unknown) => DeferredWrites }
  >();

  /** The owner's pending state for this batch, created on first use. */
  slot<T>(owner: object, create: () => T, write: (value: T) => DeferredWrites): T {
    let slot = this.slots.get(owner);
    if (!slot) {
      slot = { value: create(), write: write as (value: unknown) => DeferredWrites };
      this.slots.set(owner, slot);
    }
    return slot.value as T;
  }

  statements(): DeferredWrites {
    const all: DeferredWrites = { stamped: [], unstamped: [] };
    for (const { value, write } of this.slots.values()) {
      const { stamped, unstamped } = write(value);
      all.stamped.push(...stamped);
      all.unstamped.push(...unstamped);
    }
    return all;
  }
}

// Keyed by the applier function itself: a push given other appliers (a test's stand-ins)
// applies them one by one, as written.
const bulkForms = new WeakMap<object, BulkApplier<MutationName>>();

/** Registers `bulk` as the bulk form of `applier`, and returns the applier. */
export function withBulk<N extends MutationName>(
  applier: Applier<N>,
  bulk: BulkApplier<N>,
): Applier<N> {
  bulkForms.set(applier, bulk);
  return applier;
}

export const bulkFormOf = (applier: object): BulkApplier<MutationName> | undefined =>
  bulkForms.get(applier);

/** The rows of a raw query on either driver (node-postgres and PGlite both answer { rows }). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

/** A json column as a value: node-postgres parses json, a driver that does not gives text. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Reads straight from the transaction. */
export const directReader = (tx: CentralTx): BulkReader => ({
  read: async <T>(query: SQL) => rowsOf<T>(await tx.execute(query)),
});

/**
 * Reads from the transaction and remembers each query with its answer, so that they can be
 * asked again later (under the lock) and compared: `unchanged` is true when every answer is
 * the same, so every decision made on them stands.
 */
export class RecordingReader implements BulkReader {
  private readonly reads: { query: SQL; answer: string }[] = [];
  constructor(private readonly tx: CentralTx) {}

  async read<T>(query: SQL): Promise<T[]> {
    const rows = rowsOf<T>(await this.tx.execute(query));
    this.reads.push({ query, answer: JSON.stringify(rows) });
    return rows;
  }

  async unchanged(): Promise<boolean> {
    for (const { query, answer } of this.reads) {
      const rows = rowsOf(await this.tx.execute(query));
      if (JSON.stringify(rows) !== answer) return false;
    }
    return true;
  }
}
