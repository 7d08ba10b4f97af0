import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralDb } from '../../../db/central/connect';
import { businesses, customerNotes, universalCustomers, users } from '../../../db/central/schema';
import { createTestCentralDb } from '../../../db/testing/pg';
import { SYNCED_ENTITIES, SYNCED_ENTITY_NAMES } from '../../../shared/contract/sync/entities';
import { PullResponse, type PulledChange } from '../../../shared/contract/sync/protocol';
import type { TillPrincipal } from '../../../sync-server/auth/principal';
import { seedDemo } from '../../../sync-server/demo/seed';
import {
  latestServerSeq,
  lockChangeSequence,
  nextServerSeq,
} from '../../../sync-server/sync/change-sequence';
import { centralSyncedTables, timestampKeys } from '../../../sync-server/sync/entity-tables';
import { createPageAhead, pullPage, pullPageJson } from '../../../sync-server/sync/pull';

// The first sync's server page (sync-server/sync/pull.ts) is JSON built by PostgreSQL with a
// cutoff computed first. Tills must see exactly what the page held when it was drizzle rows
// merged in Node: the same changes, the same values, the same cursor. The reference below is
// that former implementation.

let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let db: CentralDb;
const tillOf = (businessId: string): TillPrincipal => ({
  kind: 'till',
  tillId: '0190a000-0000-7000-8000-00000000a001',
  businessId,
  name: 'Wire',
});

async function referencePage(
  till: TillPrincipal,
  after: number,
  limit: number,
): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const perTable = await Promise.all(
        SYNCED_ENTITY_NAMES.map(async (entity) => {
          const table = centralSyncedTables[entity];
          const scope = SYNCED_ENTITIES[entity];
          const inScope =
            scope === 'all' || !table.businessId
              ? undefined
              : scope === 'division'
                ? eq(table.businessId, till.businessId)
                : or(eq(table.businessId, till.businessId), isNull(table.businessId));
          const rows = (await tx
            .select()
            .from(table)
            .where(and(gt(table.serverSeq, after), inScope))
            .orderBy(asc(table.serverSeq))
            .limit(limit)) as Record<string, unknown>[];
          return { entity, rows };
        }),
      );
      const changes: PulledChange[] = perTable
        .flatMap(({ entity, rows }) =>
          rows.map((row) => {
            const out = { ...row };
            for (const key of timestampKeys(centralSyncedTables[entity])) {
              const value = out[key];
              if (typeof value === 'string') out[key] = new Date(value).toISOString();
            }
            return { entity, seq: Number(row.serverSeq), row: out };
          }),
        )
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit);
      const cursor = changes.at(-1)?.seq ?? after;
      const hasMore = changes.length === limit;
      const highWater = Math.max(await latestServerSeq(tx), cursor);
      return { changes, cursor, hasMore, highWater };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** A shape=columns page read back as one object per change. */
function asChanges(page: PullResponse): PullResponse {
  const { tables = [], rows = [], ...rest } = page;
  expect(page.changes).toEqual([]);
  return {
    ...rest,
    changes: rows.map(([at, seq, ...values]) => {
      const table = tables[at as number]!;
      return {
        entity: table.entity,
        seq: seq as number,
        row: Object.fromEntries(table.columns.map((column, i) => [column, values[i]])),
      };
    }),
  };
}

let clothing: string;
let hardware: string;

beforeAll(async () => {
  database = await createTestCentralDb();
  db = database.handle.db;
  await seedDemo(db, { customers: 120, seed: 5 });
  const division = async (code: string) =>
    (await db.select().from(businesses).where(eq(businesses.code, code)))[0]!.id;
  clothing = await division('CLO');
  hardware = await division('HWR');
  const [author] = await db.select().from(users).limit(1);
  // What the demo leaves out: JSON, sub-millisecond times, tombstones, merges, notes with and
  // without a division, a company name.
  await db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    await tx.execute(sql`update customer_division_accounts set
        preferences = '{"size":"M","channels":["sms",null],"n":1.5}'::jsonb,
        custom_fields = '[]'::jsonb, server_seq = nextval('server_change_seq')
      where id in (select id from customer_division_accounts order by server_seq limit 3)`);
    await tx.execute(sql`update universal_customers set
        updated_at = '2025-03-04 05:06:07.891234+02', deleted_at = now(),
        company_name = 'Zoë & Sons "Hardware"', server_seq = nextval('server_change_seq')
      where id in (select id from universal_customers order by server_seq limit 2)`);
    await tx.execute(sql`update universal_customers set
        merged_into_id = (select id from universal_customers order by server_seq desc limit 1),
        server_seq = nextval('server_change_seq')
      where id in (select id from universal_customers order by server_seq offset 5 limit 1)`);
    const [customer] = await tx
      .select({ id: universalCustomers.id })
      .from(universalCustomers)
      .orderBy(universalCustomers.serverSeq)
      .limit(1);
    for (const businessId of [clothing, hardware, null]) {
      await tx.insert(customerNotes).values({
        id: crypto.randomUUID(),
        universalCustomerId: customer!.id,
        businessId,
        content: `note for ${businessId ?? 'the group'}\n\ttabbed`,
        createdBy: author!.id,
        serverSeq: nextServerSeq(),
      });
    }
  });
});
afterAll(async () => {
  await database?.drop();
});

describe('a pull page built by PostgreSQL', () => {
  it('is the page drizzle rows made, page after page, for each division', async () => {
    for (const businessId of [clothing, hardware]) {
      for (const limit of [5_000, 97, 1]) {
        let after = 0;
        let pages = 0;
        for (;;) {
          const expected = await referencePage(tillOf(businessId), after, limit);
          const page = await pullPage(db, tillOf(businessId), after, limit);
          expect(PullResponse.parse(page)).toEqual(expected);
          const columns = PullResponse.parse(
            JSON.parse((await pullPageJson(db, tillOf(businessId), after, limit, 'columns')).body),
          );
          expect(asChanges(columns)).toEqual(expected);
          pages += 1;
          if (!page.hasMore || (limit === 1 && pages > 40)) break;
          after = page.cursor;
        }
        expect(pages).toBeGreaterThan(0);
      }
    }
  });

  it('keeps rows of other divisions out and group-wide notes in', async () => {
    const page = await pullPage(db, tillOf(clothing), 0, 5_000);
    const notes = page.changes.filter((c) => c.entity === 'customer_notes');
    expect(notes.map((c) => c.row.businessId).sort()).toEqual([clothing, null].sort());
    const accounts = page.changes.filter((c) => c.entity === 'customer_division_accounts');
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((c) => c.row.businessId === clothing)).toBe(true);
    const seqs = page.changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('computes the next page ahead without letting a till skip a row committed meanwhile', async () => {
    const till = tillOf(clothing);
    const everything = new Set<string>();
    for (let after = 0, more = true; more;) {
      const page = await pullPage(db, till, after, 5_000);
      for (const c of page.changes) everything.add(`${c.entity}:${String(c.row.id)}`);
      more = page.hasMore;
      after = page.cursor;
    }
    const ahead = createPageAhead();
    const seen = new Set<string>();
    let after = 0;
    let added = 0;
    for (let round = 0; round < 500; round += 1) {
      const page = JSON.parse((await ahead.page(db, till, after, 10)).body) as PullResponse;
      for (const c of page.changes) seen.add(`${c.entity}:${String(c.row.id)}`);
      // A note committed while the next page is (perhaps) already held.
      if (round % 3 === 0) {
        const [author] = await db.select().from(users).limit(1);
        const [customer] = await db.select().from(universalCustomers).limit(1);
        const id = crypto.randomUUID();
        await db.transaction(async (tx) => {
          await lockChangeSequence(tx);
          await tx.insert(customerNotes).values({
            id,
            universalCustomerId: customer!.id,
            businessId: clothing,
            content: `meanwhile ${round}`,
            createdBy: author!.id,
            serverSeq: nextServerSeq(),
          });
        });
        everything.add(`customer_notes:${id}`);
        added += 1;
      }
      after = page.cursor;
      if (!page.hasMore && round % 3 !== 0) break;
    }
    expect(added).toBeGreaterThan(3);
    expect([...everything].filter((key) => !seen.has(key))).toEqual([]);
  });
});
