import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import { universalCustomers } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import type { TillTx } from '../db-types';

// The plan's unique fields, unique among live customers (as the partial indexes enforce).
// Checked first so the cashier reads who already holds the value, not a constraint error.
const UNIQUE_FIELDS = {
  primaryEmail: { column: universalCustomers.primaryEmail, label: 'email' },
  nationalId: { column: universalCustomers.nationalId, label: 'national ID' },
  linkedUserId: { column: universalCustomers.linkedUserId, label: 'staff user' },
  linkedEmployeeId: { column: universalCustomers.linkedEmployeeId, label: 'employee' },
} as const;

type UniqueField = keyof typeof UNIQUE_FIELDS;

export function assertNoConflicts(
  tx: Pick<TillTx, 'select'>,
  values: Partial<Record<UniqueField, string | null | undefined>>,
  selfId: string | null,
): void {
  for (const field of Object.keys(UNIQUE_FIELDS) as UniqueField[]) {
    const value = values[field];
    if (!value) continue;
    const { column, label } = UNIQUE_FIELDS[field];
    const conditions: SQL[] = [
      eq(column, value),
      isNull(universalCustomers.deletedAt),
      isNull(universalCustomers.mergedIntoId),
    ];
    if (selfId) conditions.push(ne(universalCustomers.id, selfId));
    const holder = tx
      .select({ number: universalCustomers.customerNumber, name: universalCustomers.fullName })
      .from(universalCustomers)
      .where(and(...conditions))
      .get();
    if (holder) {
      throw new AppError(
        'CONFLICT',
        `${field}: this ${label} already belongs to ${holder.number} (${holder.name})`,
        field,
      );
    }
  }
}
