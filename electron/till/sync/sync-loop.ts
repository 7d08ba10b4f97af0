import type { TillDb } from '../../../db/till/connect';
import { readIdentity } from '../enrollment/till-identity';
import { applyBootstrap } from './apply-bootstrap';
import { backoffDelay } from './backoff';
import { pullChanges, type PullProgress } from './pull-changes';
import { pushOutbox } from './push-outbox';
import { createServerClient } from './server-client';
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
  let stopped = false;

  async function round(): Promise<void> {
    const identity = readIdentity(db);
    if (!identity) return;
    const client = createServerClient(identity.serverUrl, identity.deviceToken);
    try {
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
    } catch (error) {
      failures += 1;
      if (state.reachable || !state.offlineSince)
        state.offlineSince = options.clock().toISOString();
      state.reachable = false;
      state.lastError = error instanceof Error ? error.message : String(error);
      options.log('sync round failed', state.lastError);
    }
  }

  function syncNow(): Promise<void> {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    const delay = failures === 0 ? options.intervalMs : backoffDelay(failures);
    timer = setTimeout(() => void syncNow().finally(schedule), delay);
    timer.unref();
  }

  void syncNow().finally(schedule);
  return {
    snapshot: () => ({ ...state }),
    syncNow,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
