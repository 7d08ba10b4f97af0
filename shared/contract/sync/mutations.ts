import type { z } from 'zod';
import { customerMutations } from './customer-mutations';
import { laybyMutations } from './layby-mutations';

// Every mutation a till can push: a named command with its payload schema, one file per
// domain area, gathered here. The server re-runs the same shared domain rules on each, so a
// mutation says what the cashier did, never which rows changed.
export const mutationPayloads = {
  ...customerMutations,
  ...laybyMutations,
} as const satisfies Record<string, z.ZodType>;

export type MutationPayloads = typeof mutationPayloads;
export type MutationName = keyof MutationPayloads;
export type MutationPayload<N extends MutationName> = z.output<MutationPayloads[N]>;

export const isMutationName = (name: string): name is MutationName =>
  Object.hasOwn(mutationPayloads, name);
