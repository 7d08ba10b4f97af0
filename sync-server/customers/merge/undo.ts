import { and, eq, inArray } from 'drizzle-orm';
import { customerMerges, universalCustomers } from '../../../db/central/schema';
import type { UndoMergeResult } from '../../../shared/contract/head-office/merge';
import { AppError } from '../../../shared/contract/result';
import type { StaffPrincipal } from '../../auth/principal';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { clashMessage, findClash } from '../clashes';
import { writeClocks } from '../clocks';
import { toCustomer } from '../dto';
import { lockCustomer, updateCustomer } from '../store';
import { separateMergedAccounts } from './separate-accounts';
import { restoreChildren } from './children';
import { accountMapOf, RESTORABLE, type MergeImage } from './image';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undoes a merge before its deadline: the merged customer is live again with its accounts,
 * money share and rows; the survivor gets back every value the merge gave it that nobody has
 * changed since. Work recorded on the survivor after the merge stays with the survivor.
 */
export async function undoMerge(
  tx: CentralTx,
  mergeId: string,
  staff: StaffPrincipal,
  now: Date,
): Promise<UndoMergeResult> {
  const [record] = await tx
    .select()
    .from(customerMerges)
    .where(eq(customerMerges.id, mergeId))
    .for('update');
  if (!record) throw new AppError('NOT_FOUND', `mergeId: no merge ${mergeId}`, 'mergeId');
  if (record.undoneAt)
    throw new AppError('CONFLICT', 'mergeId: this merge was already undone', 'mergeId');
  if (now.getTime() > Date.parse(record.undoUntil)) {
    throw new AppError(
      'CONFLICT',
      `mergeId: a merge can be undone until ${new Date(record.undoUntil).toISOString()}`,
      'mergeId',
    );
  }
  const image = record.before as MergeImage;
  const survivor = await lockCustomer(tx, record.survivorId);
  const merged = await lockCustomer(tx, record.mergedId);
  if (!survivor || survivor.mergedIntoId || merged?.mergedIntoId !== survivor.id) {
    throw new AppError(
      'CONFLICT',
      'mergeId: the survivor was merged again since; undo that merge first',
      'mergeId',
    );
  }
  const restore: Record<string, unknown> = {};
  for (const field of RESTORABLE) {
    const after = image.survivorAfter[field];
    if (same(survivor[field], after) && !same(after, image.survivor[field]))
      restore[field] = image.survivor[field];
  }
  const survivorRow =
    Object.keys(restore).length > 0 ? await updateCustomer(tx, survivor.id, restore) : survivor;
  const clash = await findClash(tx, merged, merged.id);
  if (clash)
    throw new AppError('CONFLICT', `The merged customer's ${clashMessage(clash)} now`, clash.field);
  const restored = await updateCustomer(tx, merged.id, { mergedIntoId: null });
  if (image.reparented.length > 0) {
    await tx
      .update(universalCustomers)
      .set({ mergedIntoId: merged.id, serverSeq: nextServerSeq() })
      .where(
        and(
          inArray(universalCustomers.id, image.reparented),
          eq(universalCustomers.mergedIntoId, survivor.id),
        ),
      );
  }
  await separateMergedAccounts(tx, image.accounts, merged.id, survivor.id);
  await restoreChildren(tx, image.children, survivor.id, accountMapOf(image.accounts));
  await writeClocks(tx, survivor.id, Object.keys(restore), {
    at: now.toISOString(),
    tillId: null,
    mutationId: null,
  });
  await tx
    .update(customerMerges)
    .set({ undoneAt: now.toISOString(), undoneBy: staff.userId })
    .where(eq(customerMerges.id, mergeId));
  const result: UndoMergeResult = {
    mergeId,
    survivor: toCustomer(survivorRow),
    restored: toCustomer(restored),
  };
  await writeAudit(tx, {
    entityType: 'customer_merge',
    entityId: mergeId,
    action: 'customer.merge.undo',
    actorUserId: staff.userId,
    before: { survivor: restore },
    after: { restoredCustomerId: merged.id },
  });
  return result;
}
