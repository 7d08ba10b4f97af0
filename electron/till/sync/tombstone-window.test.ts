import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes, universalCustomers as centralCustomers } from '../../../db/central/schema';
import { customerNotes as tillNotes, universalCustomers } from '../../../db/till/schema';
import { lockChangeSequence, nextServerSeq } from '../../../sync-server/sync/change-sequence';
import { purgeTombstones } from '../../../sync-server/sync/tombstones';
import { inTill, startSyncHarness, type SyncHarness } from './testing/sync-harness';
import {
  CASHIER,
  createCustomer,
  must,
  signIn,
  status,
  syncNow,
  syncUntilDrained,
} from './testing/till-ops';

// Issue 4: "a till that was away longer than the tombstone window re-downloads its data but
// keeps and pushes its outbox". Till B deletes nothing itself: head office deletes a note
// (a stamped tombstone) and, later, purges tombstones older than the window. Till A, which
// was away the whole time, is told to start again (410 RESYNC_REQUIRED): it pushes what it
// did offline, clears the purged table, pulls everything from cursor 0 and ends agreeing with
// head office: the deleted note gone, its own offline note there, every customer still there.

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

const central = () => h.database.handle.db;
const addNote = (core: Parameters<typeof must>[0], customerId: string, content: string) =>
  must<{ id: string }>(core, 'notes:add', { customerId, content });

describe('a till away longer than the tombstone window', () => {
  it('downloads its data again, keeping and pushing its outbox', async () => {
    const a = await h.enrolledTill('CLO', 'Away till');
    const b = await h.enrolledTill('CLO', 'Busy till');
    await signIn(a.core, CASHIER);
    await signIn(b.core, CASHIER);
    const customer = await createCustomer(b.core, {
      firstName: 'Tendai',
      lastName: 'Mpofu',
      primaryPhone: '0772 555 901',
    });
    const doomed = await addNote(b.core, customer.id, 'Wants the blue dress in size 12');
    const kept = await addNote(b.core, customer.id, 'Pays on the 25th');
    await syncUntilDrained(b.core);
    await syncUntilDrained(a.core);
    const notesOnA = () =>
      inTill(a, (db) =>
        db
          .select()
          .from(tillNotes)
          .all()
          .map((n) => n.id),
      );
    expect(notesOnA()).toEqual(expect.arrayContaining([doomed.id, kept.id]));

    // A goes away (no sync) and writes a note offline.
    const offline = await addNote(a.core, customer.id, 'Asked for a layby on the suit');
    expect((await status(a.core)).pendingMutations).toBe(1);

    // Head office deletes a note (a tombstone B pulls), and much later purges old tombstones.
    await central().transaction(async (tx) => {
      await lockChangeSequence(tx);
      await tx
        .update(customerNotes)
        .set({
          deletedAt: new Date('2026-01-01T00:00:00Z').toISOString(),
          serverSeq: nextServerSeq(),
        })
        .where(eq(customerNotes.id, doomed.id));
    });
    await syncUntilDrained(b.core);
    const purged = await purgeTombstones(central(), { now: new Date(), days: 90 });
    expect(purged.rows).toBe(1);
    const notesAtHeadOffice = await central().select({ id: customerNotes.id }).from(customerNotes);
    expect(notesAtHeadOffice.map((n) => n.id)).not.toContain(doomed.id);

    // B had pulled the tombstone before the purge: its cursor is past the horizon.
    expect((await syncNow(b.core)).lastSyncError).toBeNull();

    // A comes back: its outbox is pushed, it starts over, and agrees with head office.
    const back = await syncUntilDrained(a.core);
    expect(back.lastSyncError).toBeNull();
    expect(back.pendingMutations).toBe(0);
    const [pushed] = await central()
      .select()
      .from(customerNotes)
      .where(eq(customerNotes.id, offline.id));
    expect(pushed).toMatchObject({ content: 'Asked for a layby on the suit' });
    expect(notesOnA().sort()).toEqual(
      notesAtHeadOffice
        .map((n) => n.id)
        .concat(offline.id)
        .filter((id, i, all) => all.indexOf(id) === i)
        .sort(),
    );
    expect(notesOnA()).not.toContain(doomed.id);
    const customersOnA = inTill(a, (db) => db.select().from(universalCustomers).all().length);
    const customersAtHeadOffice = await central().$count(centralCustomers);
    expect(customersOnA).toBe(customersAtHeadOffice);
  });
});
