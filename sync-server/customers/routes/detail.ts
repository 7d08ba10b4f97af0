import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { customerDivisionAccounts, type UniversalCustomerRow } from '../../../db/central/schema';
import type { CustomerDetail } from '../../../shared/contract/head-office/customers';
import type { DivisionAccount } from '../../../shared/contract/head-office/customers';
import type { StaffPrincipal } from '../../auth/principal';
import { loadDivisions } from '../divisions';
import { toAccount, toCustomer } from '../dto';

// Identities are group-wide (any till can find anyone); accounts belong to divisions, so
// division staff see their own division's account only, as their tills do. Head office sees all.

export function visibleTo(staff: StaffPrincipal): SQL | undefined {
  return staff.businessId === null
    ? undefined
    : eq(customerDivisionAccounts.businessId, staff.businessId);
}

export async function loadAccounts(
  db: Pick<CentralDb, 'select'>,
  customerId: string,
  staff: StaffPrincipal,
): Promise<DivisionAccount[]> {
  const rows = await db
    .select()
    .from(customerDivisionAccounts)
    .where(and(eq(customerDivisionAccounts.universalCustomerId, customerId), visibleTo(staff)))
    .orderBy(asc(customerDivisionAccounts.createdAt));
  const divisions = await loadDivisions(db);
  return rows.map((row) => toAccount(row, divisions));
}

export async function loadDetail(
  db: Pick<CentralDb, 'select'>,
  row: UniversalCustomerRow,
  staff: StaffPrincipal,
): Promise<CustomerDetail> {
  return { ...toCustomer(row), divisionAccounts: await loadAccounts(db, row.id, staff) };
}
