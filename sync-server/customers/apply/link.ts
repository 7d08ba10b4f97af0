import type { Applier } from '../../sync/appliers';
import { writeAudit } from '../audit';
import { assertLinkTargets, clashMessage, findClash } from '../clashes';
import { readClocks, writeClocks } from '../clocks';
import { logConflict } from '../conflicts';
import { resolveCustomerId } from '../resolve';
import { lockCustomer, updateCustomer } from '../store';
import { mergeFields } from './field-merge';
import { actorMay, clockOf, rejected } from './support';

/**
 * customer.link: the same field-by-field merge as an edit. A login or employee already
 * linked to another live customer can never apply here: rejected, and the till pulls back.
 */
export const applyCustomerLink: Applier<'customer.link'> = async (tx, payload, context) => {
  const denied = await actorMay(tx, payload.actorUserId, 'customer.link', context);
  if (denied) return rejected(denied);
  const id = await resolveCustomerId(tx, payload.id);
  const row = id ? await lockCustomer(tx, id) : undefined;
  if (!row) return rejected(`unknown customer ${payload.id}`);
  const clock = clockOf(context);
  const fields = Object.keys(payload.changes);
  const merge = mergeFields(row, payload.changes, await readClocks(tx, row.id, fields), clock);
  const accepted = merge.accepted as {
    linkedUserId?: string | null;
    linkedEmployeeId?: string | null;
  };
  try {
    await assertLinkTargets(tx, accepted);
  } catch (error) {
    return rejected(error instanceof Error ? error.message : String(error));
  }
  const clash = await findClash(tx, accepted, row.id);
  if (clash) return rejected(clashMessage(clash));
  await updateCustomer(tx, row.id, accepted);
  await writeClocks(tx, row.id, Object.keys(accepted), clock);
  for (const conflict of merge.conflicts) {
    await logConflict(tx, {
      ...conflict,
      entityType: 'customer',
      entityId: row.id,
      businessId: context.businessId,
    });
  }
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'customer.link',
    actorUserId: payload.actorUserId,
    tillId: context.tillId,
    businessId: context.businessId,
    before: Object.fromEntries(
      Object.keys(accepted).map((f) => [f, row[f as keyof typeof accepted]]),
    ),
    after: accepted,
  });
  return { status: 'applied', result: { customerId: row.id, applied: Object.keys(accepted) } };
};
