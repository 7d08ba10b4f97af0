import { and, eq, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import {
  customerDivisionAccounts,
  numberBlocks,
  universalCustomers,
} from '../../db/central/schema';
import type { DivisionCode, NumberSeries } from '../../shared/domain/enums';
import { uuidv7 } from '../../shared/ids';
import { customerNumber, divisionCustomerNumber } from './identifiers';

// Demo numbers come out of leased blocks like a till's, so a till that leases the next UCST
// or CLO-CUST block later never hands out a number the demo already used.
//
// Everything that numbers (tills, the server, the demo) leases a block first, so the blocks
// normally say where a series continues; one index lookup confirms that number is free, and
// only if it is taken (rows written without a block) are the rows themselves scanned.

type Db = Pick<CentralDb, 'select' | 'insert' | 'update' | 'delete'>;

export async function nextFreeCustomerNumber(db: Db): Promise<number> {
  const next = (await highestLeased(db, 'CUSTOMER', isNull(numberBlocks.businessId))) + 1;
  const taken = await db
    .select({ id: universalCustomers.id })
    .from(universalCustomers)
    .where(eq(universalCustomers.customerNumber, customerNumber(next)))
    .limit(1);
  if (taken.length === 0) return next;
  // Numbers compare as integers: as text UCST-999999 would sort after UCST-1000000.
  const [row] = await db
    .select({
      n: sql<string | null>`max(substring(${universalCustomers.customerNumber} from 6)::bigint)`,
    })
    .from(universalCustomers)
    .where(sql`${universalCustomers.customerNumber} ~ '^UCST-[0-9]+$'`);
  return Math.max(next, Number(row?.n ?? 0) + 1);
}

export async function nextFreeAccountNumber(
  db: Db,
  division: { id: string; code: DivisionCode },
): Promise<number> {
  const next =
    (await highestLeased(db, 'DIVISION_ACCOUNT', eq(numberBlocks.businessId, division.id))) + 1;
  const inDivision = eq(customerDivisionAccounts.businessId, division.id);
  const taken = await db
    .select({ id: customerDivisionAccounts.id })
    .from(customerDivisionAccounts)
    .where(
      and(
        inDivision,
        eq(
          customerDivisionAccounts.divisionCustomerNumber,
          divisionCustomerNumber(division.code, next),
        ),
      ),
    )
    .limit(1);
  if (taken.length === 0) return next;
  const [row] = await db
    .select({
      n: sql<
        string | null
      >`max(substring(${customerDivisionAccounts.divisionCustomerNumber} from '-CUST-([0-9]+)$')::bigint)`,
    })
    .from(customerDivisionAccounts)
    .where(inDivision);
  return Math.max(next, Number(row?.n ?? 0) + 1);
}

async function highestLeased(db: Db, series: NumberSeries, scope: SQL): Promise<number> {
  const [row] = await db
    .select({ end: max(numberBlocks.rangeEnd) })
    .from(numberBlocks)
    .where(and(eq(numberBlocks.series, series), scope));
  return Number(row?.end ?? 0);
}

/** Leases [start, end] to head office (no till) and returns the block's id. */
export async function leaseBlock(
  db: Db,
  series: NumberSeries,
  businessId: string | null,
  start: number,
  end: number,
): Promise<string> {
  const id = uuidv7();
  await db
    .insert(numberBlocks)
    .values({ id, series, businessId, tillId: null, rangeStart: start, rangeEnd: end });
  return id;
}

/** Gives back the unused tail of a block once a run knows how far it got (all of it if none was used). */
export async function shrinkBlock(
  db: Db,
  id: string,
  start: number,
  lastUsed: number,
): Promise<void> {
  if (lastUsed < start) await db.delete(numberBlocks).where(eq(numberBlocks.id, id));
  else await db.update(numberBlocks).set({ rangeEnd: lastUsed }).where(eq(numberBlocks.id, id));
}
