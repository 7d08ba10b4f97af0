import { eq } from 'drizzle-orm';
import {
  customerAccountRedirects,
  customerMerges,
  universalCustomers,
  type UniversalCustomerRow,
} from '../../../db/central/schema';
import type { MergeRequest, MergeResult } from '../../../shared/contract/head-office/merge';
import { AppError } from '../../../shared/contract/result';
import { mergeIdentity } from '../../../shared/domain/customers/merge';
import { uuidv7 } from '../../../shared/ids';
import type { StaffPrincipal } from '../../auth/principal';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { changedFields, writeAudit } from '../audit';
import { assertNoClash } from '../clashes';
import { writeClocks } from '../clocks';
import type { Divisions } from '../divisions';
import { toCustomer, toCustomerFields } from '../dto';
import { lockCustomer, updateCustomer } from '../store';
import { mergeAccounts } from './accounts';
import { moveChildren } from './children';
import { undoDeadline } from './deadline';
import { accountMapOf, type MergeImage } from './image';

function assertLive(
  row: UniversalCustomerRow | undefined,
  field: string,
  id: string,
): UniversalCustomerRow {
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `${field}: no customer ${id}`, field);
  if (row.mergedIntoId)
    throw new AppError('CONFLICT', `${field}: already merged into ${row.mergedIntoId}`, field);
  return row;
}

/**
 * Merges a duplicate into its survivor in the caller's transaction: the chosen identity
 * values onto the survivor, every account, layby, payment, note, communication, order,
 * credit application and statement moved over, the merged record left as a redirect.
 */
export async function mergeCustomers(
  tx: CentralTx,
  request: MergeRequest,
  staff: StaffPrincipal,
  divisions: Divisions,
  now: Date,
): Promise<MergeResult> {
  const survivor = assertLive(
    await lockCustomer(tx, request.survivorId),
    'survivorId',
    request.survivorId,
  );
  const merged = assertLive(await lockCustomer(tx, request.mergedId), 'mergedId', request.mergedId);
  const identity = mergeIdentity(
    toCustomerFields(survivor),
    toCustomerFields(merged),
    request.fieldChoices,
  );
  if (!identity.ok) {
    const issue = identity.issues[0];
    const field = `fieldChoices.${issue?.field ?? ''}`;
    throw new AppError(
      'INVALID_INPUT',
      `${field}: the merged customer would have no valid name (${issue?.message ?? ''})`,
      field,
    );
  }
  // The merged record stops being live first, so its unique values can move to the survivor.
  await updateCustomer(tx, merged.id, { mergedIntoId: survivor.id });
  const reparented = await tx
    .update(universalCustomers)
    .set({ mergedIntoId: survivor.id, serverSeq: nextServerSeq() })
    .where(eq(universalCustomers.mergedIntoId, merged.id))
    .returning({ id: universalCustomers.id });
  const changes = Object.fromEntries(
    identity.changed.map((field) => [field, identity.fields[field]]),
  );
  await assertNoClash(tx, changes, survivor.id);
  const survivorAfter = await updateCustomer(tx, survivor.id, {
    ...changes,
    isActive: survivor.isActive || merged.isActive,
    isBlacklisted: survivor.isBlacklisted || merged.isBlacklisted,
    blacklistReason: survivor.blacklistReason ?? merged.blacklistReason,
  });
  await writeClocks(tx, survivor.id, identity.changed, {
    at: now.toISOString(),
    tillId: null,
    mutationId: null,
  });
  const ids = { survivorId: survivor.id, mergedId: merged.id, actorUserId: staff.userId };
  const accounts = await mergeAccounts(tx, ids, divisions, now);
  const children = await moveChildren(tx, merged.id, survivor.id, accountMapOf(accounts));
  const image: MergeImage = {
    survivor,
    survivorAfter,
    merged,
    reparented: reparented.map((r) => r.id),
    accounts,
    children,
  };
  const mergeId = uuidv7(now.getTime());
  const undoUntil = undoDeadline(now).toISOString();
  await tx.insert(customerMerges).values({
    id: mergeId,
    survivorId: survivor.id,
    mergedId: merged.id,
    fieldChoices: request.fieldChoices,
    before: image,
    mergedBy: staff.userId,
    mergedAt: now.toISOString(),
    undoUntil,
  });
  for (const entry of accounts.combined) {
    await tx
      .insert(customerAccountRedirects)
      .values({ accountId: entry.merged.id, intoAccountId: entry.survivor.id, mergeId });
  }
  const codeOf = (businessId: string) => divisions.byId.get(businessId)?.code ?? '?';
  const result: MergeResult = {
    mergeId,
    survivor: toCustomer(survivorAfter),
    mergedId: merged.id,
    undoUntil,
    combinedAccounts: accounts.combined.map((entry) => codeOf(entry.survivor.businessId)),
    movedAccounts: accounts.moved.map((entry) => codeOf(entry.businessId)),
    moved: Object.fromEntries(Object.entries(children).map(([key, rows]) => [key, rows.length])),
  };
  const audit = { actorUserId: staff.userId, action: 'customer.merge' } as const;
  await writeAudit(tx, {
    ...audit,
    entityType: 'customer',
    entityId: survivor.id,
    ...changedFields(survivor, survivorAfter),
  });
  await writeAudit(tx, {
    ...audit,
    entityType: 'customer',
    entityId: merged.id,
    before: { mergedIntoId: null },
    after: { mergedIntoId: survivor.id },
  });
  await writeAudit(tx, {
    ...audit,
    entityType: 'customer_merge',
    entityId: mergeId,
    after: { ...result, fieldChoices: request.fieldChoices },
  });
  return result;
}
