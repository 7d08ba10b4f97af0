import { and, eq, isNull, or } from 'drizzle-orm';
import {
  customerDivisionAccounts as accounts,
  universalCustomers as customers,
  type UniversalCustomerRow,
} from '../../db/central/schema';
import type { CentralTx } from '../sync/change-sequence';
import type { DivisionRef } from '../customers/divisions';
import { nameSimilarity } from '../../shared/domain/customers/duplicates';
import type { LegacyRow } from './legacy-row';

// Who a legacy row is: already imported (its old number is an account here), an existing
// customer found by national ID, then phone, then email, or someone new. Evidence that points
// two ways (the phone is another person's, the id disagrees) makes the row conflicting: it is
// reported for a person to sort out, never guessed.

export type Decision =
  | { kind: 'unchanged'; customerNumber: string }
  | { kind: 'new' }
  | { kind: 'matched'; customer: UniversalCustomerRow; by: 'nationalId' | 'phone' | 'email' }
  | { kind: 'conflicting'; reason: string };

const live = and(isNull(customers.deletedAt), isNull(customers.mergedIntoId));

// A phone or an email is shared within families and firms, so a match on one alone also
// needs the names to agree (case, accents, order and a middle initial aside).
const WEAK_MATCH_NAME_SIMILARITY = 0.75;
const rowName = (row: LegacyRow) => row.name ?? `${row.firstName ?? ''} ${row.lastName ?? ''}`;

async function findBy(tx: CentralTx, field: 'nationalId' | 'phone' | 'email', row: LegacyRow) {
  const condition =
    field === 'nationalId'
      ? row.nationalId && eq(customers.nationalId, row.nationalId)
      : field === 'phone'
        ? or(eq(customers.primaryPhone, row.phone), eq(customers.alternatePhone, row.phone))
        : row.email && eq(customers.primaryEmail, row.email);
  if (!condition) return [];
  return tx.select().from(customers).where(and(live, condition)).limit(2);
}

export async function decide(
  tx: CentralTx,
  row: LegacyRow,
  division: DivisionRef,
): Promise<Decision> {
  const [imported] = await tx
    .select({ number: customers.customerNumber })
    .from(accounts)
    .innerJoin(customers, eq(customers.id, accounts.universalCustomerId))
    .where(
      and(
        eq(accounts.businessId, division.id),
        eq(accounts.divisionCustomerNumber, row.customerNumber),
      ),
    );
  if (imported) return { kind: 'unchanged', customerNumber: imported.number };
  for (const by of ['nationalId', 'phone', 'email'] as const) {
    const found = await findBy(tx, by, row);
    if (found.length === 0) continue;
    const [customer] = found;
    if (!customer || found.length > 1) {
      return {
        kind: 'conflicting',
        reason:
          `${by} ${by === 'phone' ? row.phone : ''} is shared by several customers; add a national ID to tell them apart`.replace(
            '  ',
            ' ',
          ),
      };
    }
    if (row.nationalId && customer.nationalId && customer.nationalId !== row.nationalId) {
      return {
        kind: 'conflicting',
        reason: `${by} matches ${customer.customerNumber}, whose national ID differs`,
      };
    }
    if (
      by !== 'nationalId' &&
      nameSimilarity(rowName(row), customer.fullName) < WEAK_MATCH_NAME_SIMILARITY
    ) {
      return {
        kind: 'conflicting',
        reason: `${by} matches ${customer.customerNumber} (${customer.fullName}), but the name differs`,
      };
    }
    const [held] = await tx
      .select({ number: accounts.divisionCustomerNumber })
      .from(accounts)
      .where(
        and(eq(accounts.universalCustomerId, customer.id), eq(accounts.businessId, division.id)),
      );
    if (held) {
      return {
        kind: 'conflicting',
        reason: `matches ${customer.customerNumber} (by ${by}), who already has ${division.code} account ${held.number}`,
      };
    }
    return { kind: 'matched', customer, by };
  }
  return { kind: 'new' };
}
