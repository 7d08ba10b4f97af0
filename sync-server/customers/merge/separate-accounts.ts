import { and, eq, inArray } from 'drizzle-orm';
import { customerAccountRedirects, customerDivisionAccounts } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import { separateAccounts } from '../../../shared/domain/customers/merge-accounts';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { totalsOf, type AccountsMerge } from './accounts';

// Undoing the account side of a merge.

const a = customerDivisionAccounts;

/** Takes the merged accounts' share back out and reopens them; moved accounts go back. */
export async function separateMergedAccounts(
  tx: CentralTx,
  merge: AccountsMerge,
  mergedId: string,
  survivorId: string,
): Promise<void> {
  for (const entry of merge.combined) {
    const [current] = await tx.select().from(a).where(eq(a.id, entry.survivor.id)).for('update');
    if (!current) throw new Error(`account ${entry.survivor.id} vanished`);
    const split = separateAccounts(
      totalsOf(current),
      totalsOf(entry.survivor),
      totalsOf(entry.merged),
      entry.combined,
    );
    if (!split.ok) throw new AppError('CONFLICT', `${split.field}: ${split.message}`, split.field);
    await tx
      .update(a)
      .set({ ...split.totals, serverSeq: nextServerSeq() })
      .where(eq(a.id, current.id));
    const { status, isActive, inactivatedAt, inactivatedBy, inactivationReason } = entry.merged;
    await tx
      .update(a)
      .set({
        ...totalsOf(entry.merged),
        status,
        isActive,
        inactivatedAt,
        inactivatedBy,
        inactivationReason,
        serverSeq: nextServerSeq(),
      })
      .where(eq(a.id, entry.merged.id));
    await tx
      .delete(customerAccountRedirects)
      .where(eq(customerAccountRedirects.accountId, entry.merged.id));
  }
  if (merge.moved.length > 0) {
    await tx
      .update(a)
      .set({ universalCustomerId: mergedId, serverSeq: nextServerSeq() })
      .where(
        and(
          inArray(
            a.id,
            merge.moved.map((m) => m.id),
          ),
          eq(a.universalCustomerId, survivorId),
        ),
      );
  }
}
