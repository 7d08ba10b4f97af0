import { z } from 'zod';
import { Id } from '../common';
import { NUMBER_SERIES } from '../../domain/enums';

// The sync protocol between tills and the server (ARCHITECTURE.md, "Offline sync").
// Push: named mutations from the till's outbox, in its gap-free sequence order.
// Pull: rows changed after the till's cursor (the server change sequence), in pages.

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 5_000;

export const MutationEnvelope = z.object({
  id: Id,
  seq: z.number().int().positive(),
  name: z.string().min(1).max(64),
  payload: z.unknown(),
  createdAt: z.string(),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export const PushRequest = z.object({
  mutations: z.array(MutationEnvelope).min(1).max(MAX_PUSH_BATCH),
});

export const MUTATION_STATUSES = ['applied', 'rejected', 'flagged'] as const;
export const MutationResult = z.object({
  id: Id,
  seq: z.number().int(),
  status: z.enum(MUTATION_STATUSES),
  reason: z.string().optional(),
  result: z.unknown().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  results: z.array(MutationResult),
  /** Highest outbox seq of this till the server holds; the till may mark all up to it sent. */
  lastAppliedSeq: z.number().int(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).default(1_000),
});

export const PulledChange = z.object({
  entity: z.string(),
  seq: z.number().int(),
  row: z.record(z.string(), z.unknown()),
});
export type PulledChange = z.infer<typeof PulledChange>;

export const PullResponse = z.object({
  changes: z.array(PulledChange),
  /** The cursor to ask from next time: the seq of the last change in this page. */
  cursor: z.number().int(),
  hasMore: z.boolean(),
  /** The newest committed seq the till may see, for progress on a first sync. */
  highWater: z.number().int(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const LeaseRequest = z.object({
  series: z.enum(NUMBER_SERIES),
  /** Division-scoped series (CLO-CUST, LAY-CLO, receipts) or group-wide (UCST). */
  divisionScoped: z.boolean(),
});
export const NumberBlock = z.object({
  id: Id,
  series: z.enum(NUMBER_SERIES),
  businessId: Id.nullable(),
  rangeStart: z.number().int(),
  rangeEnd: z.number().int(),
});
export type NumberBlock = z.infer<typeof NumberBlock>;
