import { and, count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes as centralNotes, processedMutations } from '../../../db/central/schema';
import { outbox } from '../../../db/till/schema';
import type { TillStatus } from '../../../shared/contract/till/till-methods';
import { queueNotesFast } from './testing/bulk-notes';
import { inTill, startSyncHarness, type SyncHarness } from './testing/sync-harness';
import { sleep, status, syncNow } from './testing/till-ops';

// Issue 4: a till offline for 7 days with 50,000 queued mutations drains on reconnect. The
// week's work is queued while head office is unreachable and the till's clock walks on seven
// days; then the link comes back and the till syncs until its outbox is empty. Head office
// must hold all 50,000 exactly once, and the status bar (till:status pendingMutations) must
// count down to 0. The drain rate is printed: it is what a store manager waits for.

const MUTATIONS = Number(process.env.FAULTS_LONG_OFFLINE_MUTATIONS ?? 50_000);
const WEEK_MS = 7 * 24 * 3_600_000;
const MARKER = 'week-offline';

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

describe('a till offline for 7 days', () => {
  it(`drains ${MUTATIONS} queued mutations on reconnect, each exactly once`, async () => {
    let skewMs = 0; // the till's clock: real time plus however far the week has gone
    const clock = () => new Date(Date.now() + skewMs);
    const till = await h.enrolledTill('CLO', 'Week offline', { clock });

    // Head office goes away (the store's link is down all week).
    h.proxy.setMode({ kind: 'refuse' });
    expect((await syncNow(till.core)).serverReachable).toBe(false);

    // A week of work: the till's clock advances evenly over seven days as it is queued.
    const step = WEEK_MS / MUTATIONS;
    const queued = queueNotesFast(
      till.file,
      {
        customerId: h.fixture.customerIds[0]!,
        businessId: h.fixture.division.id,
        staffId: h.fixture.cashier.id,
      },
      {
        count: MUTATIONS,
        marker: MARKER,
        clock: () => {
          skewMs += step;
          return clock();
        },
      },
    );
    const offline = await status(till.core);
    expect(offline).toMatchObject({
      pendingMutations: MUTATIONS,
      serverReachable: false,
      offlineOverADay: true,
    });

    // The link comes back. The status bar is read while the till drains, as the UI polls it.
    h.proxy.setMode({ kind: 'pass' });
    const shown: number[] = [];
    let draining = true;
    const statusBar = (async () => {
      while (draining) {
        shown.push((await status(till.core)).pendingMutations);
        await sleep(250);
      }
    })();
    const started = Date.now();
    let after: TillStatus = offline;
    let rounds = 0;
    try {
      for (; rounds < 50 && !(after.serverReachable && after.pendingMutations === 0); rounds += 1)
        after = await syncNow(till.core);
    } finally {
      draining = false;
      await statusBar;
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `long offline: queued ${MUTATIONS} in ${(queued.ms / 1000).toFixed(1)} s; drained in ` +
        `${seconds.toFixed(1)} s over ${rounds} round(s) = ${Math.round(MUTATIONS / seconds)} mutations/s`,
    );
    expect(after).toMatchObject({
      serverReachable: true,
      pendingMutations: 0,
      offlineOverADay: false,
      lastSyncError: null,
    });
    shown.push(after.pendingMutations);
    // The count only ever goes down, and reaches 0.
    expect(shown.every((n, i) => i === 0 || n <= shown[i - 1]!)).toBe(true);
    expect(shown.at(-1)).toBe(0);

    // Head office: all of them, once each, every one applied (none refused).
    const db = h.database.handle.db;
    const notes = await db
      .select({ id: centralNotes.id })
      .from(centralNotes)
      .where(like(centralNotes.content, `${MARKER} %`));
    expect(notes).toHaveLength(MUTATIONS);
    expect(new Set(notes.map((n) => n.id))).toEqual(new Set(queued.ids));
    const tillId = after.tillId!;
    const [applied] = await db
      .select({
        n: count(),
        distinctSeqs: sql<string>`count(distinct ${processedMutations.seq})`,
        minSeq: sql<string>`min(${processedMutations.seq})`,
        maxSeq: sql<string>`max(${processedMutations.seq})`,
      })
      .from(processedMutations)
      .where(eq(processedMutations.tillId, tillId));
    expect(applied).toMatchObject({ n: MUTATIONS });
    expect(Number(applied!.distinctSeqs)).toBe(MUTATIONS);
    expect([Number(applied!.minSeq), Number(applied!.maxSeq)]).toEqual([1, MUTATIONS]);
    const [refused] = await db
      .select({ n: count() })
      .from(processedMutations)
      .where(
        and(
          eq(processedMutations.tillId, tillId),
          sql`${processedMutations.result}->>'status' <> 'applied'`,
        ),
      );
    expect(refused?.n).toBe(0);

    // The till: every mutation acked, none with an error.
    const left = inTill(till, (d) =>
      d
        .select({ n: count() })
        .from(outbox)
        .where(sql`${outbox.ackedAt} is null or ${outbox.lastError} is not null`)
        .get(),
    );
    expect(left?.n).toBe(0);
  }, 400_000);
});
