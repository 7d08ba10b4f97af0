import type { SyncedEntity } from './entities';
import type { MutationName, MutationPayload } from './mutations';

export type EntityRef = { entity: SyncedEntity; id: string };

// Which synced rows each mutation writes. The till uses it to keep pulled server state off
// rows it changed and has not yet pushed; the server re-stamps these rows when it rejects a
// mutation, so the till pulls the authoritative version back.
export type MutationTargets = { [N in MutationName]: (payload: MutationPayload<N>) => EntityRef[] };

const customer = (payload: { id: string }): EntityRef[] => [
  { entity: 'universal_customers', id: payload.id },
];
const account = (payload: { id: string }): EntityRef[] => [
  { entity: 'customer_division_accounts', id: payload.id },
];

export const mutationTargets: MutationTargets = {
  'customer.create': customer,
  'customer.update': customer,
  'customer.setActive': customer,
  'customer.setBlacklist': customer,
  'customer.link': customer,
  'account.open': account,
  'account.setStatus': account,
  'note.add': (payload) => [{ entity: 'customer_notes', id: payload.id }],
};
