import type { Result } from '../../shared/contract/result';

// What the Electron main process and the browser-mode host both hold: one till core that
// takes a method name and untrusted input, validates it against the shared contract, checks
// the signed-in staff member's permission, and answers with a Result (never throws).
export type TillCore = {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
};

export type TillCoreOptions = {
  /** Folder for the till's SQLite database and settings. */
  dataDir: string;
  /** Where drizzle's till migrations are (Electron passes its resources path). */
  migrationsFolder?: string;
  clock?: () => Date;
  /** How often the till talks to the server; tests shorten it. */
  syncIntervalMs?: number;
  /**
   * Push each change at once and long-poll for others' while online (default). Tests that
   * stage offline work by simply not syncing turn it off.
   */
  liveSync?: boolean;
};
