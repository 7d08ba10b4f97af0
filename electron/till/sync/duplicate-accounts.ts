import type Database from 'better-sqlite3';

type RowWriter = (row: Record<string, unknown>) => void;

// Tables whose rows hang on a division account (their division_account_id column).
const ACCOUNT_REFERENCES = [
  'customer_laybys',
  'customer_payments',
  'customer_notes',
  'customer_communications',
  'business_orders',
] as const;

/**
 * Two tills offline can each open the same customer's account with their division (a first
 * layby opens one on the way). Head office keeps the account that reached it first and
 * redirects the other's work to it; when the kept row arrives here, this till still holds its
 * own account for the same customer and division. Rather than fail the page on the unique
 * (customer, division) key — and every page after it — the till folds its account into the
 * kept one: what hangs on it moves over, and its row goes. Mutations still in the outbox
 * name the old id; head office redirects them the same way.
 */
export function foldingDuplicateAccounts(sqlite: Database.Database, write: RowWriter): RowWriter {
  const findOther = sqlite.prepare<[string, string, string], { id: string }>(
    `select id from customer_division_accounts
      where universal_customer_id = ? and business_id = ? and id <> ?`,
  );
  const repoint = ACCOUNT_REFERENCES.map((table) =>
    sqlite.prepare(`update ${table} set division_account_id = ? where division_account_id = ?`),
  );
  const remove = sqlite.prepare('delete from customer_division_accounts where id = ?');
  return (row) => {
    const { id, universalCustomerId, businessId } = row;
    if (
      typeof id === 'string' &&
      typeof universalCustomerId === 'string' &&
      typeof businessId === 'string'
    ) {
      const other = findOther.get(universalCustomerId, businessId, id);
      if (other) {
        for (const statement of repoint) statement.run(id, other.id);
        remove.run(other.id);
      }
    }
    write(row);
  };
}
