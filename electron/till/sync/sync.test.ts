import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerNotes as centralNotes } from '../../../db/central/schema';
import { openTillDb } from '../../../db/till/connect';
import { customerNotes, numberBlocks, outbox } from '../../../db/till/schema';
import { createTestCentralDb } from '../../../db/testing/pg';
import { buildApp } from '../../../sync-server/app';
import { seedSyncFixture } from '../../../sync-server/sync/testing/sync-fixture';
import { startFaultProxy, type FaultProxy } from '../../../tests/support/fault-proxy';
import { createTillCore, type TillCore } from '../core';
import { writeNote } from './testing/note-writer';

type Till = { core: TillCore; dir: string; file: string };

let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let fixture: Awaited<ReturnType<typeof seedSyncFixture>>;
let server: FastifyInstance;
let proxy: FaultProxy;
const tills: Till[] = [];

async function issueCode(divisionCode: string): Promise<string> {
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', pin: '9999' },
  });
  const auth = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
  const { divisions } = (
    await server.inject({ method: 'GET', url: '/api/divisions', headers: auth })
  ).json<{
    divisions: { id: string; code: string }[];
  }>();
  const divisionId = divisions.find((d) => d.code === divisionCode)?.id;
  const response = await server.inject({
    method: 'POST',
    url: '/api/enrollment-codes',
    headers: auth,
    payload: { divisionId },
  });
  return response.json<{ code: string }>().code;
}

async function enrolledTill(divisionCode: string, name: string): Promise<Till> {
  const dir = mkdtempSync(join(tmpdir(), 'unitill-sync-'));
  const core = await createTillCore({ dataDir: dir, syncIntervalMs: 3_600_000 });
  const result = await core.call('till:enroll', {
    serverUrl: proxy.url,
    code: await issueCode(divisionCode),
    tillName: name,
  });
  expect(result.ok).toBe(true);
  const till = { core, dir, file: join(dir, 'till.sqlite') };
  tills.push(till);
  return till;
}

function addNoteOnTill(till: Till, content: string): string {
  const author = {
    customerId: fixture.customerIds[0]!,
    businessId: fixture.division.id,
    staffId: fixture.cashier.id,
  };
  return writeNote(till.file, author, content);
}

function inTill<T>(till: Till, read: (db: ReturnType<typeof openTillDb>['db']) => T): T {
  const handle = openTillDb(till.file);
  try {
    return read(handle.db);
  } finally {
    handle.close();
  }
}

const centralNotesWith = async (content: string) =>
  (
    await database.handle.db
      .select({ n: count() })
      .from(centralNotes)
      .where(eq(centralNotes.content, content))
  )[0]?.n ?? 0;

beforeAll(async () => {
  database = await createTestCentralDb();
  fixture = await seedSyncFixture(database.handle.db);
  server = buildApp({ central: database.handle, logLevel: process.env.TEST_LOG ?? 'silent' });
  const url = new URL(await server.listen({ port: 0, host: '127.0.0.1' }));
  proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(url.port) });
});
afterAll(async () => {
  for (const till of tills) {
    await till.core.close();
    rmSync(till.dir, { recursive: true, force: true });
  }
  await proxy.close();
  await server.close();
  await database.drop();
});

describe('sync between tills and the server', () => {
  it('leases each till its own blocks of numbers', async () => {
    const a = await enrolledTill('CLO', 'A');
    const b = await enrolledTill('CLO', 'B');
    const ranges = [a, b].flatMap((till) =>
      inTill(till, (db) =>
        db.select().from(numberBlocks).where(eq(numberBlocks.series, 'CUSTOMER')).all(),
      ),
    );
    expect(ranges).toHaveLength(2);
    const [first, second] = ranges.sort((x, y) => x.rangeStart - y.rangeStart);
    expect(first!.rangeEnd).toBeLessThan(second!.rangeStart);
  });

  it('pushes a change from one till and pulls it into another till of the division only', async () => {
    const [a, b] = tills;
    const hardware = await enrolledTill('HWR', 'H');
    const noteId = addNoteOnTill(a!, 'seen by B');
    await a!.core.call('sync:now', {});
    expect(await centralNotesWith('seen by B')).toBe(1);
    await b!.core.call('sync:now', {});
    await hardware.core.call('sync:now', {});
    const inB = inTill(b!, (db) =>
      db.select().from(customerNotes).where(eq(customerNotes.id, noteId)).get(),
    );
    const inHardware = inTill(hardware, (db) =>
      db.select().from(customerNotes).where(eq(customerNotes.id, noteId)).get(),
    );
    expect(inB?.content).toBe('seen by B');
    expect(inHardware).toBeUndefined();
  });

  it('lands a push exactly once when the answer is lost after the server committed', async () => {
    const [a] = tills;
    addNoteOnTill(a!, 'answer lost');
    proxy.setMode({ kind: 'drop-responses' });
    const lost = a!.core.call('sync:now', {});
    await new Promise((r) => setTimeout(r, 1_000));
    proxy.cutAll();
    expect(await lost).toMatchObject({ ok: true, value: { serverReachable: false } });
    expect(await centralNotesWith('answer lost')).toBe(1); // committed, answer never arrived
    proxy.setMode({ kind: 'pass' });
    const after = await a!.core.call('sync:now', {});
    expect(after).toMatchObject({
      ok: true,
      value: { serverReachable: true, pendingMutations: 0 },
    });
    expect(await centralNotesWith('answer lost')).toBe(1);
    expect(
      inTill(a!, (db) =>
        db
          .select()
          .from(outbox)
          .all()
          .every((m) => m.ackedAt !== null),
      ),
    ).toBe(true);
  });
});
