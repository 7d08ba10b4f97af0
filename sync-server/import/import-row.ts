import { customerDivisionAccounts } from '../../db/central/schema';
import { CustomerCreateInput } from '../../shared/domain/customers/validate';
import type { Currency } from '../../shared/money/money';
import { uuidv7 } from '../../shared/ids';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';
import { writeAudit } from '../customers/audit';
import { findClash } from '../customers/clashes';
import type { DivisionRef } from '../customers/divisions';
import { createCustomer } from '../customers/operations/create';
import { updateCustomer } from '../customers/store';
import type { LegacyRow } from './legacy-row';
import { decide } from './match';
import { reserveLegacyNumber } from './numbers';

export type OutcomeKind = 'new' | 'matched' | 'unchanged' | 'conflicting' | 'rejected';
export type RowOutcome = { kind: OutcomeKind; reason?: string; customerNumber?: string };
export type ImportContext = { division: DivisionRef; currency: Currency; source: string };

const fail = (kind: 'conflicting' | 'rejected', reason: string): RowOutcome => ({ kind, reason });

/** Blanks of the existing customer the legacy row can fill; a value in use elsewhere is left out. */
async function fillBlanks(
  tx: CentralTx,
  customerId: string,
  existing: Record<string, unknown>,
  row: LegacyRow,
) {
  const offered = {
    primaryEmail: row.email,
    nationalId: row.nationalId,
    dateOfBirth: row.dateOfBirth,
    address: row.address,
    city: row.city,
  };
  const fill: Record<string, string> = {};
  for (const [field, value] of Object.entries(offered)) {
    if (value === null || (existing[field] ?? null) !== null) continue;
    if (await findClash(tx, { [field]: value }, customerId)) continue;
    fill[field] = value;
  }
  return fill;
}

/** One row in the caller's transaction (or savepoint). Writes only for new and matched rows. */
export async function importRow(
  tx: CentralTx,
  row: LegacyRow,
  context: ImportContext,
): Promise<RowOutcome> {
  const decision = await decide(tx, row, context.division);
  if (decision.kind === 'unchanged')
    return {
      kind: 'unchanged',
      reason: 'already imported',
      customerNumber: decision.customerNumber,
    };
  if (decision.kind === 'conflicting') return fail('conflicting', decision.reason);
  const numberProblem = await reserveLegacyNumber(tx, row.customerNumber, context.division);
  if (numberProblem) return fail('conflicting', numberProblem);
  const audit = { actorUserId: null, businessId: context.division.id } as const;
  let customer;
  if (decision.kind === 'new') {
    const parsed = CustomerCreateInput.safeParse({
      firstName: row.firstName,
      lastName: row.lastName,
      fullName: row.name,
      primaryPhone: row.phone,
      primaryEmail: row.email,
      nationalId: row.nationalId,
      address: row.address,
      city: row.city,
      dateOfBirth: row.dateOfBirth,
      source: context.source,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail('rejected', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    customer = await createCustomer(
      tx,
      parsed.data,
      { userId: null, tillId: null },
      row.createdAt ? { createdAt: row.createdAt } : {},
    );
  } else {
    customer = decision.customer;
    const fill = await fillBlanks(tx, customer.id, customer, row);
    if (Object.keys(fill).length > 0) {
      customer = await updateCustomer(tx, customer.id, fill);
      await writeAudit(tx, {
        ...audit,
        entityType: 'customer',
        entityId: customer.id,
        action: 'customer.import',
        before: Object.fromEntries(Object.keys(fill).map((k) => [k, null])),
        after: fill,
      });
    }
  }
  const account = {
    id: uuidv7(),
    universalCustomerId: customer.id,
    businessId: context.division.id,
    divisionCustomerNumber: row.customerNumber,
    currency: context.currency,
    loyaltyPoints: row.loyaltyPoints ?? 0,
    totalSpentCents: row.totalSpent ?? 0,
    ...(row.createdAt ? { createdAt: row.createdAt } : {}),
  };
  await tx.insert(customerDivisionAccounts).values({ ...account, serverSeq: nextServerSeq() });
  await writeAudit(tx, {
    ...audit,
    entityType: 'division_account',
    entityId: account.id,
    action: 'account.import',
    after: { ...account, source: context.source },
  });
  const by = decision.kind === 'matched' ? `by ${decision.by}` : '';
  return {
    kind: decision.kind,
    customerNumber: customer.customerNumber,
    ...(by ? { reason: by } : {}),
  };
}
