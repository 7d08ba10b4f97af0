import { z } from 'zod';
import type { CentralDb } from '../../../db/central/connect';
import { shopDate, type ShopDate } from '../../../shared/domain/layby/dates';
import { withLateFeeJobLock } from './lock';
import { runFinished, runLateFeeJob, type LateFeeJobSummary } from './run';

// Runs the late-fee job once per shop day, restart-safe: on start and then every few minutes
// each server asks "has today's run finished?" (a layby_job_runs row with finished_at) and
// runs it if not. A run killed half-way left no finished_at, so the next tick simply runs the
// day again; the job is idempotent. Two servers ticking together: the advisory lock lets one
// in, the other reports busy and looks again next tick.

const Settings = z.object({
  LAYBY_LATE_FEE_JOB: z.enum(['on', 'off']).default('on'),
  LAYBY_LATE_FEE_JOB_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
});

export type TickOutcome =
  | { outcome: 'ran'; day: ShopDate; summary: LateFeeJobSummary }
  | { outcome: 'skipped'; day: ShopDate }
  | { outcome: 'busy'; day: ShopDate };

type Log = {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
};

export type SchedulerOptions = {
  clock?: () => Date;
  batchSize?: number;
  log?: Log;
};

/** One look at today: run the job if its run has not finished. For the timer and for tests. */
export async function tickLateFeeJob(
  db: CentralDb,
  { clock = () => new Date(), batchSize }: SchedulerOptions = {},
): Promise<TickOutcome> {
  const day = shopDate(clock());
  if (await runFinished(db, day)) return { outcome: 'skipped', day };
  const locked = await withLateFeeJobLock(db, async () => {
    // Another server may have finished the day between the look and the lock.
    if (await runFinished(db, day)) return null;
    return runLateFeeJob(db, { day, now: clock(), batchSize });
  });
  if (!locked.acquired) return { outcome: 'busy', day };
  return locked.value
    ? { outcome: 'ran', day, summary: locked.value }
    : { outcome: 'skipped', day };
}

export type LateFeeScheduler = {
  /** The tick in progress, if any (tests await it). */
  readonly current: Promise<TickOutcome | null>;
  stop(): Promise<void>;
};

/**
 * Starts the timer (unref'd: it never keeps the process alive) with a first tick now.
 * Off with LAYBY_LATE_FEE_JOB=off (then null); LAYBY_LATE_FEE_JOB_MINUTES sets the period.
 */
export function startLateFeeScheduler(
  db: CentralDb,
  options: SchedulerOptions & { env?: NodeJS.ProcessEnv; intervalMs?: number } = {},
): LateFeeScheduler | null {
  const parsed = Settings.safeParse(options.env ?? process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad server setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const { log } = options;
  if (parsed.data.LAYBY_LATE_FEE_JOB === 'off') {
    log?.info({}, 'layby late-fee job: off (LAYBY_LATE_FEE_JOB=off)');
    return null;
  }
  let current: Promise<TickOutcome | null> = Promise.resolve(null);
  let stopped = false;
  let inFlight = false;
  const tick = () => {
    // A run longer than the period: let it finish rather than queue looks behind it.
    if (inFlight) return;
    inFlight = true;
    current = tickLateFeeJob(db, options).then(
      (result) => {
        if (result.outcome === 'ran') log?.info(result.summary, 'layby late-fee job finished');
        return result;
      },
      (error: unknown) => {
        // A failed run is retried next tick; the batches it finished stay done.
        log?.error({ err: error }, 'layby late-fee job failed');
        return null;
      },
    );
    void current.finally(() => {
      inFlight = false;
    });
  };
  const timer = setInterval(
    () => {
      if (!stopped) tick();
    },
    options.intervalMs ?? parsed.data.LAYBY_LATE_FEE_JOB_MINUTES * 60_000,
  );
  timer.unref();
  tick();
  return {
    get current() {
      return current;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
