import { eq } from 'drizzle-orm';
import { customerLaybyPayments, customerLaybys, customerPayments } from '../../db/central/schema';
import type { DivisionCode } from '../../shared/domain/enums';
import { laybyNumber, receiptNumber } from '../../shared/domain/numbering/numbers';
import type { CentralTx } from '../sync/change-sequence';
import { leaseNextBlock } from '../sync/number-leases';

// Head office numbers the laybys and receipts it creates from one-number blocks it leases for
// itself in the division's series (as customers/numbers.ts does), so a LAY-CLO-… or
// CLO-RCT-… number it prints can never also be printed by a till.

type Division = { id: string; code: DivisionCode };

// Numbers taken without a block (imported rows) are skipped.
const MAX_TRIES = 20;

async function nextFree(
  tx: CentralTx,
  series: 'LAYBY' | 'RECEIPT',
  division: Division,
  format: (n: number) => string,
  taken: (number: string) => Promise<boolean>,
): Promise<string> {
  for (let i = 0; i < MAX_TRIES; i += 1) {
    const block = await leaseNextBlock(tx, {
      series,
      businessId: division.id,
      tillId: null,
      size: 1,
    });
    const number = format(block.rangeStart);
    if (!(await taken(number))) return number;
  }
  throw new Error(`no free ${series} number found after skipping taken ones`);
}

export const nextLaybyNumber = (tx: CentralTx, division: Division) =>
  nextFree(
    tx,
    'LAYBY',
    division,
    (n) => laybyNumber(division.code, n),
    async (number) =>
      (
        await tx
          .select({ id: customerLaybys.id })
          .from(customerLaybys)
          .where(eq(customerLaybys.laybyNumber, number))
      ).length > 0,
  );

export const nextReceiptNumber = (tx: CentralTx, division: Division) =>
  nextFree(
    tx,
    'RECEIPT',
    division,
    (n) => receiptNumber(division.code, n),
    async (number) => {
      const onLayby = await tx
        .select({ id: customerLaybyPayments.id })
        .from(customerLaybyPayments)
        .where(eq(customerLaybyPayments.receiptNumber, number));
      const onAccount = await tx
        .select({ id: customerPayments.id })
        .from(customerPayments)
        .where(eq(customerPayments.receiptNumber, number));
      return onLayby.length + onAccount.length > 0;
    },
  );
