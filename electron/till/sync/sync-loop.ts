import type { TillDb } from '../../../db/till/connect';
import { readIdentity } from '../enrollment/till-identity';
import { applyBootstrap } from './apply-bootstrap';
import { pendingMutationCount } from './outbox';
import { backoffDelay } from './backoff';
import { startLiveSync } from './live-sync';
import { pullChanges, readCursor, type PullProgress } from './pull-changes';
import { pushOutbox } from './push-outbox';
import { restoreInterruptedSnapshot } from './snapshot';
import { recordClockOffset } from './clock';
import { createServerClient, ServerBusyError } from './server-client';
import { topUpNumberBlocks } from './top-up-numbers';

export type SyncSnapshot = {
  reachable: boolean;
  /** When the server was last unreachable after being reachable (or since start). */
  offlineSince: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  pull: PullProgress | null;
};

export type SyncLoop = {
  snapshot(): SyncSnapshot;
  /** Runs one round now (what the timer runs too); concurrent calls share the round. */
  syncNow(): Promise<void>;
  stop(): void;
};

/**
 * One round: lease numbers while online, push the outbox, pull changes, refresh the staff
 * list. Rounds repeat every intervalMs while all is well and back off with jitter after
 * failures; syncNow() runs one at once (e.g. when the network comes back).
 */
export function startSyncLoop(
  db: TillDb,
  options: {
    intervalMs: number;
    /** Push at once and long-poll while online (live-sync.ts). */
    live?: boolean;
    clock: () => Date;
    log: (message: string, error?: unknown) => void;
  },
): SyncLoop {
  const state: SyncSnapshot = {
    reachable: false,
    offlineSince: options.clock().toISOString(),
    lastSuccessAt: null,
    lastError: null,
    pull: null,
  };
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let retryAfter = 0;
  let queued: Promise<void> | null = null;
  let stopped = false;

  const waiting = () => pendingMutationCount(db);

  async function round(): Promise<void> {
    // A round queued behind one in progress may come due after the till closed its database.
    if (stopped) return;
    try {
      const identity = readIdentity(db);
      if (!identity) return;
      const client = createServerClient(identity.serverUrl, identity.deviceToken, {
        waiting,
        timing: {
          clock: options.clock,
          onOffset: (offsetMs) => recordClockOffset(db, offsetMs, options.clock()),
        },
      });
      await topUpNumberBlocks(db, client, identity.businessId);
      await pushOutbox(db, client, options.clock);
      await pullChanges(db, client, (progress) => {
        state.pull = progress;
      });
      applyBootstrap(db, await client.bootstrap(), options.clock());
      failures = 0;
      Object.assign(state, {
        reachable: true,
        offlineSince: null,
        lastSuccessAt: options.clock().toISOString(),
        lastError: null,
      });
      live.watchForChanges();
    } catch (error) {
      // Closing mid-round: the database is gone and nobody is waiting for the answer.
      if (stopped) return;
      failures += 1;
      retryAfter = error instanceof ServerBusyError ? error.retryAfterMs : 0;
      if (state.reachable || !state.offlineSince)
        state.offlineSince = options.clock().toISOString();
      state.reachable = false;
      state.lastError = error instanceof Error ? error.message : String(error);
      options.log('sync round failed', state.lastError);
      // A first sync left half-done by a till killed mid-way: with the server out of reach,
      // its indexes go back so the till finds what it holds (snapshot.ts).
      restoreInterruptedSnapshot(db.$client);
    }
  }

  /**
   * A round that starts after this call: joins one queued behind the round in progress,
   * since that round may already have read the outbox before the caller's change.
   */
  function syncNow(): Promise<void> {
    if (!running) {
      running = round().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return syncNow();
    });
    return queued;
  }

  // While online, a change made here is pushed within moments rather than at the next timed
  // round, and changes made at other tills arrive through a long-poll (live-sync.ts).
  const live = startLiveSync({
    databaseFile: db.$client.name,
    online: () => (options.live ?? true) && state.reachable && !stopped,
    syncNow,
    watch: async (waitSeconds, signal) => {
      const identity = readIdentity(db);
      if (!identity) return false;
      const client = createServerClient(identity.serverUrl, identity.deviceToken, { waiting });
      const page = await client.pull(readCursor(db), 1, waitSeconds, signal);
      return page.changes.length > 0;
    },
    log: options.log,
  });

  function schedule(): void {
    if (stopped) return;
    // A busy server's Retry-After is a floor under the jittered backoff.
    const delay =
      failures === 0 ? options.intervalMs : Math.max(retryAfter, backoffDelay(failures));
    timer = setTimeout(() => void syncNow().finally(schedule), delay);
    timer.unref();
  }

  void syncNow().finally(schedule);
  return {
    snapshot: () => ({ ...state }),
    syncNow,
    stop: () => {
      stopped = true;
      live.stop();
      if (timer) clearTimeout(timer);
    },
  };
}
