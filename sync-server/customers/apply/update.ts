import { applyCustomerChanges } from '../../../shared/domain/customers/validate';
import type { Applier } from '../../sync/appliers';
import { changedFields, writeAudit } from '../audit';
import { clashMessage, findClash } from '../clashes';
import { readClocks, writeClocks } from '../clocks';
import { logConflict } from '../conflicts';
import { toCustomerFields } from '../dto';
import { resolveCustomerId } from '../resolve';
import { lockCustomer, updateCustomer } from '../store';
import { mergeFields } from './field-merge';
import { actorMay, clockOf, rejected } from './support';

/**
 * customer.update: merged field by field with what the server holds (field-merge.ts), the
 * shared name rules run again on the result. The row is re-stamped even when the till lost
 * every field, so the till pulls the winning values back.
 */
export const applyCustomerUpdate: Applier<'customer.update'> = async (tx, payload, context) => {
  const denied = await actorMay(tx, payload.actorUserId, 'customer.write', context);
  if (denied) return rejected(denied);
  const id = await resolveCustomerId(tx, payload.id);
  const row = id ? await lockCustomer(tx, id) : undefined;
  if (!row) return rejected(`unknown customer ${payload.id}`);
  const clock = clockOf(context);
  const fields = Object.keys(payload.changes);
  const merge = mergeFields(row, payload.changes, await readClocks(tx, row.id, fields), clock);
  const before = toCustomerFields(row);
  const checked = applyCustomerChanges(before, merge.accepted);
  if (!checked.ok) {
    const issue = checked.issues[0];
    return rejected(
      `${issue?.field ?? 'name'}: ${issue?.message ?? 'invalid'} after merging with other edits`,
    );
  }
  const diff = changedFields(before, checked.fields);
  const clash = await findClash(tx, diff.after, row.id);
  if (clash) return rejected(clashMessage(clash));
  await updateCustomer(tx, row.id, diff.after);
  await writeClocks(tx, row.id, Object.keys(merge.accepted), clock);
  for (const conflict of merge.conflicts) {
    await logConflict(tx, {
      ...conflict,
      entityType: 'customer',
      entityId: row.id,
      businessId: context.businessId,
    });
  }
  if (Object.keys(diff.after).length > 0) {
    await writeAudit(tx, {
      entityType: 'customer',
      entityId: row.id,
      action: 'customer.update',
      actorUserId: payload.actorUserId,
      tillId: context.tillId,
      businessId: context.businessId,
      ...diff,
    });
  }
  const conflicts = merge.conflicts.map((c) => ({
    field: c.field,
    tillWon: c.winner.tillId === context.tillId && c.winner.mutationId === context.mutationId,
  }));
  return {
    status: 'applied',
    result: { customerId: row.id, applied: Object.keys(diff.after), conflicts },
  };
};
