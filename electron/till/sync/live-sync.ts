import { onMutationAppended } from './outbox';

export type LiveSyncOptions = {
  /** This till's database file: changes to other tills' databases are theirs to push. */
  databaseFile: string;
  /** Whether the last round reached the server (nothing to do offline: the timer retries). */
  online: () => boolean;
  syncNow: () => Promise<void>;
  /** Long-polls head office for changes after this till's cursor; true when there are some. */
  watch: (waitSeconds: number, signal: AbortSignal) => Promise<boolean>;
  log: (message: string, error?: unknown) => void;
  /** Changes made within this window go in one push (a layby's create + deposit, say). */
  pushDelayMs?: number;
  waitSeconds?: number;
};

// Sync while online, in about a second either way: a change made at this till is pushed
// straight after its transaction commits, and a long-poll wakes the till when head office
// has something new for it (a payment taken at the next till, a late fee). Offline, neither
// runs: the timed rounds with backoff find the network again.
export function startLiveSync(options: LiveSyncOptions) {
  const { pushDelayMs = 100, waitSeconds = 20 } = options;
  let stopped = false;
  let pushTimer: NodeJS.Timeout | undefined;
  let watching = false;
  const abort = new AbortController();

  const unsubscribe = onMutationAppended((file) => {
    if (file !== options.databaseFile) return;
    if (stopped || !options.online() || pushTimer) return;
    pushTimer = setTimeout(() => {
      pushTimer = undefined;
      void options.syncNow();
    }, pushDelayMs);
    pushTimer.unref();
  });

  async function watchLoop(): Promise<void> {
    while (!stopped && options.online()) {
      const started = Date.now();
      const changed = await options.watch(waitSeconds, abort.signal).catch((error: unknown) => {
        if (!stopped) options.log('watching head office for changes failed', error);
        return null;
      });
      // Unreachable: stop here; the next successful round starts watching again.
      if (changed === null || stopped) return;
      if (changed) await options.syncNow();
      // A server that does not hold the request (an older one) must not be asked in a loop.
      else if (Date.now() - started < 1_000) await new Promise((r) => setTimeout(r, 1_000).unref());
    }
  }

  return {
    /** Starts the long-poll if it is not running (called after each successful round). */
    watchForChanges(): void {
      if (watching || stopped) return;
      watching = true;
      void watchLoop().finally(() => {
        watching = false;
      });
    },
    stop(): void {
      stopped = true;
      abort.abort();
      unsubscribe();
      if (pushTimer) clearTimeout(pushTimer);
    },
  };
}
