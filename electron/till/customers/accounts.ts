import { and, eq, isNull } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { customerDivisionAccounts, type CustomerDivisionAccountRow } from '../../../db/till/schema';
import type { TillTx } from '../db-types';
import type { AccountView } from '../../../shared/contract/till/customer-views';
import { AppError } from '../../../shared/contract/result';
import {
  changeAccountStatus,
  type AccountOpenFields,
} from '../../../shared/domain/customers/accounts';
import type { CustomerAccountStatus } from '../../../shared/domain/enums';
import { divisionCustomerNumber } from '../../../shared/domain/numbering/numbers';
import { can } from '../../../shared/domain/staff/permissions';
import { uuidv7 } from '../../../shared/ids';
import { takeNumber } from '../sync/number-blocks';
import { appendMutation } from '../sync/outbox';
import { toAccountRecord, toAccountView } from './account-rows';
import { AUDIT_ENTITIES, recordAudit } from './audit';
import { resolveCustomer } from './rows';
import type { Actor } from './scope';

const ownDivision = (actor: Actor) => ({
  code: actor.scope.divisionCode,
  name: actor.scope.divisionName,
});

/** Opens the customer's account with this till's division, numbered CLO-CUST-000001 from a leased block. */
export function openAccount(
  db: TillDb,
  input: AccountOpenFields & { customerId: string },
  actor: Actor,
): AccountView {
  return db.transaction((tx) => toAccountView(openAccountIn(tx, input, actor), ownDivision(actor)));
}

/** openAccount inside the caller's transaction (a layby opens the account on the way). */
export function openAccountIn(
  tx: TillTx,
  input: AccountOpenFields & { customerId: string },
  actor: Actor,
): CustomerDivisionAccountRow {
  const { customerId, ...choices } = input;
  const { businessId, divisionCode } = actor.scope;
  const { row: customer } = resolveCustomer(tx, customerId);
  if (!customer.isActive)
    throw new AppError('CONFLICT', `Reactivate ${customer.fullName} before opening an account.`);
  const existing = tx
    .select({ number: customerDivisionAccounts.divisionCustomerNumber })
    .from(customerDivisionAccounts)
    .where(
      and(
        eq(customerDivisionAccounts.universalCustomerId, customer.id),
        eq(customerDivisionAccounts.businessId, businessId),
        isNull(customerDivisionAccounts.deletedAt),
      ),
    )
    .get();
  if (existing)
    throw new AppError('CONFLICT', `${customer.fullName} already has account ${existing.number}.`);
  const at = actor.now.toISOString();
  const number = takeNumber(tx, { series: 'DIVISION_ACCOUNT', businessId });
  const row = tx
    .insert(customerDivisionAccounts)
    .values({
      ...choices,
      id: uuidv7(actor.now.getTime()),
      universalCustomerId: customer.id,
      businessId,
      divisionCustomerNumber: divisionCustomerNumber(divisionCode, number),
      currency: actor.scope.currency,
      createdAt: at,
      updatedAt: at,
      createdBy: actor.staff.id,
      originTillId: actor.scope.tillId,
    })
    .returning()
    .get();
  const record = toAccountRecord(row);
  recordAudit(tx, actor, {
    entityType: AUDIT_ENTITIES.account,
    entityId: row.id,
    action: 'account.open',
    before: null,
    after: record,
  });
  appendMutation(tx, 'account.open', record, actor.now);
  return row;
}

type StatusInput = { accountId: string; status: CustomerAccountStatus; reason: string };

/** Moves an account of this division to a new status, with a reason; blacklisting needs that power too. */
export function setAccountStatus(db: TillDb, input: StatusInput, actor: Actor): AccountView {
  if (input.status === 'BLACKLISTED' && !can(actor.staff.role, 'customer.blacklist')) {
    throw new AppError(
      'FORBIDDEN',
      'Only a supervisor or manager may blacklist an account.',
      'status',
    );
  }
  return db.transaction((tx) => {
    const account = tx
      .select()
      .from(customerDivisionAccounts)
      .where(eq(customerDivisionAccounts.id, input.accountId))
      .get();
    if (!account || account.deletedAt)
      throw new AppError('NOT_FOUND', 'No such account on this till.', 'accountId');
    if (account.businessId !== actor.scope.businessId) {
      throw new AppError(
        'FORBIDDEN',
        "Only the account's own division may change its status.",
        'accountId',
      );
    }
    const result = changeAccountStatus(account.status, input.status, input.reason);
    if (!result.ok)
      throw new AppError('INVALID_INPUT', `${result.field}: ${result.message}`, result.field);
    const { status, isActive, reason } = result.change;
    const at = actor.now.toISOString();
    const inactivation = isActive
      ? { inactivatedAt: null, inactivatedBy: null, inactivationReason: null }
      : { inactivatedAt: at, inactivatedBy: actor.staff.id, inactivationReason: reason };
    const row = tx
      .update(customerDivisionAccounts)
      .set({ status, isActive, ...inactivation, updatedAt: at })
      .where(eq(customerDivisionAccounts.id, account.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.account,
      entityId: account.id,
      action: 'account.setStatus',
      before: { status: account.status, isActive: account.isActive },
      after: { status, isActive, reason },
    });
    appendMutation(
      tx,
      'account.setStatus',
      {
        id: account.id,
        actorUserId: actor.staff.id,
        status,
        previousStatus: account.status,
        reason,
      },
      actor.now,
    );
    return toAccountView(row, ownDivision(actor));
  });
}
