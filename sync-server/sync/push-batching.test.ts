import { and, count, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCentralDb, type CentralDb } from '../../db/central/connect';
import {
  auditLog,
  businesses,
  customerAccountRedirects,
  customerDivisionAccounts,
  customerNotes,
  flaggedEvents,
  processedMutations,
  tillCursors,
  universalCustomers,
  users,
} from '../../db/central/schema';
import { createTestCentralDb } from '../../db/testing/pg';
import { AppError } from '../../shared/contract/result';
import type { MutationEnvelope } from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import { appliers } from './applier-registry';
import type { Appliers } from './appliers';
import { nextServerSeq } from './change-sequence';
import { applyPush } from './push';
import { enrollTestTill, seedSyncFixture } from './testing/sync-fixture';

// The batching paths of push.ts: note.add's bulk form (one read for a run, rows written at the
// batch's end, decided ahead of the change-sequence lock when the whole batch has bulk forms),
// and appliers run without a savepoint each (one span, rolled back and redone on a rejection).
// push.test.ts covers the protocol with stand-in appliers; this file checks that the faster
// paths answer and write exactly what one-by-one application would.

let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let fixture: Awaited<ReturnType<typeof seedSyncFixture>>;
let other: { divisionId: string; accountId: string; cashierId: string };
let supervisorId: string;
let cloAccounts: { id: string; customerId: string }[];

const db = () => database.handle.db;

beforeAll(async () => {
  database = await createTestCentralDb();
  fixture = await seedSyncFixture(db());
  const [hwr] = await db().select().from(businesses).where(eq(businesses.code, 'HWR'));
  const [hwrCashier] = await db().select().from(users).where(eq(users.username, 'hwr.cashier'));
  const [supervisor] = await db().select().from(users).where(eq(users.username, 'clo.supervisor'));
  const [hwrAccount] = await db()
    .select({ id: customerDivisionAccounts.id })
    .from(customerDivisionAccounts)
    .where(eq(customerDivisionAccounts.businessId, hwr!.id))
    .limit(1);
  other = { divisionId: hwr!.id, accountId: hwrAccount!.id, cashierId: hwrCashier!.id };
  supervisorId = supervisor!.id;
  cloAccounts = await db()
    .select({
      id: customerDivisionAccounts.id,
      customerId: customerDivisionAccounts.universalCustomerId,
    })
    .from(customerDivisionAccounts)
    .where(eq(customerDivisionAccounts.businessId, fixture.division.id))
    .limit(4);
});
afterAll(() => database.drop());

const NOW = '2026-03-02T10:00:00.000Z';

function note(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: uuidv7(),
    universalCustomerId: fixture.customerIds[0],
    divisionAccountId: null,
    businessId: fixture.division.id,
    createdBy: fixture.cashier.id,
    createdAt: NOW,
    updatedAt: NOW,
    content: 'Prefers to be called after 17:00.',
    subject: null,
    noteType: 'GENERAL',
    priority: 'NORMAL',
    isPrivate: false,
    isAlert: false,
    ...overrides,
  };
}

const envelopes = (payloads: Record<string, unknown>[], name = 'note.add'): MutationEnvelope[] =>
  payloads.map((payload, i) => ({ id: uuidv7(), seq: i + 1, name, createdAt: NOW, payload }));

const idsOf = (batch: MutationEnvelope[]) => batch.map((m) => (m.payload as { id: string }).id);

const notesWith = (ids: string[]) =>
  db().select().from(customerNotes).where(inArray(customerNotes.id, ids));

// The registry's note.add without its bulk form: what push did before batching.
const oneByOne: Appliers = {
  ...appliers,
  'note.add': (tx, payload, context) => appliers['note.add'](tx, payload, context),
};

describe('note.add in bulk', () => {
  it('lands the others when the third of five is refused, records every answer, and answers a replay the same', async () => {
    const till = await enrollTestTill(db(), fixture.division.id);
    const batch = envelopes([
      note(),
      note({ universalCustomerId: fixture.customerIds[1] }),
      note({ universalCustomerId: uuidv7() }),
      note({
        divisionAccountId: cloAccounts[0]!.id,
        universalCustomerId: cloAccounts[0]!.customerId,
      }),
      note({ subject: 'Last' }),
    ]);
    const first = await applyPush(db(), till, batch, appliers, new Date());
    expect(first.lastAppliedSeq).toBe(5);
    expect(first.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(first.results[2]?.reason).toMatch(/^unknown customer /);
    const ids = idsOf(batch);
    const landed = [ids[0]!, ids[1]!, ids[3]!, ids[4]!];
    const rows = await notesWith(ids);
    expect(rows.map((r) => r.id).sort()).toEqual([...landed].sort());
    for (const row of rows) {
      expect(row.serverSeq).toBeGreaterThan(0);
      expect(row.originTillId).toBe(till.tillId);
    }
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'note.add'), inArray(auditLog.entityId, ids)));
    expect(audits.map((a) => a.entityId).sort()).toEqual([...landed].sort());
    const records = await db()
      .select()
      .from(processedMutations)
      .where(eq(processedMutations.tillId, till.tillId))
      .orderBy(processedMutations.seq);
    expect(records.map((r) => r.result)).toEqual(first.results);

    const again = await applyPush(db(), till, batch, appliers, new Date());
    expect(again).toEqual(first);
    expect(await notesWith(ids)).toHaveLength(4);
  });

  it('answers and writes every case exactly as the applier does one by one', async () => {
    // A merged customer, an offline account id redirected to a live one, a note already held.
    const [merged, survivor] = [fixture.customerIds[3]!, fixture.customerIds[4]!];
    await db()
      .update(universalCustomers)
      .set({ mergedIntoId: survivor, serverSeq: nextServerSeq() })
      .where(eq(universalCustomers.id, merged));
    const offlineAccount = uuidv7();
    const live = cloAccounts[1]!;
    await db()
      .insert(customerAccountRedirects)
      .values({ accountId: offlineAccount, intoAccountId: live.id });
    const held = note();
    await applyPush(
      db(),
      await enrollTestTill(db(), fixture.division.id),
      envelopes([held]),
      appliers,
      new Date(),
    );
    const unknownAccount = uuidv7();
    const unknownCustomer = uuidv7();
    const first = note({ subject: 'First' });
    const payloads = [
      first,
      note({ universalCustomerId: merged }),
      note({ universalCustomerId: live.customerId, divisionAccountId: offlineAccount }),
      note({ divisionAccountId: other.accountId }),
      note({ divisionAccountId: unknownAccount }),
      note({ isAlert: true }),
      note({ noteType: 'WARNING', createdBy: supervisorId }),
      note({ createdBy: other.cashierId }),
      note({ businessId: other.divisionId }),
      note({ businessId: null, universalCustomerId: unknownCustomer }),
      note({ id: held.id, content: 'Another text, same id' }),
      { ...first },
      note({ createdBy: uuidv7() }),
    ];
    const till = await enrollTestTill(db(), fixture.division.id);
    const batch = envelopes(payloads);
    const ids = [...new Set(idsOf(batch))].filter((id) => id !== held.id);

    const single = await applyPush(db(), till, batch, oneByOne, new Date());
    const singleRows = await notesWith(ids);
    // Undo it, then push the same batch again through the bulk form.
    await db().delete(customerNotes).where(inArray(customerNotes.id, ids));
    await db().delete(processedMutations).where(eq(processedMutations.tillId, till.tillId));
    await db().delete(tillCursors).where(eq(tillCursors.tillId, till.tillId));
    const bulk = await applyPush(db(), till, batch, appliers, new Date());
    const bulkRows = await notesWith(ids);

    expect(bulk).toEqual(single);
    expect(single.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'applied',
      'applied',
      'rejected',
    ]);
    const comparable = (rows: typeof singleRows) =>
      rows
        .map(({ serverSeq, ...row }) => ({ ...row, stamped: Number(serverSeq) > 0 }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(comparable(bulkRows)).toEqual(comparable(singleRows));
    expect(bulkRows.find((r) => r.id === payloads[1]!.id)?.universalCustomerId).toBe(survivor);
    expect(bulkRows.find((r) => r.id === payloads[2]!.id)?.divisionAccountId).toBe(live.id);
  });

  it('applies the same batch sent twice at once exactly once', async () => {
    const till = await enrollTestTill(db(), fixture.division.id);
    const batch = envelopes([note(), note(), note()]);
    const [a, b] = await Promise.all([
      applyPush(db(), till, batch, appliers, new Date()),
      applyPush(db(), till, batch, appliers, new Date()),
    ]);
    expect(a).toEqual(b);
    expect(await notesWith(idsOf(batch))).toHaveLength(3);
  });

  it('starts over under the lock when what it read ahead changed while it waited', async () => {
    if (!database.databaseUrl) return; // needs a second connection to hold the lock
    const till = await enrollTestTill(db(), fixture.division.id);
    const [loser, winner] = [fixture.customerIds[0]!, fixture.customerIds[2]!];
    const batch = envelopes([note({ universalCustomerId: loser }), note()]);
    // Head office holds the change-sequence lock, merging the customer the note names.
    const office = new pg.Client({ connectionString: database.databaseUrl });
    await office.connect();
    try {
      await office.query('begin');
      await office.query('select pg_advisory_xact_lock(7318004212)');
      const pushing = applyPush(db(), till, batch, appliers, new Date());
      await waitForLockWaiter(office);
      await office.query(`update universal_customers set merged_into_id = $1 where id = $2`, [
        winner,
        loser,
      ]);
      await office.query('commit');
      const response = await pushing;
      expect(response.results[0]).toMatchObject({
        status: 'applied',
        result: { customerId: winner },
      });
      const [row] = await notesWith([idsOf(batch)[0]!]);
      expect(row?.universalCustomerId).toBe(winner);
      const [recorded] = await db()
        .select({ n: count() })
        .from(processedMutations)
        .where(eq(processedMutations.tillId, till.tillId));
      expect(recorded?.n).toBe(2);
    } finally {
      await office.query('rollback').catch(() => undefined);
      await office.end();
      await db()
        .update(universalCustomers)
        .set({ mergedIntoId: null })
        .where(eq(universalCustomers.id, loser));
    }
  });

  it('refuses and flags a new mutation that reuses an id already answered, without failing the push', async () => {
    const till = await enrollTestTill(db(), fixture.division.id);
    const [a] = envelopes([note()]);
    await applyPush(db(), till, [a!], appliers, new Date());
    const reused = { ...envelopes([note(), note()])[1]!, id: a!.id };
    const response = await applyPush(db(), till, [reused], appliers, new Date());
    expect(response.lastAppliedSeq).toBe(2);
    expect(response.results[0]).toMatchObject({ status: 'rejected' });
    expect(await notesWith([(reused.payload as { id: string }).id])).toHaveLength(0);
    const flags = await db()
      .select()
      .from(flaggedEvents)
      .where(eq(flaggedEvents.tillId, till.tillId));
    expect(flags.map((f) => f.kind)).toEqual(['SYNC_PAYLOAD_MISMATCH']);
  });
});

// Stand-ins on the generic path (no bulk form): note.add writes its row, then may refuse.
let flakyCalls = 0;
const standIns = {
  ...appliers,
  'note.add': async (tx, n, context) => {
    if (n.subject === 'FAIL IN SQL') {
      // A statement fails (a note without its customer), and the applier reports it as a
      // known refusal: the transaction is in error until rolled back to a savepoint.
      try {
        await tx.execute(sql`insert into customer_notes (id) values (${fixture.customerIds[0]})`);
      } catch {
        throw new AppError('CONFLICT', 'refused after a failed statement');
      }
    }
    if (n.subject === 'FLAKY' && (flakyCalls += 1) > 1)
      return { status: 'rejected', reason: 'changed its mind' };
    await tx
      .insert(customerNotes)
      .values({ ...n, originTillId: context.tillId, serverSeq: nextServerSeq() });
    if (n.subject === 'REJECT AFTER WRITE') return { status: 'rejected', reason: 'late refusal' };
    return { status: 'applied', result: { noteId: n.id } };
  },
} satisfies Appliers;

describe('appliers without a savepoint each', () => {
  it('rolls back only the refused one, whether it wrote first or a statement failed', async () => {
    const till = await enrollTestTill(db(), fixture.division.id);
    const batch = envelopes([
      note(),
      note(),
      note({ subject: 'REJECT AFTER WRITE' }),
      note(),
      note({ subject: 'FAIL IN SQL' }),
      note(),
    ]);
    const first = await applyPush(db(), till, batch, standIns, new Date());
    expect(first.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'rejected',
      'applied',
    ]);
    expect(first.results[4]?.reason).toBe('refused after a failed statement');
    const ids = idsOf(batch);
    expect((await notesWith(ids)).map((r) => r.id).sort()).toEqual(
      [ids[0]!, ids[1]!, ids[3]!, ids[5]!].sort(),
    );
    const again = await applyPush(db(), till, batch, standIns, new Date());
    expect(again).toEqual(first);
    expect(await notesWith(ids)).toHaveLength(4);
  });

  it('fails the whole push rather than record an answer a redo did not reproduce', async () => {
    const till = await enrollTestTill(db(), fixture.division.id);
    flakyCalls = 0;
    const batch = envelopes([note({ subject: 'FLAKY' }), note({ subject: 'REJECT AFTER WRITE' })]);
    await expect(applyPush(db(), till, batch, standIns, new Date())).rejects.toThrow(/redo/);
    expect(await notesWith(idsOf(batch))).toHaveLength(0);
    const cursor = await db().select().from(tillCursors).where(eq(tillCursors.tillId, till.tillId));
    expect(cursor).toHaveLength(0);
  });
});

describe('on PGlite', () => {
  it('applies, refuses and replays a bulk run the same way', async () => {
    const handle = await openCentralDb({});
    try {
      const lite: CentralDb = handle.db;
      const seeded = await seedSyncFixture(lite);
      const till = await enrollTestTill(lite, seeded.division.id);
      const make = (customerId: string) => ({
        ...note(),
        universalCustomerId: customerId,
        businessId: seeded.division.id,
        createdBy: seeded.cashier.id,
      });
      const batch = envelopes([
        make(seeded.customerIds[0]!),
        make(uuidv7()),
        make(seeded.customerIds[1]!),
      ]);
      const first = await applyPush(lite, till, batch, appliers, new Date());
      expect(first.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
      expect(await applyPush(lite, till, batch, appliers, new Date())).toEqual(first);
      const [stored] = await lite.select({ n: count() }).from(customerNotes);
      expect(stored?.n).toBe(2);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

async function waitForLockWaiter(client: pg.Client): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
    );
    if (Number(rows[0]?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the push never waited for the lock');
}
