import type { EntityRef } from './mutation-targets';

// Which synced row each customer-area mutation writes (see mutation-targets.ts).
const customer = (payload: { id: string }): EntityRef[] => [
  { entity: 'universal_customers', id: payload.id },
];
const account = (payload: { id: string }): EntityRef[] => [
  { entity: 'customer_division_accounts', id: payload.id },
];

export const customerMutationTargets = {
  'customer.create': customer,
  'customer.update': customer,
  'customer.setActive': customer,
  'customer.setBlacklist': customer,
  'customer.link': customer,
  'account.open': account,
  'account.setStatus': account,
  'note.add': (payload: { id: string }): EntityRef[] => [
    { entity: 'customer_notes', id: payload.id },
  ],
};
