import { eq } from 'drizzle-orm';
import { customerDivisionAccounts, customerNotes } from '../../../db/central/schema';
import { needsAlertPermission } from '../../../shared/domain/customers/notes';
import type { Applier } from '../../sync/appliers';
import { nextServerSeq } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { resolveAccountId, resolveCustomerId } from '../resolve';
import { actorMay, rejected } from './support';

/** note.add: append-only; lands on the survivor when the customer was merged meanwhile. */
export const applyNoteAdd: Applier<'note.add'> = async (tx, note, context) => {
  const permission = needsAlertPermission(note) ? 'customer.alert' : 'customer.write';
  const denied = await actorMay(tx, note.createdBy, permission, context);
  if (denied) return rejected(denied);
  if (note.businessId !== null && note.businessId !== context.businessId) {
    return rejected("the note names another division than the till's");
  }
  const [existing] = await tx
    .select({ id: customerNotes.id })
    .from(customerNotes)
    .where(eq(customerNotes.id, note.id));
  if (existing) return { status: 'applied', result: { noteId: note.id } };
  const customerId = await resolveCustomerId(tx, note.universalCustomerId);
  if (!customerId) return rejected(`unknown customer ${note.universalCustomerId}`);
  let accountId = note.divisionAccountId;
  if (accountId) {
    accountId = await resolveAccountId(tx, accountId);
    const [account] = await tx
      .select({ businessId: customerDivisionAccounts.businessId })
      .from(customerDivisionAccounts)
      .where(eq(customerDivisionAccounts.id, accountId));
    if (!account) return rejected(`unknown account ${note.divisionAccountId ?? ''}`);
    if (account.businessId !== context.businessId)
      return rejected("the account belongs to another division than the till's");
  }
  const values = {
    ...note,
    universalCustomerId: customerId,
    divisionAccountId: accountId,
    originTillId: context.tillId,
  };
  await tx.insert(customerNotes).values({ ...values, serverSeq: nextServerSeq() });
  await writeAudit(tx, {
    entityType: 'customer_note',
    entityId: note.id,
    action: 'note.add',
    actorUserId: note.createdBy,
    tillId: context.tillId,
    businessId: context.businessId,
    after: values,
  });
  return { status: 'applied', result: { noteId: note.id, customerId } };
};
