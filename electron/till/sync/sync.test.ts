import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes as centralNotes } from '../../../db/central/schema';
import { customerNotes, numberBlocks, outbox } from '../../../db/till/schema';
import { writeNote } from './testing/note-writer';
import { inTill, startSyncHarness, type SyncHarness, type Till } from './testing/sync-harness';

let h: SyncHarness;

function addNoteOnTill(till: Till, content: string): string {
  const author = {
    customerId: h.fixture.customerIds[0]!,
    businessId: h.fixture.division.id,
    staffId: h.fixture.cashier.id,
  };
  return writeNote(till.file, author, content);
}

const centralNotesWith = async (content: string) =>
  (
    await h.database.handle.db
      .select({ n: count() })
      .from(centralNotes)
      .where(eq(centralNotes.content, content))
  )[0]?.n ?? 0;

beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

describe('sync between tills and the server', () => {
  it('leases each till its own blocks of numbers', async () => {
    const a = await h.enrolledTill('CLO', 'A');
    const b = await h.enrolledTill('CLO', 'B');
    const ranges = [a, b].flatMap((till) =>
      inTill(till, (db) =>
        db.select().from(numberBlocks).where(eq(numberBlocks.series, 'CUSTOMER')).all(),
      ),
    );
    expect(ranges).toHaveLength(2);
    const [first, second] = ranges.sort((x, y) => x.rangeStart - y.rangeStart);
    expect(first!.rangeEnd).toBeLessThan(second!.rangeStart);
  });

  it('pushes a change from one till and pulls it into another till of the division only', async () => {
    const [a, b] = h.tills;
    const hardware = await h.enrolledTill('HWR', 'H');
    const noteId = addNoteOnTill(a!, 'seen by B');
    await a!.core.call('sync:now', {});
    expect(await centralNotesWith('seen by B')).toBe(1);
    await b!.core.call('sync:now', {});
    await hardware.core.call('sync:now', {});
    const inB = inTill(b!, (db) =>
      db.select().from(customerNotes).where(eq(customerNotes.id, noteId)).get(),
    );
    const inHardware = inTill(hardware, (db) =>
      db.select().from(customerNotes).where(eq(customerNotes.id, noteId)).get(),
    );
    expect(inB?.content).toBe('seen by B');
    expect(inHardware).toBeUndefined();
  });

  it('lands a push exactly once when the answer is lost after the server committed', async () => {
    const [a] = h.tills;
    addNoteOnTill(a!, 'answer lost');
    h.proxy.setMode({ kind: 'drop-responses' });
    const lost = a!.core.call('sync:now', {});
    await new Promise((r) => setTimeout(r, 1_000));
    h.proxy.cutAll();
    expect(await lost).toMatchObject({ ok: true, value: { serverReachable: false } });
    expect(await centralNotesWith('answer lost')).toBe(1); // committed, answer never arrived
    h.proxy.setMode({ kind: 'pass' });
    const after = await a!.core.call('sync:now', {});
    expect(after).toMatchObject({
      ok: true,
      value: { serverReachable: true, pendingMutations: 0 },
    });
    expect(await centralNotesWith('answer lost')).toBe(1);
    expect(
      inTill(a!, (db) =>
        db
          .select()
          .from(outbox)
          .all()
          .every((m) => m.ackedAt !== null),
      ),
    ).toBe(true);
  });
});
