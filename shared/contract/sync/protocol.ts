import { z } from 'zod';
import { Id } from '../common';
import { NUMBER_SERIES } from '../../domain/enums';

// The sync protocol between tills and the server (ARCHITECTURE.md, "Offline sync").
// Push: named mutations from the till's outbox, in its gap-free sequence order.
// Pull: rows changed after the till's cursor (the server change sequence), in pages.

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 5_000;
export const MAX_PULL_WAIT_SECONDS = 30;

/** Every server answer carries its clock (ms since the epoch), so tills can measure their offset. */
export const SERVER_TIME_HEADER = 'x-unitill-time';

/** Every till call says how many mutations wait in its outbox: head office's view of tills. */
export const WAITING_HEADER = 'x-unitill-waiting';

export const MutationEnvelope = z.object({
  id: Id,
  seq: z.number().int().positive(),
  name: z.string().min(1).max(64),
  payload: z.unknown(),
  createdAt: z.string(),
  /** Hybrid logical clock stamp (shared/domain/sync/hlc); absent from tills before it. */
  hlc: z.string().max(40).nullish(),
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
  /** Seconds to hold an empty answer until a change arrives (a long-poll); 0 answers at once. */
  wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_SECONDS).default(0),
  /**
   * 'columns': the page's rows as arrays under their tables' column names (tables + rows
   * below) instead of one object per change: half the bytes of a first sync to build, send
   * and parse. A server from before it ignores the question and answers with changes.
   */
  shape: z.enum(['changes', 'columns']).default('changes'),
});

// A pulled row: any JSON object. Checked as one rather than key by key: z.record copied every
// row of a first sync (a million of them, 15 µs each) to accept exactly the same objects.
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const PulledChange = z.object({
  entity: z.string(),
  seq: z.number().int(),
  row: z.custom<Record<string, unknown>>(isJsonObject, 'row must be an object'),
});
export type PulledChange = z.infer<typeof PulledChange>;

const isArrayOfArrays = (value: unknown): value is unknown[][] =>
  Array.isArray(value) && value.every(Array.isArray);

export const PulledTable = z.object({ entity: z.string(), columns: z.array(z.string()) });
export type PulledTable = z.infer<typeof PulledTable>;

export const PullResponse = z.object({
  changes: z.array(PulledChange),
  /** shape=columns: the tables `rows` refer to, by position, each with its column names. */
  tables: z.array(PulledTable).optional(),
  /** shape=columns: [table position, seq, ...the row's values in its table's column order]. */
  rows: z.custom<unknown[][]>(isArrayOfArrays, 'rows must be arrays').optional(),
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
