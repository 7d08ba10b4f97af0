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

const layby = (id: string): EntityRef => ({ entity: 'customer_laybys', id });
const fees = (...ids: (string | null)[]): EntityRef[] =>
  ids.flatMap((id) => (id ? [{ entity: 'customer_layby_fees' as const, id }] : []));

export const mutationTargets: MutationTargets = {
  'customer.create': customer,
  'customer.update': customer,
  'customer.setActive': customer,
  'customer.setBlacklist': customer,
  'customer.link': customer,
  'account.open': account,
  'account.setStatus': account,
  'note.add': (payload) => [{ entity: 'customer_notes', id: payload.id }],
  'layby.create': (p) => [layby(p.id), ...fees(p.serviceFeeId, p.administrationFeeId)],
  'layby.pay': (p) => [layby(p.laybyId), { entity: 'customer_layby_payments', id: p.id }],
  'layby.cancel': (p) => [
    layby(p.laybyId),
    ...fees(p.cancellationFeeId),
    ...(p.refund ? [{ entity: 'customer_layby_payments' as const, id: p.refund.id }] : []),
  ],
  'layby.release': (p) => [layby(p.laybyId)],
  'layby.hold': (p) => [layby(p.laybyId)],
  'layby.resume': (p) => [layby(p.laybyId)],
};
