import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDb, type TillHandle } from './connect';
import { universalCustomers } from './schema';

// The name index (migration 0002) is kept by triggers on universal_customers. A later
// migration that rebuilds that table drops them silently; this test is the tripwire.
let till: TillHandle;
beforeEach(() => {
  till = openTillDb(':memory:');
});
afterEach(() => till.close());

const matches = (query: string) =>
  till.sqlite
    .prepare(
      `select c.full_name as name from customer_search s join universal_customers c on c.rowid = s.rowid
       where customer_search match ? order by rank`,
    )
    .all(query)
    .map((row) => (row as { name: string }).name);

const row = (id: string, fullName: string) => ({
  id,
  customerNumber: `UCST-${id.padStart(6, '0')}`,
  fullName,
  primaryPhone: `+26377200000${id}`,
});

describe('customer_search', () => {
  it('has its three triggers', () => {
    const triggers = till.sqlite
      .prepare(
        `select name from sqlite_master where type = 'trigger' and tbl_name = 'universal_customers'`,
      )
      .all()
      .map((r) => (r as { name: string }).name)
      .sort();
    expect(triggers).toEqual([
      'customer_search_after_delete',
      'customer_search_after_insert',
      'customer_search_after_update',
    ]);
  });

  it('follows inserts, pulled upserts, tombstones, merges and deletes', () => {
    till.db
      .insert(universalCustomers)
      .values([row('1', 'Tendai Moyo'), row('2', 'Zoë Banda')])
      .run();
    expect(matches('"moy"*')).toEqual(['Tendai Moyo']);
    expect(matches('zoe')).toEqual(['Zoë Banda']);
    // How the pull writes a row: insert, or update on conflict.
    const renamed = row('1', 'Tendai Ncube');
    till.db
      .insert(universalCustomers)
      .values(renamed)
      .onConflictDoUpdate({ target: universalCustomers.id, set: renamed })
      .run();
    expect(matches('moyo')).toEqual([]);
    expect(matches('ncube')).toEqual(['Tendai Ncube']);
    till.db.run(sql`update universal_customers set deleted_at = '2025-01-01' where id = '1'`);
    expect(matches('ncube')).toEqual([]);
    till.db.run(sql`update universal_customers set merged_into_id = '1' where id = '2'`);
    expect(matches('zoe')).toEqual([]);
    till.db.run(sql`update universal_customers set merged_into_id = null where id = '2'`);
    expect(matches('banda')).toEqual(['Zoë Banda']);
    till.db.run(sql`delete from universal_customers where id = '2'`);
    expect(matches('banda')).toEqual([]);
  });
});
