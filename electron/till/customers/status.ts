import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { universalCustomers, type UniversalCustomerRow } from '../../../db/till/schema';
import type { CustomerView } from '../../../shared/contract/till/customer-views';
import { AppError } from '../../../shared/contract/result';
import { appendMutation } from '../sync/outbox';
import type { TillTx } from '../db-types';
import { AUDIT_ENTITIES, recordAudit } from './audit';
import { assertNoConflicts } from './conflicts';
import { resolveCustomer, toCustomerView } from './rows';
import type { Actor } from './scope';

type Change = Partial<
  Pick<
    UniversalCustomerRow,
    'isActive' | 'isBlacklisted' | 'blacklistReason' | 'linkedUserId' | 'linkedEmployeeId'
  >
>;

/** Writes a flag change with its audit entry; the caller appends the mutation. */
function writeChange(
  tx: TillTx,
  row: UniversalCustomerRow,
  change: Change,
  action: string,
  actor: Actor,
  reason: string | null,
) {
  const before = Object.fromEntries(Object.keys(change).map((k) => [k, row[k as keyof Change]]));
  const updated = tx
    .update(universalCustomers)
    .set({ ...change, updatedAt: actor.now.toISOString() })
    .where(eq(universalCustomers.id, row.id))
    .returning()
    .get();
  recordAudit(tx, actor, {
    entityType: AUDIT_ENTITIES.customer,
    entityId: row.id,
    action,
    before,
    after: reason === null ? change : { ...change, reason },
  });
  return updated;
}

/** Soft delete or undo it, with a reason. Customers are never hard-deleted: laybys and payments point at them. */
export function setCustomerActive(
  db: TillDb,
  input: { id: string; reason: string },
  isActive: boolean,
  actor: Actor,
): CustomerView {
  return db.transaction((tx) => {
    const { row } = resolveCustomer(tx, input.id);
    if (row.isActive === isActive) {
      throw new AppError(
        'CONFLICT',
        `${row.fullName} is already ${isActive ? 'active' : 'deactivated'}.`,
      );
    }
    const updated = writeChange(
      tx,
      row,
      { isActive },
      isActive ? 'customer.reactivate' : 'customer.deactivate',
      actor,
      input.reason,
    );
    appendMutation(
      tx,
      'customer.setActive',
      { id: row.id, actorUserId: actor.staff.id, isActive, reason: input.reason },
      actor.now,
    );
    return toCustomerView(updated);
  });
}

/** Blacklisting blocks new laybys and credit at every division and shows an alert to cashiers. */
export function setBlacklist(
  db: TillDb,
  input: { id: string; isBlacklisted: boolean; reason: string },
  actor: Actor,
): CustomerView {
  const { isBlacklisted, reason } = input;
  return db.transaction((tx) => {
    const { row } = resolveCustomer(tx, input.id);
    if (row.isBlacklisted === isBlacklisted) {
      throw new AppError(
        'CONFLICT',
        `${row.fullName} is already ${isBlacklisted ? 'blacklisted' : 'off the blacklist'}.`,
      );
    }
    const change = { isBlacklisted, blacklistReason: isBlacklisted ? reason : null };
    const updated = writeChange(
      tx,
      row,
      change,
      isBlacklisted ? 'customer.blacklist' : 'customer.unblacklist',
      actor,
      reason,
    );
    appendMutation(
      tx,
      'customer.setBlacklist',
      { id: row.id, actorUserId: actor.staff.id, isBlacklisted, reason },
      actor.now,
    );
    return toCustomerView(updated);
  });
}

type LinkInput = {
  id: string;
  linkedUserId?: string | null | undefined;
  linkedEmployeeId?: string | null | undefined;
};

/** Links the customer to a staff login or employee record; each may belong to one customer only. */
export function linkCustomer(db: TillDb, input: LinkInput, actor: Actor): CustomerView {
  return db.transaction((tx) => {
    const { row } = resolveCustomer(tx, input.id);
    const change: Change = {};
    if (input.linkedUserId !== undefined && input.linkedUserId !== row.linkedUserId)
      change.linkedUserId = input.linkedUserId;
    if (input.linkedEmployeeId !== undefined && input.linkedEmployeeId !== row.linkedEmployeeId)
      change.linkedEmployeeId = input.linkedEmployeeId;
    if (Object.keys(change).length === 0) return toCustomerView(row);
    assertNoConflicts(tx, change, row.id);
    const updated = writeChange(tx, row, change, 'customer.link', actor, null);
    const changes = Object.fromEntries(
      Object.entries(change).map(([field, to]) => [
        field,
        { from: row[field as keyof Change], to },
      ]),
    );
    appendMutation(
      tx,
      'customer.link',
      { id: row.id, actorUserId: actor.staff.id, changes },
      actor.now,
    );
    return toCustomerView(updated);
  });
}
