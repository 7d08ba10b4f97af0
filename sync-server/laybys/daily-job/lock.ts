import pg from 'pg';
import type { CentralDb } from '../../../db/central/connect';

// Only one server may run the late-fee job at a time. Several stateless servers share one
// PostgreSQL, so the guard is a session advisory lock there: held on a connection of its own
// for the whole run, and released by PostgreSQL itself if that server dies mid-run (the next
// tick anywhere then reruns the day, which is safe). Keys in use: 7_318_004_211 migrations,
// 7_318_004_212 the change sequence, this one the late-fee job.
export const LATE_FEE_JOB_LOCK = 7_318_004_213;

// Within one process the scheduler and POST …/run share the database handle: a second caller
// is turned away here before it could reach for the lock (PGlite has one session, in which
// an advisory lock would not exclude anything).
const running = new WeakSet<object>();

export type Locked<T> = { acquired: true; value: T } | { acquired: false };

/** Runs `work` holding the job lock, or answers { acquired: false } at once when it is held. */
export async function withLateFeeJobLock<T>(
  db: CentralDb,
  work: () => Promise<T>,
): Promise<Locked<T>> {
  if (running.has(db)) return { acquired: false };
  running.add(db);
  try {
    const pool = poolOf(db);
    // PGlite: one embedded database owned by this process, so the in-process guard is all.
    if (!pool) return { acquired: true, value: await work() };
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1) as locked',
        [LATE_FEE_JOB_LOCK],
      );
      if (!rows[0]?.locked) return { acquired: false };
      try {
        return { acquired: true, value: await work() };
      } finally {
        await client
          .query('select pg_advisory_unlock($1)', [LATE_FEE_JOB_LOCK])
          .catch((error: unknown) => {
            // Destroying the connection ends the session, which frees the lock just as well.
            broken = error instanceof Error ? error : new Error(String(error));
          });
      }
    } finally {
      client.release(broken);
    }
  } finally {
    running.delete(db);
  }
}

/** The node-postgres pool behind a drizzle database, or null for PGlite. */
function poolOf(db: CentralDb): pg.Pool | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof pg.Pool ? client : null;
}
