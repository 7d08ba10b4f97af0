import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';
import { universalCustomers } from './customers';
import { customerDivisionAccounts } from './accounts';
import { at } from './columns';

// Head-office bookkeeping for duplicate merges and concurrent edits. None of these tables is
// synced: tills learn of a merge through the customer rows themselves (mergedIntoId).

// One merge of a duplicate into its survivor, with the rows as they were before it, so the
// merge can be undone until undoUntil (the close of the next business day).
export const customerMerges = pgTable(
  'customer_merges',
  {
    id: uuid('id').primaryKey(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => universalCustomers.id),
    mergedId: uuid('merged_id')
      .notNull()
      .references(() => universalCustomers.id),
    fieldChoices: jsonb('field_choices').$type<Record<string, 'survivor' | 'merged'>>().notNull(),
    // Before images of every row the merge changed; see sync-server/customers/merge.
    before: jsonb('before').notNull(),
    mergedBy: uuid('merged_by').references(() => users.id),
    mergedAt: at('merged_at').notNull().defaultNow(),
    undoUntil: at('undo_until').notNull(),
    undoneAt: at('undone_at'),
    undoneBy: uuid('undone_by').references(() => users.id),
  },
  (t) => [
    index('customer_merges_survivor_idx').on(t.survivorId),
    index('customer_merges_merged_idx').on(t.mergedId),
  ],
);

// An account id that now stands for another account: two accounts of one division became one
// in a merge, or a till opened an account offline for a customer who already had one there
// (merged meanwhile, or opened on another till). Work a till still records against the old
// id lands on the surviving account. No foreign key on accountId: in the second case the
// till's account was never stored, only its id lives on here.
export const customerAccountRedirects = pgTable(
  'customer_account_redirects',
  {
    accountId: uuid('account_id').primaryKey(),
    intoAccountId: uuid('into_account_id')
      .notNull()
      .references(() => customerDivisionAccounts.id),
    // Null when the redirect came from a till's offline account.open, not a merge.
    mergeId: uuid('merge_id').references(() => customerMerges.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('customer_account_redirects_merge_idx').on(t.mergeId)],
);

// Who last wrote each identity field and when, by hybrid logical clock: when two tills edit
// the same field, the later clock wins whatever order the pushes arrive in.
export const customerFieldClocks = pgTable(
  'customer_field_clocks',
  {
    customerId: uuid('customer_id')
      .notNull()
      .references(() => universalCustomers.id),
    field: text('field').notNull(),
    hlc: text('hlc').notNull(),
    // Null for head office.
    tillId: uuid('till_id'),
    mutationId: uuid('mutation_id'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'customer_field_clocks_pkey', columns: [t.customerId, t.field] })],
);

export type CustomerMergeRow = typeof customerMerges.$inferSelect;
export type CustomerFieldClockRow = typeof customerFieldClocks.$inferSelect;
