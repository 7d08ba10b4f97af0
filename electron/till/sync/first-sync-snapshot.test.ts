import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTillDb, type TillHandle } from '../../../db/till/connect';
import { outbox } from '../../../db/till/schema';
import type { PullResponse } from '../../../shared/contract/sync/protocol';
import { generateBatch, type BatchPlan } from '../../../sync-server/demo/batch';
import { DEMO_REFERENCE_TIME } from '../../../sync-server/demo/dates';
import { createBulkUuidv7 } from '../../../sync-server/demo/fast-ids';
import { applyPage, pullChanges, readCursor, type PullProgress } from './pull-changes';
import type { ServerClient } from './server-client';
import {
  beginSnapshot,
  finishSnapshot,
  readSnapshot,
  SNAPSHOT_KEY,
  SNAPSHOT_MIN_CHANGES,
} from './snapshot';

// The first-sync snapshot (snapshot.ts): the name index and lookup indexes set aside while a
// new till writes its first pages, and put back — with exactly the index the triggers would
// have built — when it ends, when its pull fails, or after a kill.

const DIVISION = '0190a000-0000-7000-8000-0000000000c1';

let dir: string;
let till: TillHandle;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'unitill-snapshot-'));
  till = openTillDb(join(dir, 'till.sqlite'));
});
afterEach(() => {
  till.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Server pages of generated customers with their clothing accounts, as the pull sends them. */
function serverPages(customers: number, pageSize: number): PullResponse[] {
  const plan: BatchPlan = {
    seed: 11,
    now: DEMO_REFERENCE_TIME,
    newId: createBulkUuidv7(() => DEMO_REFERENCE_TIME),
    divisions: { CLO: { id: DIVISION, code: 'CLO' } },
    nextAccountNumber: { GRO: 1, RST: 1, CLO: 1, HWR: 1, CON: 1 },
    firstSequence: 1,
    lastSequence: customers,
  };
  const batch = generateBatch(plan, 1, customers);
  let seq = 0;
  // Some tombstoned and merged customers, and companies: what the name index leaves out or adds.
  const changes = [
    ...batch.customers.map((c, i) => ({
      entity: 'universal_customers',
      seq: (seq += 1),
      row: {
        ...c,
        updatedAt: c.createdAt,
        serverSeq: seq,
        deletedAt: i % 97 === 5 ? c.createdAt : null,
        mergedIntoId: i % 89 === 7 ? batch.customers[0]!.id : null,
      },
    })),
    ...batch.accounts.map((a) => ({
      entity: 'customer_division_accounts',
      seq: (seq += 1),
      row: { ...a, updatedAt: a.createdAt, serverSeq: seq },
    })),
  ];
  const highWater = seq;
  const pages: PullResponse[] = [];
  for (let at = 0; at < changes.length; at += pageSize) {
    const slice = changes.slice(at, at + pageSize);
    pages.push({
      changes: slice,
      cursor: slice.at(-1)!.seq,
      hasMore: at + pageSize < changes.length,
      highWater,
    });
  }
  return pages;
}

/** The same page as a server answers shape=columns: rows as arrays under column names. */
function asColumns(page: PullResponse): PullResponse {
  const tables: { entity: string; columns: string[] }[] = [];
  const rows = page.changes.map((change) => {
    let at = tables.findIndex((t) => t.entity === change.entity);
    if (at < 0) at = tables.push({ entity: change.entity, columns: Object.keys(change.row) }) - 1;
    return [at, change.seq, ...tables[at]!.columns.map((c) => change.row[c] ?? null)];
  });
  return { ...page, changes: [], tables, rows };
}

/** A server that answers from prepared pages; `failAt` makes the pull after that cursor fail. */
function fakeServer(
  pages: PullResponse[],
  failAt?: number,
  shape: 'changes' | 'columns' = 'columns',
): ServerClient {
  const pull = (after: number) => {
    if (failAt !== undefined && after >= failAt)
      return Promise.reject(new Error('The head-office server is not reachable.'));
    const page = pages.find((p) => p.changes[0]!.seq > after) ?? {
      ...pages.at(-1)!,
      changes: [],
      hasMore: false,
    };
    return Promise.resolve(shape === 'columns' ? asColumns(page) : page);
  };
  return { pullColumns: pull } as unknown as ServerClient;
}

const schemaObjects = (handle: TillHandle) =>
  handle.sqlite
    .prepare(
      `select type, name, sql from sqlite_master
       where type in ('index', 'trigger') and sql is not null order by type, name`,
    )
    .all();

/** Every token occurrence in the name index: equal lists mean equal indexes. */
function searchIndex(handle: TillHandle): unknown[] {
  handle.sqlite.exec(
    `create virtual table if not exists temp.search_terms using fts5vocab(main, customer_search, instance)`,
  );
  return handle.sqlite
    .prepare('select term, doc, col, offset from temp.search_terms order by term, doc, offset')
    .all();
}

const nameHits = (handle: TillHandle, query: string) =>
  handle.sqlite
    .prepare(
      `select c.full_name as name from customer_search s
       join universal_customers c on c.rowid = s.rowid where customer_search match ?`,
    )
    .all(query)
    .map((row) => (row as { name: string }).name);

describe('a first-sync snapshot', () => {
  it('sets the name index triggers and customer indexes aside, keeping keys and numbers', () => {
    const before = schemaObjects(till);
    const state = beginSnapshot(till.sqlite, { highWater: 10, fromCursor: 0, now: new Date() });
    const dropped = state.dropped.map((o) => o.name).sort();
    expect(dropped).toEqual([
      'customer_search_after_delete',
      'customer_search_after_insert',
      'customer_search_after_update',
      'universal_customers_alternate_phone_idx',
      'universal_customers_date_of_birth_idx',
      'universal_customers_linked_employee_id_key',
      'universal_customers_linked_user_id_key',
      'universal_customers_merged_into_id_idx',
      'universal_customers_national_id_key',
      'universal_customers_primary_email_key',
      'universal_customers_primary_phone_idx',
      'universal_customers_server_seq_idx',
    ]);
    const left = schemaObjects(till).map((o) => (o as { name: string }).name);
    expect(left).toContain('universal_customers_customer_number_key');
    expect(left).toContain('customer_division_accounts_customer_business_key');
    expect(left).not.toContain('customer_search_after_insert');
    expect(readSnapshot(till.sqlite)).toEqual(state);

    expect(finishSnapshot(till.sqlite)).toBe('done');
    expect(schemaObjects(till)).toEqual(before);
    expect(readSnapshot(till.sqlite)).toBeNull();
    expect(finishSnapshot(till.sqlite)).toBe('none');
  });

  it('puts everything else back when a duplicate holds up a unique index, and retries it', () => {
    const before = schemaObjects(till);
    beginSnapshot(till.sqlite, { highWater: 0, fromCursor: 0, now: new Date() });
    const pages = serverPages(300, 100);
    for (const page of pages) applyPage(till.db, page);
    // A customer registered here during the snapshot with an e-mail a pulled customer holds.
    const taken = pages[0]!.changes.find(
      (c) => c.entity === 'universal_customers' && c.row.primaryEmail && !c.row.deletedAt,
    )!.row;
    till.sqlite
      .prepare(
        `insert into universal_customers (id, customer_number, full_name, primary_phone, primary_email)
         values ('0190a000-0000-7000-8000-00000000d0b1', 'UCST-LOCAL-2', 'Local Twin', '+263770000001', ?)`,
      )
      .run(taken.primaryEmail);
    expect(finishSnapshot(till.sqlite)).toBe('unique-pending');
    const state = readSnapshot(till.sqlite)!;
    expect(state.finishing).toBe(true);
    expect(state.uniqueConflict).toMatch(/UNIQUE/);
    // Names, phones and triggers are back; only the unique indexes wait.
    expect(nameHits(till, 'twin')).toEqual(['Local Twin']);
    expect(state.dropped.every((o) => o.type === 'index' && /^CREATE UNIQUE/i.test(o.sql))).toBe(
      true,
    );
    // Once the duplicate is gone (the server's answer to the local registration), it builds.
    till.sqlite.exec(`delete from universal_customers where customer_number = 'UCST-LOCAL-2'`);
    expect(finishSnapshot(till.sqlite)).toBe('done');
    expect(schemaObjects(till)).toEqual(before);
  });

  it('builds exactly the name index the triggers build', () => {
    const pages = serverPages(1_500, 400);
    // The same pages into a till that keeps its triggers throughout.
    const kept = openTillDb(join(dir, 'kept.sqlite'));
    try {
      for (const page of pages) applyPage(kept.db, page);
      beginSnapshot(till.sqlite, { highWater: 0, fromCursor: 0, now: new Date() });
      for (const page of pages) applyPage(till.db, page);
      expect(searchIndex(till)).toEqual([]); // nothing indexed while the snapshot runs
      finishSnapshot(till.sqlite);
      const built = searchIndex(till);
      expect(built.length).toBeGreaterThan(3_000);
      expect(built).toEqual(searchIndex(kept));
      // And the triggers are back: a rename is followed.
      till.sqlite.exec(
        `update universal_customers set full_name = 'Zvikomborero Quagmire' where rowid = 3`,
      );
      expect(nameHits(till, 'quagmire')).toEqual(['Zvikomborero Quagmire']);
    } finally {
      kept.close();
    }
  });

  it('finishes a finish that was cut short after some indexes were built', () => {
    const before = schemaObjects(till);
    const state = beginSnapshot(till.sqlite, { highWater: 0, fromCursor: 0, now: new Date() });
    for (const page of serverPages(200, 100)) applyPage(till.db, page);
    // A till killed while putting back its indexes: two are back, the rest and the triggers not.
    for (const index of state.dropped.filter((o) => o.type === 'index').slice(0, 2))
      till.sqlite.exec(index.sql);
    till.close();
    till = openTillDb(join(dir, 'till.sqlite'));
    expect(readSnapshot(till.sqlite)?.dropped).toHaveLength(state.dropped.length);
    expect(finishSnapshot(till.sqlite)).toBe('done');
    expect(schemaObjects(till)).toEqual(before);
  });
});

describe('pulling a first sync as a snapshot', () => {
  const customers = Math.ceil(SNAPSHOT_MIN_CHANGES * 0.9);

  it('writes every page with its cursor, reports progress, and ends with the indexes back', async () => {
    const before = schemaObjects(till);
    const pages = serverPages(customers, 5_000);
    const highWater = pages[0]!.highWater;
    const seen: PullProgress[] = [];
    const applied = await pullChanges(till.db, fakeServer(pages), (p) => seen.push(p));
    const total = pages.reduce((n, p) => n + p.changes.length, 0);
    expect(applied).toBe(total);
    expect(readCursor(till.db)).toBe(highWater);
    expect(readSnapshot(till.sqlite)).toBeNull();
    expect(schemaObjects(till)).toEqual(before);
    expect(nameHits(till, 'moyo').length).toBeGreaterThan(0);

    expect(seen[0]).toMatchObject({ firstSync: true, phase: 'pulling', highWater });
    expect(seen.some((p) => p.phase === 'indexing')).toBe(true);
    expect(seen.at(-1)).toMatchObject({
      firstSync: false,
      phase: 'done',
      percent: 100,
      etaSeconds: 0,
      applied: total,
    });
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // The estimate of the whole stays close to the truth from the first page on.
    for (const p of seen) expect(Math.abs(p.expected - total)).toBeLessThan(total * 0.1);
  });

  it('puts the indexes back when the pull fails half-way, keeping the pages it wrote', async () => {
    const before = schemaObjects(till);
    const pages = serverPages(customers, 5_000);
    const failAt = pages[2]!.cursor;
    await expect(pullChanges(till.db, fakeServer(pages, failAt))).rejects.toThrow(/reachable/);
    expect(readCursor(till.db)).toBe(failAt);
    expect(readSnapshot(till.sqlite)).toBeNull();
    expect(schemaObjects(till)).toEqual(before);
    expect(nameHits(till, 'moyo').length).toBeGreaterThan(0);
  });

  it('continues a snapshot left by a till killed mid-way, never overwriting unpushed rows', async () => {
    const pages = serverPages(customers, 5_000);
    // The killed till: it began the snapshot and wrote two pages (each with its cursor).
    beginSnapshot(till.sqlite, { highWater: pages[0]!.highWater, fromCursor: 0, now: new Date() });
    applyPage(till.db, pages[0]!);
    applyPage(till.db, pages[1]!);
    // Meanwhile a cashier renamed a customer of page 3 on this till, not yet pushed.
    const local = pages[2]!.changes.find((c) => c.entity === 'universal_customers')!;
    till.sqlite
      .prepare(
        `insert into universal_customers (id, customer_number, full_name, primary_phone)
         values (?, ?, 'Local Rename', '+263770000000')`,
      )
      .run(local.row.id, 'UCST-LOCAL-1');
    till.db
      .insert(outbox)
      .values({
        id: '0190a000-0000-7000-8000-00000000beef',
        seq: 1,
        name: 'customer.update',
        payload: { id: local.row.id, patch: { fullName: 'Local Rename' } },
      })
      .run();
    till.close();
    till = openTillDb(join(dir, 'till.sqlite'));

    const seen: PullProgress[] = [];
    await pullChanges(till.db, fakeServer(pages), (p) => seen.push(p));
    expect(seen[0]).toMatchObject({ firstSync: true });
    expect(seen[0]!.percent).toBeGreaterThan(30); // counted from the snapshot's start
    expect(readSnapshot(till.sqlite)).toBeNull();
    expect(readCursor(till.db)).toBe(pages[0]!.highWater);
    expect(nameHits(till, '"local rename"')).toEqual(['Local Rename']);
    const customerRows = pages
      .flatMap((p) => p.changes)
      .filter((c) => c.entity === 'universal_customers');
    const { n } = till.sqlite.prepare('select count(*) as n from universal_customers').get() as {
      n: number;
    };
    expect(n).toBe(customerRows.length);
  });

  it('runs a small pull row by row, triggers in place', async () => {
    const pages = serverPages(300, 100);
    const seen: PullProgress[] = [];
    await pullChanges(till.db, fakeServer(pages), (p) => seen.push(p));
    expect(seen.every((p) => !p.firstSync)).toBe(true);
    expect(
      till.sqlite.prepare('select count(*) as n from sync_state where key = ?').get(SNAPSHOT_KEY),
    ).toEqual({
      n: 0,
    });
  });

  it('writes a page of arrays under column names exactly as one of row objects', async () => {
    const pages = serverPages(2_000, 700);
    const other = openTillDb(join(dir, 'objects.sqlite'));
    try {
      await pullChanges(till.db, fakeServer(pages, undefined, 'columns'));
      await pullChanges(other.db, fakeServer(pages, undefined, 'changes'));
      for (const table of ['universal_customers', 'customer_division_accounts']) {
        const rows = (handle: TillHandle) =>
          handle.sqlite.prepare(`select * from ${table} order by id`).all();
        expect(rows(till)).toEqual(rows(other));
        expect(rows(till).length).toBeGreaterThan(500);
      }
      expect(readCursor(till.db)).toBe(readCursor(other.db));
    } finally {
      other.close();
    }
  });
});
