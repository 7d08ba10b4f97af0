import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTillDb } from '../../db/till/connect';
import type { SessionInfo } from '../../shared/contract/till-api';
import { AppError } from '../../shared/contract/result';
import { customerHandlers } from './customers/handlers';
import { laybyHandlers } from './laybys/handlers';
import { createDispatcher, type Handlers } from './dispatch';
import { enrollTill } from './enrollment/enroll';
import { readIdentity, readStatus } from './enrollment/till-identity';
import { startPrinting } from './printing/service';
import { listStaff } from './staff/list-staff';
import { signIn } from './staff/sign-in';
import { startSyncLoop } from './sync/sync-loop';
import type { TillCore, TillCoreOptions } from './till-core';

export type { TillCore, TillCoreOptions } from './till-core';

const SYNC_INTERVAL_MS = 30_000;

// Assembles the till: its database, its sync loop, the one signed-in session (a till serves
// one cashier at a time) and the handlers of every contract method.
export function createTillCore(options: TillCoreOptions): Promise<TillCore> {
  const clock = options.clock ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const tillDb = openTillDb(
    join(options.dataDir, 'till.sqlite'),
    options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : undefined,
  );
  const { db } = tillDb;
  const log = (message: string, error?: unknown) => console.error(`[till] ${message}`, error ?? '');
  const sync = startSyncLoop(db, {
    intervalMs: options.syncIntervalMs ?? SYNC_INTERVAL_MS,
    live: options.liveSync ?? true,
    clock,
    log,
  });
  // Receipts print from a queue in the till database, so a printer fault never holds up or
  // undoes a money event.
  const printing = startPrinting(db, { clock, log });
  let session: SessionInfo | null = null;

  const handlers: Handlers = {
    'till:status': () => readStatus(db, sync.snapshot(), clock()),
    'till:enroll': async (input, { now }) => {
      await enrollTill(db, input, now);
      await sync.syncNow();
      return readStatus(db, sync.snapshot(), clock());
    },
    'sync:now': async () => {
      await sync.syncNow();
      return readStatus(db, sync.snapshot(), clock());
    },
    'session:signIn': async (input, { now }) => {
      if (!readIdentity(db))
        throw new AppError('NOT_ENROLLED', 'Enroll this till before signing in.');
      session = await signIn(db, input, now);
      return session;
    },
    'session:current': () => session,
    'session:signOut': () => {
      session = null;
      return {};
    },
    'staff:list': () => listStaff(db),
    ...customerHandlers(tillDb),
    ...laybyHandlers(tillDb),
    ...printing.handlers,
  };

  const call = createDispatcher(
    handlers,
    () => ({ session, now: clock() }),
    (method, error) => log(`${method} failed`, error),
  );
  return Promise.resolve({
    call,
    close: async () => {
      sync.stop();
      // A slip half-way to the printer finishes (or times out) before the database closes.
      await printing.stop();
      tillDb.close();
    },
  });
}
