import type { UniversalCustomerRow } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import {
  applyCustomerChanges,
  type CustomerChanges,
} from '../../../shared/domain/customers/validate';
import type { CentralTx } from '../../sync/change-sequence';
import { changedFields, writeAudit } from '../audit';
import { assertNoClash } from '../clashes';
import { writeClocks } from '../clocks';
import { toCustomerFields } from '../dto';
import { assertWritable, lockCustomer, updateCustomer } from '../store';
import type { Actor } from './create';

/**
 * PUT /api/customers/:id: the fields sent replace the stored ones (head office's edit is
 * the latest word), re-checked with the shared name rules and the unique fields. The field
 * clocks move to now, so a till's older offline edit of the same field loses to this one.
 */
export async function updateCustomerFields(
  tx: CentralTx,
  id: string,
  changes: CustomerChanges,
  actor: Actor,
  now: Date,
): Promise<UniversalCustomerRow> {
  const current = assertWritable(await lockCustomer(tx, id), id);
  const before = toCustomerFields(current);
  const result = applyCustomerChanges(before, changes);
  if (!result.ok) {
    const issue = result.issues[0];
    throw new AppError('INVALID_INPUT', `${issue?.field}: ${issue?.message}`, issue?.field);
  }
  const diff = changedFields(before, result.fields);
  const fields = Object.keys(diff.after);
  if (fields.length === 0) return current;
  await assertNoClash(tx, diff.after, id);
  const row = await updateCustomer(tx, id, diff.after);
  await writeClocks(tx, id, fields, {
    at: now.toISOString(),
    tillId: actor.tillId,
    mutationId: null,
  });
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.update',
    actorUserId: actor.userId,
    tillId: actor.tillId,
    ...diff,
  });
  return row;
}
