import { and, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { customerDivisionAccounts, universalCustomers } from '../../../db/central/schema';
import type { SearchQuery } from '../../../shared/domain/customers/search-query';
import type { Divisions } from '../divisions';
import { resolveCustomerId } from '../resolve';

// The WHERE clause for each kind of query, each served by an index: numbers and emails by
// their unique btrees, phones by the primary/alternate phone btrees (a range for a number
// still being typed), national ids by their btree, names by the pg_trgm GIN index.

const c = universalCustomers;

export const liveCustomer = () => and(isNull(c.deletedAt), isNull(c.mergedIntoId));

/** Trigram indexes need three characters; a name query of shorter words would scan. */
export const MIN_NAME_TOKEN = 3;

/**
 * How to find a kind of query: the condition on live customers, the text names are ranked
 * by similarity to (names only), and for identifiers a fallback that follows a merge
 * redirect when no live customer matched (a merged customer's number finds the survivor).
 */
export type Condition =
  { where: SQL; rankBy: string | null; redirect?: () => Promise<SQL | null> } | { hint: string };

const only = (where: SQL | undefined): Condition => ({ where: where ?? sql`false`, rankBy: null });

/** Digits increment with carry, so the bound sorts right in any collation (no ':' tricks). */
export function phoneDigitsRange(digitsPrefix: string): { from: string; to: string } {
  const next = (BigInt(digitsPrefix) + 1n).toString();
  return { from: `+${digitsPrefix}`, to: `+${next}` };
}

async function survivorOf(
  db: Pick<CentralDb, 'select'>,
  id: string | undefined,
): Promise<SQL | null> {
  const survivor = id ? await resolveCustomerId(db, id) : null;
  return survivor ? eq(c.id, survivor) : null;
}

export function conditionFor(
  db: Pick<CentralDb, 'select'>,
  query: SearchQuery,
  raw: string,
  divisions: Divisions,
  trigram: boolean,
): Condition {
  switch (query.kind) {
    case 'empty':
      return { hint: 'Type a name, phone, national ID, email or customer number.' };
    case 'customerNumber':
      return {
        where: eq(c.customerNumber, query.customerNumber),
        rankBy: null,
        redirect: async () => {
          const [row] = await db
            .select({ id: c.id })
            .from(c)
            .where(eq(c.customerNumber, query.customerNumber));
          return survivorOf(db, row?.id);
        },
      };
    case 'divisionNumber': {
      const division = divisions.byCode.get(query.division);
      if (!division) return only(undefined);
      // Legacy numbers were imported as written (CLO-CUST-001), so look for both forms.
      const numbers = [query.divisionCustomerNumber, raw.trim().toUpperCase()];
      const a = customerDivisionAccounts;
      const holder = and(eq(a.businessId, division.id), inArray(a.divisionCustomerNumber, numbers));
      return {
        where: sql`${c.id} in (select ${a.universalCustomerId} from ${a} where ${holder})`,
        rankBy: null,
        redirect: async () => {
          const [row] = await db
            .select({ id: a.universalCustomerId })
            .from(a)
            .where(holder)
            .limit(1);
          return survivorOf(db, row?.id);
        },
      };
    }
    case 'phone':
      return only(or(eq(c.primaryPhone, query.e164), eq(c.alternatePhone, query.e164)));
    case 'phonePrefix': {
      const { from, to } = phoneDigitsRange(query.digitsPrefix);
      return only(sql`${c.primaryPhone} >= ${from} and ${c.primaryPhone} < ${to}`);
    }
    case 'nationalId':
      return only(eq(c.nationalId, query.canonical));
    case 'email':
      return only(eq(c.primaryEmail, query.email));
    case 'name': {
      if (!query.tokens.some((token) => token.length >= MIN_NAME_TOKEN)) {
        return { hint: `Type at least ${MIN_NAME_TOKEN} letters of a name.` };
      }
      // Tokens hold only letters and digits (searchTokens), so they need no LIKE escaping.
      const where = and(...query.tokens.map((token) => ilike(c.fullName, `%${token}%`)));
      return { where: where ?? sql`false`, rankBy: trigram ? query.tokens.join(' ') : null };
    }
  }
}
