import { eq, inArray } from 'drizzle-orm';
import {
  customerDivisionAccounts,
  type CustomerDivisionAccountRow,
} from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import {
  combineAccounts,
  type AccountTotals,
} from '../../../shared/domain/customers/merge-accounts';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import type { Divisions } from '../divisions';

// Division accounts in a merge: an account only the merged customer had moves to the
// survivor; two accounts in one division become one (the survivor's), the other is closed
// with its money and points moved over and a redirect left behind.

export type CombinedAccount = {
  survivor: CustomerDivisionAccountRow;
  merged: CustomerDivisionAccountRow;
  combined: AccountTotals;
};
export type AccountsMerge = {
  combined: CombinedAccount[];
  moved: { id: string; businessId: string }[];
};

const a = customerDivisionAccounts;

export const totalsOf = (row: CustomerDivisionAccountRow): AccountTotals => ({
  currency: row.currency,
  currentBalanceCents: row.currentBalanceCents,
  totalSpentCents: row.totalSpentCents,
  creditLimitCents: row.creditLimitCents,
  availableCreditCents: row.availableCreditCents,
  loyaltyPoints: row.loyaltyPoints,
  loyaltyTier: row.loyaltyTier,
  allowCredit: row.allowCredit,
  paymentTermsDays: row.paymentTermsDays,
  firstPurchaseDate: row.firstPurchaseDate,
  lastPurchaseDate: row.lastPurchaseDate,
  lastContactDate: row.lastContactDate,
});

const emptied = {
  currentBalanceCents: 0,
  totalSpentCents: 0,
  creditLimitCents: 0,
  availableCreditCents: 0,
  loyaltyPoints: 0,
};

export async function mergeAccounts(
  tx: CentralTx,
  ids: { survivorId: string; mergedId: string; actorUserId: string },
  divisions: Divisions,
  now: Date,
): Promise<AccountsMerge> {
  const rows = await tx
    .select()
    .from(a)
    .where(inArray(a.universalCustomerId, [ids.survivorId, ids.mergedId]))
    .for('update');
  const result: AccountsMerge = { combined: [], moved: [] };
  for (const merged of rows.filter((row) => row.universalCustomerId === ids.mergedId)) {
    const survivor = rows.find(
      (row) => row.universalCustomerId === ids.survivorId && row.businessId === merged.businessId,
    );
    if (!survivor) {
      await tx
        .update(a)
        .set({ universalCustomerId: ids.survivorId, serverSeq: nextServerSeq() })
        .where(eq(a.id, merged.id));
      result.moved.push({ id: merged.id, businessId: merged.businessId });
      continue;
    }
    const combined = combineAccounts(totalsOf(survivor), totalsOf(merged));
    if (!combined.ok) {
      const code = divisions.byId.get(merged.businessId)?.code ?? '';
      throw new AppError('CONFLICT', `mergedId: ${code} ${combined.message}`, 'mergedId');
    }
    await tx
      .update(a)
      .set({ ...combined.totals, serverSeq: nextServerSeq() })
      .where(eq(a.id, survivor.id));
    await tx
      .update(a)
      .set({
        ...emptied,
        status: 'CLOSED',
        isActive: false,
        inactivatedAt: now.toISOString(),
        inactivatedBy: ids.actorUserId,
        inactivationReason: `Merged into ${survivor.divisionCustomerNumber}`,
        serverSeq: nextServerSeq(),
      })
      .where(eq(a.id, merged.id));
    result.combined.push({ survivor, merged, combined: combined.totals });
  }
  return result;
}
