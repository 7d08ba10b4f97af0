import type { TillDb } from '../../../db/till/connect';
import { AppError } from '../../../shared/contract/result';
import { readIdentity } from '../enrollment/till-identity';
import { applyBootstrap } from './apply-bootstrap';
import { createServerClient } from './server-client';

export type SyncLoop = {
  /** True when the last contact with the server succeeded. */
  isReachable(): boolean;
  /** Runs one round now (also what the timer runs). */
  syncNow(): Promise<void>;
  stop(): void;
};

// Keeps the staff list fresh while the server is reachable and remembers whether it was.
// The full outbox/pull protocol (issue 4) will hang on this same loop.
export function startSyncLoop(
  db: TillDb,
  options: {
    intervalMs: number;
    clock: () => Date;
    log: (message: string, error?: unknown) => void;
  },
): SyncLoop {
  let reachable = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function round(): Promise<void> {
    const identity = readIdentity(db);
    if (!identity) return;
    try {
      const data = await createServerClient(identity.serverUrl, identity.deviceToken).bootstrap();
      applyBootstrap(db, data, options.clock());
      reachable = true;
    } catch (error) {
      reachable = false;
      if (!(error instanceof AppError && error.code === 'UNAVAILABLE'))
        options.log('sync round failed', error);
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
    timer = setTimeout(() => {
      void syncNow().finally(schedule);
    }, options.intervalMs);
    timer.unref();
  }

  void syncNow().finally(schedule);
  return {
    isReachable: () => reachable,
    syncNow,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
