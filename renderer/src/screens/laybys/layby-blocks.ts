import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import { customerBlocks } from '../../../../shared/domain/customers/eligibility';

/**
 * Why this customer may not open a layby here, by the rule laybys:create applies: a customer
 * with no account at this division is not blocked, since the till opens one with the layby.
 */
export function laybyBlocks(profile: CustomerProfile, businessId: string | null): string[] {
  const own = profile.accounts.find((a) => a.detail === 'full' && a.businessId === businessId);
  const account =
    own && own.detail === 'full'
      ? own
      : { status: 'ACTIVE' as const, allowLayby: true, allowCredit: true };
  return customerBlocks(profile.customer, account).layby;
}
