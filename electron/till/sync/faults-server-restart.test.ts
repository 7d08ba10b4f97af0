import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerNotes as centralNotes,
  processedMutations,
  tillCursors,
} from '../../../db/central/schema';
import { outbox } from '../../../db/till/schema';
import { createTestCentralDb, type TestCentralDb } from '../../../db/testing/pg';
import { seedSyncFixture } from '../../../sync-server/sync/testing/sync-fixture';
import { createTillCore } from '../core';
import { queueNotesFast } from './testing/bulk-notes';
import { enrollmentCode, serverProcess, type ServerProcess } from './testing/server-process';
import { inTill, type Till } from './testing/sync-harness';
import { must, sleep, status, syncNow, syncUntilDrained, waitFor } from './testing/till-ops';

// Issue 4: the server killed, or PostgreSQL restarted, in the middle of a batch. The server
// runs as its own process (sync-server/main.ts) on a fresh PostgreSQL database. A till queues
// 4,000 mutations and pushes them in batches of 500; mid-batch we either SIGKILL the server
// process (then start it again) or end every PostgreSQL connection it holds, which is exactly
// what a PostgreSQL restart looks like to the server. Either way the interrupted batch must
// roll back whole, the server process must survive (in the second case), and once the till
// has drained every mutation is applied exactly once, with no gap in either sequence.

const MUTATIONS = 4_000;
const BATCH = 500;
const OBSERVER = 'unitill-faults-observer';

let database: TestCentralDb;
let fixture: Awaited<ReturnType<typeof seedSyncFixture>>;
let server: ServerProcess;
let observer: pg.Client;
const tills: Till[] = [];

beforeAll(async () => {
  database = await createTestCentralDb();
  if (!database.databaseUrl) throw new Error('these tests need a real PostgreSQL server');
  fixture = await seedSyncFixture(database.handle.db); // the server's DEMO_DATA=on then finds it seeded
  server = await serverProcess({ databaseUrl: database.databaseUrl });
  await server.start();
  // Our own window on the database: named, so the "PostgreSQL restart" spares it.
  observer = new pg.Client({ connectionString: database.databaseUrl, application_name: OBSERVER });
  await observer.connect();
}, 120_000);

afterAll(async () => {
  for (const till of tills) {
    await till.core.close();
    rmSync(till.dir, { recursive: true, force: true });
  }
  await server?.stop();
  await observer?.end();
  await database?.drop();
});

async function enrolledTill(name: string): Promise<Till> {
  const dir = mkdtempSync(join(tmpdir(), 'unitill-restart-'));
  const core = await createTillCore({ dataDir: dir, syncIntervalMs: 3_600_000 });
  await must(core, 'till:enroll', {
    serverUrl: server.url,
    code: await enrollmentCode(server.url, 'CLO'),
    tillName: name,
  });
  const till = { core, dir, file: join(dir, 'till.sqlite') };
  tills.push(till);
  return till;
}

function queueNotes(till: Till, marker: string): string[] {
  const author = {
    customerId: fixture.customerIds[0]!,
    businessId: fixture.division.id,
    staffId: fixture.cashier.id,
  };
  return queueNotesFast(till.file, author, { count: MUTATIONS, marker }).ids;
}

const appliedCount = async (tillId: string): Promise<number> =>
  Number(
    (
      await observer.query<{ n: string }>(
        'select count(*) as n from processed_mutations where till_id = $1',
        [tillId],
      )
    ).rows[0]?.n ?? 0,
  );

/** A push transaction of this database that has written something and not yet committed. */
async function writingTransaction(): Promise<{ pid: number; xid: string } | undefined> {
  const { rows } = await observer.query<{ pid: number; xid: string }>(
    `select pid, backend_xid::text as xid from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()
        and application_name <> $1 and backend_xid is not null and state <> 'idle'`,
    [OBSERVER],
  );
  return rows[0];
}

/** Everything is there exactly once, in order, with nothing left to push. */
async function expectDrainedExactlyOnce(till: Till, marker: string, ids: string[]): Promise<void> {
  const { tillId } = await status(till.core);
  const db = database.handle.db;
  const processed = await db
    .select({ seq: processedMutations.seq, id: processedMutations.mutationId })
    .from(processedMutations)
    .where(eq(processedMutations.tillId, tillId!));
  expect(processed.map((m) => m.seq).sort((x, y) => x - y)).toEqual(
    Array.from({ length: MUTATIONS }, (_, i) => i + 1),
  );
  const [cursor] = await db.select().from(tillCursors).where(eq(tillCursors.tillId, tillId!));
  expect(cursor?.lastPushedSeq).toBe(MUTATIONS);
  const notes = await db
    .select({ id: centralNotes.id })
    .from(centralNotes)
    .where(and(like(centralNotes.content, `${marker} %`)));
  expect(notes).toHaveLength(MUTATIONS);
  expect(new Set(notes.map((n) => n.id))).toEqual(new Set(ids));
  const queued = inTill(till, (d) => d.select().from(outbox).all());
  expect(queued.filter((m) => m.ackedAt === null)).toEqual([]);
  expect(new Set(queued.map((m) => m.id))).toEqual(new Set(processed.map((m) => m.id)));
  expect((await status(till.core)).pendingMutations).toBe(0);
}

describe('the server killed or PostgreSQL restarted in the middle of a batch', () => {
  it('SIGKILL of the server mid-batch: the batch rolls back whole; after a restart each mutation lands once', async () => {
    const till = await enrolledTill('Restart me');
    const ids = queueNotes(till, 'server-kill');
    const { tillId } = await status(till.core);

    const pushing = syncNow(till.core);
    // The first batch is in; kill while the second one's transaction has written rows.
    await waitFor('the first batch to commit', async () => (await appliedCount(tillId!)) >= BATCH, {
      timeoutMs: 60_000,
      everyMs: 10,
    });
    const open = await waitFor('a push transaction in flight', writingTransaction, {
      timeoutMs: 60_000,
      everyMs: 5,
    });
    await server.kill();
    const interrupted = await pushing;
    expect(interrupted.serverReachable).toBe(false);
    // PostgreSQL noticed the dead client and rolled its transaction back: whole batches only.
    await waitFor('the killed backend to go', async () => {
      const { rows } = await observer.query('select 1 from pg_stat_activity where pid = $1', [
        open.pid,
      ]);
      return rows.length === 0;
    });
    const atKill = await appliedCount(tillId!);
    expect(atKill).toBeGreaterThanOrEqual(BATCH);
    expect(atKill).toBeLessThan(MUTATIONS);
    expect(atKill % BATCH).toBe(0);
    expect(interrupted.pendingMutations).toBe(MUTATIONS - atKill);

    await server.start();
    await syncUntilDrained(till.core, { deadlineMs: 120_000 });
    await expectDrainedExactlyOnce(till, 'server-kill', ids);
  });

  it('PostgreSQL connections ended mid-batch (a database restart): the server survives, the till retries, each mutation lands once', async () => {
    const till = await enrolledTill('Database restart');
    const ids = queueNotes(till, 'pg-restart');
    const { tillId } = await status(till.core);

    let rounds = 0;
    let failedRounds = 0;
    const draining = syncUntilDrained(till.core, {
      deadlineMs: 180_000,
      onRound: (after) => {
        rounds += 1;
        if (!after.serverReachable) failedRounds += 1;
      },
    });
    draining.catch(() => undefined); // awaited below; a failure meanwhile must not go unhandled
    // End every connection of the database three times, each time while a push transaction
    // has written rows and not committed.
    const terminated: number[] = [];
    let lastXid = '';
    for (let i = 0; i < 3; i += 1) {
      const open = await waitFor(
        'a push transaction in flight',
        async () => {
          const found = await writingTransaction();
          return found && found.xid !== lastXid ? found : undefined;
        },
        { timeoutMs: 60_000, everyMs: 5 },
      );
      lastXid = open.xid;
      const { rows } = await observer.query<{ ended: boolean }>(
        `select pg_terminate_backend(pid) as ended from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and application_name <> $1`,
        [OBSERVER],
      );
      terminated.push(rows.filter((r) => r.ended).length);
      // The server process lives on, and answers again once its pool has reconnected.
      await sleep(200);
      expect(server.alive(), server.stderr()).toBe(true);
      await waitFor('the server to answer /health', async () => {
        expect(server.alive(), server.stderr()).toBe(true);
        return (await fetch(`${server.url}/health`)).ok;
      });
    }
    await draining;
    expect(server.alive(), server.stderr()).toBe(true);
    expect(terminated.every((n) => n >= 1)).toBe(true);
    expect(failedRounds).toBeGreaterThanOrEqual(1);
    expect(rounds).toBeGreaterThan(failedRounds);
    expect(await appliedCount(tillId!)).toBe(MUTATIONS);
    await expectDrainedExactlyOnce(till, 'pg-restart', ids);
  });
});
