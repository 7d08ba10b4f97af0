import type { MutationName, MutationPayload } from '../../shared/contract/sync/mutations';
import type { CentralTx } from './change-sequence';

// How the server applies each named mutation a till pushes: the same shared domain rules
// the till ran, inside the push transaction (which already holds the change-sequence lock,
// so appliers stamp rows with nextServerSeq()).

export type ApplyContext = {
  tillId: string;
  /** The till's division: what it may touch. */
  businessId: string;
  mutationId: string;
  /** When the till recorded it (untrusted for ordering money; kept for the audit). */
  recordedAt: string;
  /** The till's hybrid logical clock stamp, in head office's time; null from older tills. */
  hlc?: string | null;
  now: Date;
};

export type ApplyOutcome =
  | { status: 'applied'; result?: unknown }
  /** Can never apply (e.g. its layby was cancelled elsewhere): kept, reported, queue moves on. */
  | { status: 'rejected'; reason: string }
  /** Applied, but a supervisor must look (e.g. an overpayment). Money facts are never rejected. */
  | { status: 'flagged'; reason: string; result?: unknown };

export type Applier<N extends MutationName> = (
  tx: CentralTx,
  payload: MutationPayload<N>,
  context: ApplyContext,
) => Promise<ApplyOutcome>;

export type Appliers = { [N in MutationName]: Applier<N> };
