import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { universalCustomers, type UniversalCustomerRow } from '../../../db/till/schema';
import type { CustomerView } from '../../../shared/contract/till/customer-views';
import { AppError } from '../../../shared/contract/result';
import type { CustomerUpdatePayload } from '../../../shared/contract/sync/customer-mutations';
import {
  applyCustomerChanges,
  customerFieldShape,
  type CustomerChanges,
  type CustomerFields,
} from '../../../shared/domain/customers/validate';
import { appendMutation } from '../sync/outbox';
import { AUDIT_ENTITIES, recordAudit } from './audit';
import { assertNoConflicts } from './conflicts';
import { resolveCustomer, toCustomerView } from './rows';
import type { Actor } from './scope';

type Field = keyof CustomerFields;
const FIELDS = Object.keys(customerFieldShape) as Field[];

const fieldsOf = (row: UniversalCustomerRow): CustomerFields =>
  Object.fromEntries(FIELDS.map((field) => [field, row[field]])) as CustomerFields;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits identity fields. Only fields whose value really changes are written, audited and
 * sent, each with its previous value, so the server can merge two tills' edits field by field.
 */
export function updateCustomer(
  db: TillDb,
  input: CustomerChanges & { id: string },
  actor: Actor,
): CustomerView {
  const { id, ...requested } = input;
  return db.transaction((tx) => {
    const { row } = resolveCustomer(tx, id);
    const current = fieldsOf(row);
    const result = applyCustomerChanges(current, requested);
    if (!result.ok) {
      const [issue] = result.issues;
      throw new AppError('INVALID_INPUT', `${issue?.field}: ${issue?.message}`, issue?.field);
    }
    const changed = FIELDS.filter((field) => !same(current[field], result.fields[field]));
    if (changed.length === 0) return toCustomerView(row);
    const after: Partial<CustomerFields> = Object.fromEntries(
      changed.map((f) => [f, result.fields[f]]),
    );
    const before = Object.fromEntries(changed.map((f) => [f, current[f]]));
    assertNoConflicts(tx, after, row.id);
    const updated = tx
      .update(universalCustomers)
      .set({ ...after, updatedAt: actor.now.toISOString() })
      .where(eq(universalCustomers.id, row.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.customer,
      entityId: row.id,
      action: 'customer.update',
      before,
      after,
    });
    // Object.fromEntries loses the field names; appendMutation parses the payload again.
    const changes = Object.fromEntries(
      changed.map((f) => [f, { from: current[f], to: result.fields[f] }]),
    ) as CustomerUpdatePayload['changes'];
    appendMutation(
      tx,
      'customer.update',
      { id: row.id, actorUserId: actor.staff.id, changes },
      actor.now,
    );
    return toCustomerView(updated);
  });
}
