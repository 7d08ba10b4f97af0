import { z } from 'zod';
import { Division } from '../common';
import { Empty, method } from './method';

export const TillStatus = z.object({
  enrolled: z.boolean(),
  tillId: z.string().nullable(),
  tillName: z.string().nullable(),
  division: Division.nullable(),
  serverUrl: z.string().nullable(),
  staffCount: z.number().int(),
  lastSyncAt: z.string().nullable(),
  serverReachable: z.boolean(),
  /** Changes made here that the server has not confirmed yet. */
  pendingMutations: z.number().int(),
  offlineSince: z.string().nullable(),
  /** Offline for more than 24 hours: the till warns a supervisor. */
  offlineOverADay: z.boolean(),
  lastSyncError: z.string().nullable(),
  /**
   * Money events and sync refusals head office flagged for this division and nobody has
   * resolved yet (an overpaid layby, a payment after a cancellation…): a supervisor's to-do.
   */
  openFlags: z.object({
    count: z.number().int(),
    /** The newest few, for the status bar's list. */
    latest: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        message: z.string(),
        createdAt: z.string(),
      }),
    ),
  }),
  /** Progress of the current or last pull (a first sync pulls every customer). */
  pull: z
    .object({
      /** Rows written by this pull so far. */
      applied: z.number().int(),
      /** Estimated rows this pull writes in all (from the cursor, highWater and the rate so far). */
      expected: z.number().int(),
      cursor: z.number().int(),
      highWater: z.number().int(),
      /** 0–100; a first sync counts from its start, across restarts. */
      percent: z.number().min(0).max(100),
      /** Estimated seconds left; null while there is no rate yet (or while indexing). */
      etaSeconds: z.number().int().nullable(),
      /** A new till's first sync (snapshot) is running: names are searchable once it is in. */
      firstSync: z.boolean(),
      phase: z.enum(['pulling', 'indexing', 'done']),
    })
    .nullable(),
});
export type TillStatus = z.infer<typeof TillStatus>;

export const tillMethods = {
  'till:status': method({ input: Empty, output: TillStatus, permission: null }),
  'till:enroll': method({
    input: z.object({
      serverUrl: z.string().url({ message: 'must be a URL such as http://head-office:4300' }),
      code: z
        .string()
        .trim()
        .regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/, { message: 'must look like ABCD-1234' }),
      tillName: z.string().trim().min(1, { message: 'is required' }).max(60),
    }),
    output: TillStatus,
    permission: null,
  }),
  // Harmless to anyone at the till, and needed before sign-in to fetch a fresh staff list.
  'sync:now': method({ input: Empty, output: TillStatus, permission: null }),
} as const;
