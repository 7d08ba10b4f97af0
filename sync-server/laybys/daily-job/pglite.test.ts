import { describe, expect, it } from 'vitest';
import { openCentralDb } from '../../../db/central/connect';
import { seedOrgFixture } from '../../testing/org-fixture';
import { laybyReport } from '../report/report';
import { tickLateFeeJob } from './scheduler';
import { customerIn, insertLayby, lateFeesOf, laybyRow, plan } from './testing/builders';

// The embedded database is what a new user's server runs on: the job's statements (jsonb
// batches, the partial-index upsert), its lock (in-process there) and the report must work on it too.

describe('the late-fee job on embedded PGlite', () => {
  it('charges, defaults, skips a finished day, and reports', async () => {
    const central = await openCentralDb({});
    try {
      const db = central.db;
      const org = await seedOrgFixture(db);
      const owner = await customerIn(db, org.clothing.id, org.staff.admin.id);
      const layby = await insertLayby(db, owner, { schedule: plan('2025-12-20', 3, 3_000) });
      const clock = () => new Date('2026-03-02T08:00:00Z');
      expect(await tickLateFeeJob(db, { clock })).toMatchObject({ outcome: 'ran' });
      expect(await tickLateFeeJob(db, { clock })).toMatchObject({ outcome: 'skipped' });
      expect(await lateFeesOf(db, layby.id)).toHaveLength(3);
      expect(await laybyRow(db, layby.id)).toMatchObject({
        status: 'DEFAULTED',
        lateFeeCents: 450,
      });
      const report = await laybyReport(db, { businessId: null, division: null }, '2026-03-02');
      expect(report.ageing[0]?.buckets[2]).toMatchObject({ label: '31-60', count: 1 });
    } finally {
      await central.close();
    }
  });
});
