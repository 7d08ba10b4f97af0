import type { UniversalCustomerRow } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import type { CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { assertLinkTargets, findClash } from '../clashes';
import { writeClocks } from '../clocks';
import { assertWritable, lockCustomer, updateCustomer } from '../store';
import type { Actor } from './create';

export type LinkField = 'linkedUserId' | 'linkedEmployeeId';

/**
 * Links a customer to a staff login or an employee record (null unlinks). Each login and
 * employee belongs to one live customer at most: a second link is a 409 naming `bodyField`.
 */
export async function linkCustomer(
  tx: CentralTx,
  id: string,
  link: { field: LinkField; value: string | null; bodyField: string },
  actor: Actor,
  now: Date,
): Promise<UniversalCustomerRow> {
  const current = assertWritable(await lockCustomer(tx, id), id);
  if (current[link.field] === link.value) return current;
  const values = { [link.field]: link.value };
  try {
    await assertLinkTargets(tx, values);
  } catch (error) {
    if (error instanceof AppError)
      throw new AppError(error.code, `${link.bodyField}: not found`, link.bodyField);
    throw error;
  }
  const clash = await findClash(tx, values, id);
  if (clash) {
    throw new AppError(
      'CONFLICT',
      `${link.bodyField}: already linked to customer ${clash.customerNumber}`,
      link.bodyField,
    );
  }
  const row = await updateCustomer(tx, id, values);
  await writeClocks(tx, id, [link.field], {
    at: now.toISOString(),
    tillId: actor.tillId,
    mutationId: null,
  });
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: id,
    action: 'customer.link',
    actorUserId: actor.userId,
    tillId: actor.tillId,
    before: { [link.field]: current[link.field] },
    after: values,
  });
  return row;
}
