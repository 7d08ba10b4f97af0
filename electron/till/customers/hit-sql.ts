import type Database from 'better-sqlite3';
import type { CustomerHit } from '../../../shared/contract/till/customer-views';

// The columns of one lookup line, with this till's division account joined in (the unique
// (customer, business) index makes that join one probe per hit).
export const HIT_COLUMNS = `
  c.id, c.customer_number as customerNumber, c.type, c.full_name as fullName,
  c.company_name as companyName, c.primary_phone as primaryPhone,
  c.alternate_phone as alternatePhone, c.primary_email as primaryEmail,
  c.national_id as nationalId, c.date_of_birth as dateOfBirth, c.city,
  c.is_active as isActive, c.is_blacklisted as isBlacklisted,
  a.division_customer_number as divisionCustomerNumber, a.status as accountStatus`;

export const ACCOUNT_JOIN = `left join customer_division_accounts a
  on a.universal_customer_id = c.id and a.business_id = @businessId and a.deleted_at is null`;

/** Spelled exactly as the partial unique indexes' condition, so SQLite can use them. */
export const LIVE = 'c.deleted_at is null and c.merged_into_id is null';

/**
 * The same filter, but kept away from the merged_into_id index: without statistics SQLite
 * takes `merged_into_id is null` for a selective lookup and walks a million live rows.
 * The unary + makes it a plain filter on rows found by a better index.
 */
export const LIVE_ROW = '+c.deleted_at is null and +c.merged_into_id is null';

export type HitRow = Omit<CustomerHit, 'isActive' | 'isBlacklisted' | 'matchedBy'> & {
  alternatePhone: string | null;
  isActive: 0 | 1;
  isBlacklisted: 0 | 1;
};

export function toHit(row: HitRow, matchedBy: CustomerHit['matchedBy']): CustomerHit {
  const { alternatePhone: _alternate, ...hit } = row;
  return {
    ...hit,
    isActive: row.isActive === 1,
    isBlacklisted: row.isBlacklisted === 1,
    matchedBy,
  };
}

/** Prepares each statement once per connection: preparing costs more than running these. */
export function statementCache(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
export type Statements = ReturnType<typeof statementCache>;
