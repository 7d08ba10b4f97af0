import { eq } from 'drizzle-orm';
import { universalCustomers } from '../../../db/central/schema';
import type { Applier } from '../../sync/appliers';
import { writeAudit } from '../audit';
import { findClash, UNIQUE_FIELDS, type Clash } from '../clashes';
import { logConflict } from '../conflicts';
import { toCustomer } from '../dto';
import { insertCustomer, loadCustomer } from '../store';
import { actorMay, clockOf, flag, rejected } from './support';

/**
 * customer.create: the till's new row, id and UCST number born there. A unique value another
 * live customer already holds (two tills registered the same person offline) is not a reason
 * to lose the customer the till's later work points at: the row is stored without that value,
 * the value goes to conflict_log and head office is flagged to merge the two.
 */
export const applyCustomerCreate: Applier<'customer.create'> = async (tx, record, context) => {
  if (record.createdBy) {
    const denied = await actorMay(tx, record.createdBy, 'customer.write', context);
    if (denied) return rejected(denied);
  }
  const existing = await loadCustomer(tx, record.id);
  if (existing) {
    return existing.customerNumber === record.customerNumber
      ? { status: 'applied', result: { customerId: existing.id } }
      : rejected(`customer id ${record.id} is already used by ${existing.customerNumber}`);
  }
  const [numbered] = await tx
    .select({ id: universalCustomers.id })
    .from(universalCustomers)
    .where(eq(universalCustomers.customerNumber, record.customerNumber));
  if (numbered) return rejected(`customer number ${record.customerNumber} is already used`);
  const clashes: Clash[] = [];
  for (const field of UNIQUE_FIELDS) {
    const clash = await findClash(tx, { [field]: record[field] }, null);
    if (clash) clashes.push(clash);
  }
  const row = await insertCustomer(tx, {
    ...record,
    ...Object.fromEntries(clashes.map((clash) => [clash.field, null])),
    originTillId: context.tillId,
  });
  for (const clash of clashes) {
    await logConflict(tx, {
      entityType: 'customer',
      entityId: row.id,
      businessId: context.businessId,
      field: clash.field,
      // The row keeps no value; the holder is named in the flag below.
      winner: { value: null, at: clockOf(context).at, tillId: null, mutationId: null },
      loser: { value: record[clash.field], ...clockOf(context) },
    });
  }
  await writeAudit(tx, {
    entityType: 'customer',
    entityId: row.id,
    action: 'customer.create',
    actorUserId: record.createdBy,
    tillId: context.tillId,
    businessId: context.businessId,
    after: toCustomer(row),
  });
  if (clashes.length === 0) return { status: 'applied', result: { customerId: row.id } };
  const reason = clashes.map((c) => `${c.field} already belongs to ${c.customerNumber}`).join('; ');
  await flag(tx, context, {
    kind: 'DUPLICATE_CUSTOMER',
    entityType: 'customer',
    entityId: row.id,
    message: `Likely the same person as an existing customer (${reason}); merge them at head office.`,
    details: { clashes },
  });
  return { status: 'flagged', reason, result: { customerId: row.id } };
};
