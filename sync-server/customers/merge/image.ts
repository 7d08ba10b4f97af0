import { MERGE_FIELDS } from '../../../shared/domain/customers/merge';
import type { UniversalCustomerRow } from '../../../db/central/schema';
import type { AccountsMerge } from './accounts';
import type { MovedChildren } from './children';

/** What a merge changed, kept in customer_merges.before so the merge can be undone. */
export type MergeImage = {
  survivor: UniversalCustomerRow;
  /** The survivor right after the merge: a field that still equals it was not edited since. */
  survivorAfter: UniversalCustomerRow;
  merged: UniversalCustomerRow;
  /** Customers merged earlier into the merged one, re-pointed to the survivor. */
  reparented: string[];
  accounts: AccountsMerge;
  children: MovedChildren;
};

export const accountMapOf = (accounts: AccountsMerge) =>
  new Map(accounts.combined.map((entry) => [entry.merged.id, entry.survivor.id]));

/** Fields of the survivor a merge may change, and so an undo may put back. */
export const RESTORABLE = [
  ...MERGE_FIELDS,
  'isActive',
  'isBlacklisted',
  'blacklistReason',
] as const satisfies readonly (keyof UniversalCustomerRow)[];
