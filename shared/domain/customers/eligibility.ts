import type { CustomerAccountStatus } from '../enums';
import { BLOCKING_STATUSES } from './accounts';

// Whether a customer may start a new layby or take credit at this division, and why not. The
// layby and credit services refuse on these; the profile shows them as alerts.

type Identity = { isActive: boolean; isBlacklisted: boolean; blacklistReason: string | null };
type Account = { status: CustomerAccountStatus; allowLayby: boolean; allowCredit: boolean };

export type Blocks = { layby: string[]; credit: string[] };

export function customerBlocks(customer: Identity, account: Account | null): Blocks {
  const both: string[] = [];
  if (customer.isBlacklisted) {
    both.push(`Blacklisted${customer.blacklistReason ? `: ${customer.blacklistReason}` : ''}`);
  }
  if (!customer.isActive) both.push('Customer is deactivated');
  if (account === null) {
    return {
      layby: [...both, 'No account with this division'],
      credit: [...both, 'No account with this division'],
    };
  }
  if (BLOCKING_STATUSES.includes(account.status))
    both.push(`Account is ${account.status.toLowerCase()}`);
  return {
    layby: account.allowLayby ? both : [...both, 'Laybys are not allowed on this account'],
    credit: account.allowCredit ? both : [...both, 'Credit is not allowed on this account'],
  };
}
