import type { TillDb } from '../../../db/till/connect';
import { universalCustomers, type NewUniversalCustomerRow } from '../../../db/till/schema';
import type { CustomerView } from '../../../shared/contract/till/customer-views';
import type { CustomerFields } from '../../../shared/domain/customers/validate';
import { customerNumber } from '../../../shared/domain/numbering/numbers';
import { uuidv7 } from '../../../shared/ids';
import { takeNumber } from '../sync/number-blocks';
import { appendMutation } from '../sync/outbox';
import { AUDIT_ENTITIES, recordAudit } from './audit';
import { assertNoConflicts } from './conflicts';
import { toCustomerRecord, toCustomerView } from './rows';
import type { Actor } from './scope';

/**
 * Registers a customer: the UCST number from this till's leased block, the row, its audit
 * entry and the outbox mutation commit together or not at all (a number is never burnt by a
 * failed create, because it rolls back too).
 */
export function createCustomer(db: TillDb, fields: CustomerFields, actor: Actor): CustomerView {
  return db.transaction((tx) => {
    assertNoConflicts(tx, fields, null);
    const at = actor.now.toISOString();
    const row: NewUniversalCustomerRow = {
      ...fields,
      id: uuidv7(actor.now.getTime()),
      customerNumber: customerNumber(takeNumber(tx, { series: 'CUSTOMER', businessId: null })),
      source: fields.source ?? `till:${actor.scope.divisionCode}`,
      isActive: true,
      isBlacklisted: false,
      blacklistReason: null,
      createdAt: at,
      updatedAt: at,
      createdBy: actor.staff.id,
      originTillId: actor.scope.tillId,
    };
    const inserted = tx.insert(universalCustomers).values(row).returning().get();
    const record = toCustomerRecord(inserted);
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.customer,
      entityId: record.id,
      action: 'customer.create',
      before: null,
      after: record,
    });
    appendMutation(tx, 'customer.create', record, actor.now);
    return toCustomerView(inserted);
  });
}
