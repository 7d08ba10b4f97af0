import type { UniversalCustomerRow } from '../../../db/central/schema';
import type { CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { assertWritable, lockCustomer, updateCustomer } from '../store';
import type { Actor } from './create';

/**
 * DELETE /api/customers/:id is a soft delete: the identity is deactivated with a reason and
 * stays findable, with its accounts, money and history untouched. Never a hard delete.
 * Deactivating an inactive customer changes nothing and writes no audit row.
 */
export async function deactivateCustomer(
  tx: CentralTx,
  id: string,
  reason: string,
  actor: Actor,
): Promise<UniversalCustomerRow> {
  const current = assertWritable(await lockCustomer(tx, id), id);
  if (!current.isActive) return current;
  const row = await updateCustomer(tx, id, { isActive: false });
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.setActive',
    actorUserId: actor.userId,
    tillId: actor.tillId,
    before: { isActive: true },
    after: { isActive: false, reason },
  });
  return row;
}
