import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSyncHarness, type SyncHarness } from './testing/sync-harness';
import { CASHIER, createCustomer, signIn, sleep, syncUntilDrained } from './testing/till-ops';

// Found by faults-randomized.test.ts, whose "kill" closes a till core abruptly: a till that is
// closed (the app quits, the till is shut down) while a sync round is running and another is
// queued behind it must close quietly. Nothing of the closed till may run against its closed
// database afterwards and fail where no one is listening: in Electron's main process an
// unhandled rejection ends the process.

let h: SyncHarness;
const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  h = await startSyncHarness();
  process.on('unhandledRejection', record);
});
afterAll(async () => {
  process.off('unhandledRejection', record);
  await h.close();
});
afterEach(() => {
  h.proxy.setMode({ kind: 'pass' });
});

describe('a till closed in the middle of a sync', () => {
  it('leaves nothing running against its closed database', async () => {
    const till = await h.enrolledTill('CLO', 'Closed mid-sync', { liveSync: true });
    await signIn(till.core, CASHIER);
    await syncUntilDrained(till.core); // online: changes are pushed as they are made

    // A slow link keeps a round running; a change made meanwhile queues a push behind it.
    h.proxy.setMode({ kind: 'delay', ms: 300 });
    const running = till.core.call('sync:now', {});
    await sleep(50);
    await createCustomer(till.core, {
      firstName: 'Closing',
      lastName: 'Time',
      primaryPhone: '0772 999 314',
    });
    await sleep(150);
    await till.core.close();
    h.tills.splice(h.tills.indexOf(till), 1); // closed here, not by the harness

    await running;
    await sleep(2_000); // whatever the closed till still had scheduled has run by now
    expect(unhandled.map(String)).toEqual([]);
  });
});
