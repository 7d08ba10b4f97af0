import type { TillDb } from '../../../db/till/connect';
import type { CustomerProfile } from '../../../shared/contract/till/customer-profile';
import { customerBlocks } from '../../../shared/domain/customers/eligibility';
import type { Currency } from '../../../shared/money/money';
import { toAccountTotals, toAccountView } from './account-rows';
import { AUDIT_ENTITIES } from './audit';
import { loadAccounts, loadAudit, loadLaybys, loadNotes, loadOrders } from './profile-queries';
import { resolveCustomer, toCustomerView } from './rows';
import { isHeadOffice, type Actor } from './scope';

const OWED_LAYBY_STATUSES = new Set(['ACTIVE', 'ON_HOLD', 'DEFAULTED']);

/**
 * The 360° profile. This division's account in full; other divisions' only as totals, unless
 * head office asks (a cashier in clothing has no business reading hardware's credit terms).
 */
export function getProfile(db: TillDb, id: string, actor: Actor): CustomerProfile {
  return db.transaction((tx) => {
    const { row, redirectedFrom } = resolveCustomer(tx, id);
    const accounts = loadAccounts(tx, row.id);
    const own = accounts.find((a) => a.row.businessId === actor.scope.businessId)?.row ?? null;
    const seeAll = isHeadOffice(actor.staff);
    const laybys = loadLaybys(tx, row.id);
    const notes = loadNotes(tx, row.id, actor.staff.id);
    const owed = new Map<Currency, number>();
    const owe = (currency: Currency, cents: number) =>
      owed.set(currency, (owed.get(currency) ?? 0) + cents);
    for (const { row: account } of accounts) owe(account.currency, account.currentBalanceCents);
    for (const layby of laybys)
      if (OWED_LAYBY_STATUSES.has(layby.status)) owe(layby.currency, layby.balanceRemainingCents);
    return {
      customer: toCustomerView(row),
      redirectedFrom,
      accounts: accounts.map(({ row: account, division }) =>
        seeAll || account.businessId === actor.scope.businessId
          ? toAccountView(account, division)
          : toAccountTotals(account, division),
      ),
      balances: [...owed]
        .filter(([, cents]) => cents !== 0)
        .map(([currency, owedCents]) => ({ currency, owedCents })),
      laybys,
      recentOrders: loadOrders(tx, row.id),
      notes,
      blocks: customerBlocks(row, own),
      audit: loadAudit(tx, [
        { entityType: AUDIT_ENTITIES.customer, ids: [row.id] },
        { entityType: AUDIT_ENTITIES.account, ids: accounts.map((a) => a.row.id) },
        { entityType: AUDIT_ENTITIES.note, ids: notes.map((n) => n.id) },
      ]),
    };
  });
}
