import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCentralDb, type CentralDb } from '../../db/central/connect';
import * as schema from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { hasTrigramSearch } from './search/capabilities';
import { searchCustomers } from './search/search';

// The embedded database (the default for a new user) must search too: with pg_trgm loaded
// (connect.ts passes the extension), and without it (an older data directory or a build
// without the extension), where name search falls back to scanning.

const migrations = fileURLToPath(new URL('../../db/central/migrations', import.meta.url));
const names = ['Tendai Moyo', 'Tendai Ncube', 'Rudo Moyo'];

async function seed(db: CentralDb): Promise<void> {
  await db.insert(schema.universalCustomers).values(
    names.map((fullName, i) => ({
      id: uuidv7(),
      customerNumber: `UCST-00000${i + 1}`,
      fullName,
      primaryPhone: `+26377200000${i}`,
      createdAt: `2026-01-0${i + 1}T00:00:00Z`,
    })),
  );
}

const search = (db: CentralDb, q: string) => searchCustomers(db, { q, limit: 20, offset: 0 });

describe('search on embedded PGlite', () => {
  it('ranks names with pg_trgm when the extension is loaded', async () => {
    const central = await openCentralDb({});
    try {
      await seed(central.db);
      expect(await hasTrigramSearch(central.db)).toBe(true);
      const result = await search(central.db, 'moyo tendai');
      expect(result.items.map((c) => c.fullName)).toEqual(['Tendai Moyo']);
      expect((await search(central.db, 'Moyo')).total).toBe(2);
      expect((await search(central.db, '0772 000 001')).items.map((c) => c.fullName)).toEqual([
        'Tendai Ncube',
      ]);
    } finally {
      await central.close();
    }
  });

  it('still migrates and finds names without pg_trgm', async () => {
    const client = new PGlite();
    try {
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder: migrations });
      await seed(db);
      expect(await hasTrigramSearch(db)).toBe(false);
      const result = await search(db, 'Moyo');
      expect(result.items.map((c) => c.fullName)).toEqual(['Rudo Moyo', 'Tendai Moyo']);
    } finally {
      await client.close();
    }
  });
});
