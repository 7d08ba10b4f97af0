import { and, eq, isNull } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { customerDivisionAccounts, customerNotes } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import { needsAlertPermission, type NoteFields } from '../../../shared/domain/customers/notes';
import { can } from '../../../shared/domain/staff/permissions';
import { uuidv7 } from '../../../shared/ids';
import { appendMutation } from '../sync/outbox';
import { AUDIT_ENTITIES, recordAudit } from './audit';
import { resolveCustomer } from './rows';
import type { Actor } from './scope';

/** Adds a note from this division. Alerts and warnings show to every cashier, so only a supervisor adds them. */
export function addNote(
  db: TillDb,
  input: NoteFields & { customerId: string },
  actor: Actor,
): { id: string } {
  const { customerId, ...note } = input;
  if (needsAlertPermission(note) && !can(actor.staff.role, 'customer.alert')) {
    throw new AppError(
      'FORBIDDEN',
      'Only a supervisor may add an alert or a warning. Ask a supervisor.',
      'isAlert',
    );
  }
  return db.transaction((tx) => {
    const { row: customer } = resolveCustomer(tx, customerId);
    const { businessId } = actor.scope;
    const account = tx
      .select({ id: customerDivisionAccounts.id })
      .from(customerDivisionAccounts)
      .where(
        and(
          eq(customerDivisionAccounts.universalCustomerId, customer.id),
          eq(customerDivisionAccounts.businessId, businessId),
          isNull(customerDivisionAccounts.deletedAt),
        ),
      )
      .get();
    const at = actor.now.toISOString();
    const row = tx
      .insert(customerNotes)
      .values({
        ...note,
        id: uuidv7(actor.now.getTime()),
        universalCustomerId: customer.id,
        divisionAccountId: account?.id ?? null,
        businessId,
        createdBy: actor.staff.id,
        createdAt: at,
        updatedAt: at,
        originTillId: actor.scope.tillId,
      })
      .returning()
      .get();
    const { serverSeq: _seq, originTillId: _origin, deletedAt: _deleted, ...record } = row;
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.note,
      entityId: row.id,
      action: 'note.add',
      before: null,
      after: record,
    });
    appendMutation(tx, 'note.add', record, actor.now);
    return { id: row.id };
  });
}
