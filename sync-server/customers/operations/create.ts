import type { UniversalCustomerRow } from '../../../db/central/schema';
import type { CustomerFields } from '../../../shared/domain/customers/validate';
import { uuidv7 } from '../../../shared/ids';
import type { CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { assertLinkTargets, assertNoClash } from '../clashes';
import { toCustomer } from '../dto';
import { nextCustomerNumber } from '../numbers';
import { insertCustomer } from '../store';

export type Actor = { userId: string | null; tillId: string | null };

/** A customer registered at head office: numbered from head office's own block, audited. */
export async function createCustomer(
  tx: CentralTx,
  fields: CustomerFields,
  actor: Actor,
  extra: { source?: string; createdAt?: string } = {},
): Promise<UniversalCustomerRow> {
  await assertLinkTargets(tx, fields);
  await assertNoClash(tx, fields, null);
  const row = await insertCustomer(tx, {
    id: uuidv7(),
    customerNumber: await nextCustomerNumber(tx),
    ...fields,
    source: fields.source ?? extra.source ?? 'head-office',
    createdBy: actor.userId,
    ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
  });
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'customer.create',
    actorUserId: actor.userId,
    tillId: actor.tillId,
    after: toCustomer(row),
  });
  return row;
}
