import { and, eq } from 'drizzle-orm';
import { customerDivisionAccounts, universalCustomers } from '../../db/central/schema';
import type { DivisionCode } from '../../shared/domain/enums';
import { customerNumber, divisionCustomerNumber } from '../../shared/domain/numbering/numbers';
import type { CentralTx } from '../sync/change-sequence';
import { leaseNextBlock } from '../sync/number-leases';

// Head office numbers what it creates from blocks it leases for itself (tillId null), like a
// till, so a number is never handed out twice. One number per block: head office creates a
// few records a day, and a block that is never half-used needs no "next" bookkeeping. The
// lease rolls back with the transaction that used it.

// A number can be taken without a block (rows loaded before blocks existed); skip past it.
const MAX_TRIES = 20;

export async function nextCustomerNumber(tx: CentralTx): Promise<string> {
  for (let i = 0; i < MAX_TRIES; i += 1) {
    const block = await leaseNextBlock(tx, {
      series: 'CUSTOMER',
      businessId: null,
      tillId: null,
      size: 1,
    });
    const number = customerNumber(block.rangeStart);
    const [taken] = await tx
      .select({ id: universalCustomers.id })
      .from(universalCustomers)
      .where(eq(universalCustomers.customerNumber, number));
    if (!taken) return number;
  }
  throw new Error('no free customer number found after skipping taken ones');
}

export async function nextDivisionCustomerNumber(
  tx: CentralTx,
  division: { id: string; code: DivisionCode },
): Promise<string> {
  for (let i = 0; i < MAX_TRIES; i += 1) {
    const block = await leaseNextBlock(tx, {
      series: 'DIVISION_ACCOUNT',
      businessId: division.id,
      tillId: null,
      size: 1,
    });
    const number = divisionCustomerNumber(division.code, block.rangeStart);
    const [taken] = await tx
      .select({ id: customerDivisionAccounts.id })
      .from(customerDivisionAccounts)
      .where(
        and(
          eq(customerDivisionAccounts.businessId, division.id),
          eq(customerDivisionAccounts.divisionCustomerNumber, number),
        ),
      );
    if (!taken) return number;
  }
  throw new Error('no free division customer number found after skipping taken ones');
}
