import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncHarness, type SyncHarness } from './testing/sync-harness';
import { timeToVisible } from './testing/visibility';

// Live sync: with both tills online and their timed rounds an hour apart, a change made at
// one reaches the other by itself — pushed as it commits, pulled through the long-poll.

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

describe('live sync between two online tills', () => {
  it('shows a change made at one till on the other without anyone syncing', async () => {
    const a = await h.enrolledTill('CLO', 'Live A', { liveSync: true });
    const b = await h.enrolledTill('CLO', 'Live B', { liveSync: true });
    // Both came online at enrollment; the long-polls are open.
    const first = await timeToVisible(h, a, b, 'live one');
    const back = await timeToVisible(h, b, a, 'live two');
    // Generous bounds: the 2 s p95 target lives in bench/cross-till-visibility.bench.ts.
    expect(first).toBeLessThan(8_000);
    expect(back).toBeLessThan(8_000);
  });
});
