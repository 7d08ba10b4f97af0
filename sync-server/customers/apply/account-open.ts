import { and, eq } from 'drizzle-orm';
import { customerAccountRedirects, customerDivisionAccounts } from '../../../db/central/schema';
import type { Applier } from '../../sync/appliers';
import { nextServerSeq } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { resolveCustomerId } from '../resolve';
import { actorMay, flag, rejected } from './support';

const a = customerDivisionAccounts;

/**
 * account.open: the till's new account row, its number born at the till, in the till's own
 * division only. Opened offline for a customer merged meanwhile, it lands on the survivor.
 * If the customer already has an account there (merged, or opened on another till too), the
 * till's account is not stored: its id redirects to the existing account, so laybys and
 * payments the till records against it still land, and head office is told.
 */
export const applyAccountOpen: Applier<'account.open'> = async (tx, record, context) => {
  if (record.businessId !== context.businessId) {
    return rejected("account.open names another division than the till's own");
  }
  if (record.createdBy) {
    const denied = await actorMay(tx, record.createdBy, 'customer.write', context);
    if (denied) return rejected(denied);
  }
  const [existing] = await tx.select().from(a).where(eq(a.id, record.id));
  if (existing) {
    return existing.divisionCustomerNumber === record.divisionCustomerNumber
      ? { status: 'applied', result: { accountId: existing.id } }
      : rejected(`account id ${record.id} is already used`);
  }
  const customerId = await resolveCustomerId(tx, record.universalCustomerId);
  if (!customerId) return rejected(`unknown customer ${record.universalCustomerId}`);
  const [held] = await tx
    .select()
    .from(a)
    .where(and(eq(a.universalCustomerId, customerId), eq(a.businessId, record.businessId)));
  if (held) {
    await tx
      .insert(customerAccountRedirects)
      .values({ accountId: record.id, intoAccountId: held.id })
      .onConflictDoNothing();
    // Re-stamped so the till pulls the account its customer really has.
    await tx.update(a).set({ serverSeq: nextServerSeq() }).where(eq(a.id, held.id));
    const reason = `the customer already has account ${held.divisionCustomerNumber} here; ${record.divisionCustomerNumber} was not opened and its work goes there`;
    await flag(tx, context, {
      kind: 'DUPLICATE_ACCOUNT',
      entityType: 'division_account',
      entityId: held.id,
      message: reason,
      details: { tillAccountId: record.id, tillAccountNumber: record.divisionCustomerNumber },
    });
    return { status: 'flagged', reason, result: { accountId: held.id, customerId } };
  }
  const [numbered] = await tx
    .select({ id: a.id })
    .from(a)
    .where(
      and(
        eq(a.businessId, record.businessId),
        eq(a.divisionCustomerNumber, record.divisionCustomerNumber),
      ),
    );
  if (numbered) return rejected(`account number ${record.divisionCustomerNumber} is already used`);
  const values = { ...record, universalCustomerId: customerId, originTillId: context.tillId };
  await tx.insert(a).values({ ...values, serverSeq: nextServerSeq() });
  await writeAudit(tx, {
    entityType: 'division_account',
    entityId: record.id,
    action: 'account.open',
    actorUserId: record.createdBy,
    tillId: context.tillId,
    businessId: context.businessId,
    after: values,
  });
  return { status: 'applied', result: { accountId: record.id, customerId } };
};
