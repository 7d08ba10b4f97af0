// The tables a till receives through the pull, by their SQL name (the same in both
// databases), and which rows of each a till may see. Customer identities are group-wide so
// any till can find anyone; money and accounts stay within the till's division.
export const SYNCED_ENTITIES = {
  universal_customers: 'all',
  exchange_rates: 'all',
  customer_division_accounts: 'division',
  customer_laybys: 'division',
  customer_layby_payments: 'division',
  customer_layby_fees: 'division',
  layby_rules: 'division',
  customer_payments: 'division',
  customer_credits: 'division',
  products: 'division',
  business_orders: 'division',
  business_order_lines: 'division',
  flagged_events: 'division',
  // Notes and communications with no division are group-wide.
  customer_notes: 'division-or-group',
  customer_communications: 'division-or-group',
} as const;

export type SyncedEntity = keyof typeof SYNCED_ENTITIES;

/**
 * The tables whose deleted rows (tombstones) head office purges once they are older than the
 * tombstone window: no other row refers to theirs. Every other deletion in Unitill stays a
 * stamped tombstone for good (a merged or deactivated customer, an account: history points
 * at them). A till sent back to download again clears these and pulls them afresh.
 */
export const PURGEABLE_ENTITIES = [
  'customer_notes',
  'customer_communications',
] as const satisfies readonly SyncedEntity[];
export type EntityScope = (typeof SYNCED_ENTITIES)[SyncedEntity];
export const SYNCED_ENTITY_NAMES = Object.keys(SYNCED_ENTITIES) as SyncedEntity[];

export const isSyncedEntity = (name: string): name is SyncedEntity =>
  Object.hasOwn(SYNCED_ENTITIES, name);
