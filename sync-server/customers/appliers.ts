import type { customerMutations } from '../../shared/contract/sync/customer-mutations';
import type { Appliers } from '../sync/appliers';
import { applyAccountOpen } from './apply/account-open';
import { applyAccountSetStatus } from './apply/account-status';
import { applyCustomerCreate } from './apply/create';
import { applyFlag } from './apply/flags';
import { applyCustomerLink } from './apply/link';
import { applyNoteAdd } from './apply/note';
import { applyCustomerUpdate } from './apply/update';

// How the server applies the customer area's mutations (shared/contract/sync/customer-
// mutations.ts). Each re-runs the shared rules inside the push transaction, resolves ids a
// merge redirected, and stamps what it writes. resolveCustomerId is exported for other areas'
// appliers (laybys, payments) whose mutations may name a merged customer or account.

export { resolveAccountId, resolveCustomerId } from './resolve';

type CustomerMutationName = keyof typeof customerMutations;

export const customerAppliers: Pick<Appliers, CustomerMutationName> = {
  'customer.create': applyCustomerCreate,
  'customer.update': applyCustomerUpdate,
  'customer.setActive': (tx, payload, context) =>
    applyFlag(
      tx,
      payload,
      {
        action: 'customer.setActive',
        field: 'isActive',
        // Deactivating and reactivating are one power, as at the till.
        permission: 'customer.delete',
        set: { isActive: payload.isActive },
        value: payload.isActive,
        reason: payload.reason,
      },
      context,
    ),
  'customer.setBlacklist': (tx, payload, context) =>
    applyFlag(
      tx,
      payload,
      {
        action: 'customer.setBlacklist',
        field: 'isBlacklisted',
        permission: 'customer.blacklist',
        set: {
          isBlacklisted: payload.isBlacklisted,
          blacklistReason: payload.isBlacklisted ? payload.reason : null,
        },
        value: payload.isBlacklisted,
        reason: payload.reason,
      },
      context,
    ),
  'account.open': applyAccountOpen,
  'account.setStatus': applyAccountSetStatus,
  'customer.link': applyCustomerLink,
  'note.add': applyNoteAdd,
};
