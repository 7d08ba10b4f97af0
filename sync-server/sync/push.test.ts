import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes, flaggedEvents } from '../../db/central/schema';
import { createTestCentralDb } from '../../db/testing/pg';
import type { MutationEnvelope } from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import type { Appliers } from './appliers';
import { nextServerSeq } from './change-sequence';
import { applyPush } from './push';
import { enrollTestTill, seedSyncFixture } from './testing/sync-fixture';

let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let fixture: Awaited<ReturnType<typeof seedSyncFixture>>;

// Real appliers for one mutation: note.add writes a real row, and refuses an empty subject
// of 'REJECT ME' the way a real rule would refuse.
const unused = () => Promise.reject(new Error('not used in this test'));
const appliers = {
  'note.add': async (tx, note, context) => {
    if (note.subject === 'REJECT ME') return { status: 'rejected', reason: 'refused by rule' };
    await tx
      .insert(customerNotes)
      .values({ ...note, originTillId: context.tillId, serverSeq: nextServerSeq() });
    if (note.subject === 'REJECT AFTER WRITE')
      return { status: 'rejected', reason: 'late refusal' };
    return { status: 'applied' };
  },
  'customer.create': unused,
  'customer.update': unused,
  'customer.setActive': unused,
  'customer.setBlacklist': unused,
  'customer.link': unused,
  'account.open': unused,
  'account.setStatus': unused,
  'layby.create': unused,
  'layby.pay': unused,
  'layby.cancel': unused,
  'layby.release': unused,
  'layby.hold': unused,
  'layby.resume': unused,
} satisfies Appliers;

function note(seq: number, subject = `note ${seq}`, id = uuidv7()): MutationEnvelope {
  const now = new Date().toISOString();
  return {
    id,
    seq,
    name: 'note.add',
    createdAt: now,
    payload: {
      id,
      universalCustomerId: fixture.customerIds[0],
      divisionAccountId: null,
      businessId: fixture.division.id,
      createdBy: fixture.cashier.id,
      createdAt: now,
      updatedAt: now,
      content: `content of ${subject}`,
      subject,
      noteType: 'GENERAL',
      priority: 'NORMAL',
      isPrivate: false,
      isAlert: false,
    },
  };
}

const notesIn = async (db = database.handle.db) =>
  (await db.select({ n: count() }).from(customerNotes))[0]?.n ?? 0;

beforeAll(async () => {
  database = await createTestCentralDb();
  fixture = await seedSyncFixture(database.handle.db);
});
afterAll(() => database.drop());

describe('push', () => {
  it('applies in order, and answers a replayed batch with the first results without doubling', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const batch = [note(1), note(2), note(3)];
    const before = await notesIn();
    const first = await applyPush(database.handle.db, till, batch, appliers, new Date());
    expect(first.lastAppliedSeq).toBe(3);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    const again = await applyPush(database.handle.db, till, batch, appliers, new Date());
    expect(again).toEqual(first);
    expect(await notesIn()).toBe(before + 3);
  });

  it('applies the same batch sent twice at once exactly once', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const batch = [note(1), note(2)];
    const before = await notesIn();
    const [a, b] = await Promise.all([
      applyPush(database.handle.db, till, batch, appliers, new Date()),
      applyPush(database.handle.db, till, batch, appliers, new Date()),
    ]);
    expect(a.results).toEqual(b.results);
    expect(await notesIn()).toBe(before + 2);
  });

  it('refuses the same id with a different payload loudly, and flags it', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const original = note(1);
    await applyPush(database.handle.db, till, [original], appliers, new Date());
    const tampered = {
      ...original,
      payload: { ...(original.payload as object), content: 'changed' },
    };
    const response = await applyPush(database.handle.db, till, [tampered], appliers, new Date());
    expect(response.results[0]).toMatchObject({ status: 'rejected' });
    const flags = await database.handle.db
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.tillId, till.tillId));
    expect(flags.map((f) => f.kind)).toEqual(['SYNC_PAYLOAD_MISMATCH']);
  });

  it('stops at a gap so the till resends from the last applied seq', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const response = await applyPush(
      database.handle.db,
      till,
      [note(1), note(2), note(4)],
      appliers,
      new Date(),
    );
    expect(response.lastAppliedSeq).toBe(2);
    expect(response.results).toHaveLength(2);
    const resent = await applyPush(
      database.handle.db,
      till,
      [note(3), note(4)],
      appliers,
      new Date(),
    );
    expect(resent.lastAppliedSeq).toBe(4);
  });

  it('records a mutation that can never apply as rejected, leaves nothing of it, and moves on', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const before = await notesIn();
    const response = await applyPush(
      database.handle.db,
      till,
      [
        note(1, 'REJECT ME'),
        note(2, 'REJECT AFTER WRITE'),
        note(3),
        { ...note(4), payload: { bad: true } },
      ],
      appliers,
      new Date(),
    );
    expect(response.results.map((r) => r.status)).toEqual([
      'rejected',
      'rejected',
      'applied',
      'rejected',
    ]);
    expect(response.results[3]?.reason).toMatch(/Invalid payload/);
    expect(response.lastAppliedSeq).toBe(4);
    expect(await notesIn()).toBe(before + 1);
  });

  it('re-stamps the rows a rejected mutation meant to change, so the till pulls them back', async () => {
    const till = await enrollTestTill(database.handle.db, fixture.division.id);
    const first = note(1);
    await applyPush(database.handle.db, till, [first], appliers, new Date());
    const seqOf = async () =>
      (
        await database.handle.db.select().from(customerNotes).where(eq(customerNotes.id, first.id))
      )[0]?.serverSeq ?? 0;
    const before = await seqOf();
    const retry = note(2, 'REJECT ME', first.id);
    const response = await applyPush(
      database.handle.db,
      till,
      [{ ...retry, id: uuidv7() }],
      appliers,
      new Date(),
    );
    expect(response.results[0]?.status).toBe('rejected');
    expect(await seqOf()).toBeGreaterThan(before);
  });
});
