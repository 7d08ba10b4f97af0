import { eq } from 'drizzle-orm';
import { numberBlocks } from '../../db/central/schema';
import { DIVISION_CODES, type DivisionCode } from '../../shared/domain/enums';
import type { CentralTx } from '../sync/change-sequence';
import { leaseNextBlock } from '../sync/number-leases';
import type { DivisionRef } from './batch';
import { MAX_SEQUENCE } from './identifiers';

// Demo numbers come out of leased blocks like a till's, through the same leaseNextBlock, so
// a till that leases the next UCST or CLO-CUST block never hands out a number the demo used.
// A run leases everything it might need up front (every customer number, and per division as
// many account numbers as there are customers: each has at most one account per division),
// so a till leasing during the run gets numbers after ours; the unused tail is given back.

export type DemoLease = {
  firstCustomer: number;
  customerBlock: string;
  accountStart: Record<DivisionCode, number>;
  accountBlocks: Partial<Record<DivisionCode, string>>;
};

export async function leaseDemoNumbers(
  tx: CentralTx,
  divisions: Partial<Record<DivisionCode, DivisionRef>>,
  customers: number,
): Promise<DemoLease> {
  if (!Number.isInteger(customers) || customers < 1) {
    throw new RangeError('customers must be a positive integer');
  }
  const block = await leaseNextBlock(tx, {
    series: 'CUSTOMER',
    businessId: null,
    tillId: null,
    size: customers,
  });
  if (block.rangeEnd > MAX_SEQUENCE) {
    throw new RangeError(
      `customer numbers would pass ${MAX_SEQUENCE} (next free is ${block.rangeStart})`,
    );
  }
  const accountStart: Record<DivisionCode, number> = { GRO: 1, RST: 1, CLO: 1, HWR: 1, CON: 1 };
  const accountBlocks: Partial<Record<DivisionCode, string>> = {};
  for (const division of Object.values(divisions)) {
    const accounts = await leaseNextBlock(tx, {
      series: 'DIVISION_ACCOUNT',
      businessId: division.id,
      tillId: null,
      size: customers,
    });
    accountStart[division.code] = accounts.rangeStart;
    accountBlocks[division.code] = accounts.id;
  }
  return { firstCustomer: block.rangeStart, customerBlock: block.id, accountStart, accountBlocks };
}

/**
 * Shrinks the blocks to the numbers a complete run used (a block nothing came out of is
 * deleted). A failed run keeps its whole lease: an unused number costs nothing.
 */
export async function giveBackUnused(
  tx: CentralTx,
  lease: DemoLease,
  lastCustomer: number,
  nextAccountNumber: Record<DivisionCode, number>,
): Promise<void> {
  await shrink(tx, lease.customerBlock, lease.firstCustomer, lastCustomer);
  for (const code of DIVISION_CODES) {
    const id = lease.accountBlocks[code];
    if (id) await shrink(tx, id, lease.accountStart[code], nextAccountNumber[code] - 1);
  }
}

async function shrink(tx: CentralTx, id: string, start: number, lastUsed: number): Promise<void> {
  if (lastUsed < start) await tx.delete(numberBlocks).where(eq(numberBlocks.id, id));
  else await tx.update(numberBlocks).set({ rangeEnd: lastUsed }).where(eq(numberBlocks.id, id));
}
