import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { employees, universalCustomers, users } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { sqlState, UNIQUE_VIOLATION, violatedConstraint } from './pg-errors';

// The plan's unique fields hold among live customers (db/README.md). Checking before writing
// gives a 409 that names the field and the customer holding the value; the partial unique
// indexes remain the guarantee, and a race that slips past the check is translated the same.

export const UNIQUE_FIELDS = [
  'primaryEmail',
  'nationalId',
  'linkedUserId',
  'linkedEmployeeId',
] as const;
export type UniqueField = (typeof UNIQUE_FIELDS)[number];
export type UniqueValues = Partial<Record<UniqueField, string | null>>;

export type Clash = { field: UniqueField; customerId: string; customerNumber: string };

type Reader = Pick<CentralDb, 'select'>;

const live = () =>
  and(isNull(universalCustomers.deletedAt), isNull(universalCustomers.mergedIntoId));

export async function findClash(
  tx: Reader,
  values: UniqueValues,
  exceptId: string | null,
): Promise<Clash | null> {
  for (const field of UNIQUE_FIELDS) {
    const value = values[field];
    if (value === undefined || value === null) continue;
    const conditions: (SQL | undefined)[] = [eq(universalCustomers[field], value), live()];
    if (exceptId) conditions.push(ne(universalCustomers.id, exceptId));
    const [row] = await tx
      .select({ id: universalCustomers.id, number: universalCustomers.customerNumber })
      .from(universalCustomers)
      .where(and(...conditions))
      .limit(1);
    if (row) return { field, customerId: row.id, customerNumber: row.number };
  }
  return null;
}

export const clashMessage = (clash: Clash) =>
  `${clash.field}: already belongs to customer ${clash.customerNumber}`;

export async function assertNoClash(
  tx: Reader,
  values: UniqueValues,
  exceptId: string | null,
): Promise<void> {
  const clash = await findClash(tx, values, exceptId);
  if (clash) throw new AppError('CONFLICT', clashMessage(clash), clash.field);
}

/** A link must point at a real staff login or employee record. */
export async function assertLinkTargets(tx: Reader, values: UniqueValues): Promise<void> {
  if (values.linkedUserId) {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.id, values.linkedUserId));
    if (!user) throw new AppError('NOT_FOUND', 'linkedUserId: no such user', 'linkedUserId');
  }
  if (values.linkedEmployeeId) {
    const [employee] = await tx
      .select({ id: employees.id })
      .from(employees)
      .where(eq(employees.id, values.linkedEmployeeId));
    if (!employee)
      throw new AppError('NOT_FOUND', 'linkedEmployeeId: no such employee', 'linkedEmployeeId');
  }
}

const CONSTRAINT_FIELDS: Record<string, string> = {
  universal_customers_primary_email_key: 'primaryEmail',
  universal_customers_national_id_key: 'nationalId',
  universal_customers_linked_user_id_key: 'linkedUserId',
  universal_customers_linked_employee_id_key: 'linkedEmployeeId',
  universal_customers_customer_number_key: 'customerNumber',
  customer_division_accounts_customer_business_key: 'divisionId',
  customer_division_accounts_business_number_key: 'divisionCustomerNumber',
};

/** A unique violation as a 409 naming the field; anything else is returned unchanged. */
export function translateUniqueViolation(error: unknown): unknown {
  if (sqlState(error) !== UNIQUE_VIOLATION) return error;
  const field = CONSTRAINT_FIELDS[violatedConstraint(error) ?? ''];
  return field
    ? new AppError('CONFLICT', `${field}: already taken by another record`, field)
    : new AppError('CONFLICT', 'That value is already taken by another record.');
}
