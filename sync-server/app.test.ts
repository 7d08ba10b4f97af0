import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestCentralDb } from '../db/testing/pg';
import { conflictLog, flaggedEvents, tills } from '../db/central/schema';
import { PROTOCOL_VERSION } from '../shared/contract/server-api';
import { uuidv7 } from '../shared/ids';
import { buildApp } from './app';
import { seedOrgFixture } from './testing/org-fixture';

let app: FastifyInstance;
let org: Awaited<ReturnType<typeof seedOrgFixture>>;
let database: Awaited<ReturnType<typeof createTestCentralDb>>;

beforeAll(async () => {
  database = await createTestCentralDb();
  org = await seedOrgFixture(database.handle.db);
  app = buildApp({ central: database.handle, logLevel: 'silent' });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function login(username: string, pin: string) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, pin } });
}
async function tokenFor(username: string, pin: string): Promise<string> {
  const response = await login(username, pin);
  expect(response.statusCode).toBe(200);
  return response.json<{ token: string }>().token;
}
async function issueCode(divisionId: string): Promise<string> {
  const token = await tokenFor('admin', '9999');
  const response = await app.inject({
    method: 'POST',
    url: '/api/enrollment-codes',
    headers: { authorization: `Bearer ${token}` },
    payload: { divisionId },
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ code: string }>().code;
}
async function enroll(code: string, tillId = uuidv7()) {
  return app.inject({
    method: 'POST',
    url: '/api/tills/enroll',
    payload: { code, tillName: 'Till A', tillId, protocolVersion: PROTOCOL_VERSION },
  });
}

describe('sync server skeleton', () => {
  it('answers /health with JSON naming the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      database: database.databaseUrl ? 'postgres' : 'pglite',
    });
  });

  it('refuses every other request without a credential', async () => {
    for (const url of ['/api/divisions', '/api/sync/bootstrap']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
    }
    const forged = await app.inject({
      method: 'GET',
      url: '/api/divisions',
      headers: { authorization: 'Bearer dv_forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('says the same thing for an unknown user and a wrong PIN', async () => {
    const unknown = await login('nobody', '1234');
    const wrongPin = await login('clo.supervisor', '1234');
    expect(unknown.statusCode).toBe(401);
    expect(wrongPin.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrongPin.json());
  });

  it('names the bad field of a malformed body and changes nothing', async () => {
    const response = await login('clo.cashier', '12ab');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'pin' } });
  });

  it('locks a user out after five wrong PINs, even with the right PIN', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await login('hwr.cashier', '0000')).statusCode).toBe(401);
    const locked = await login('hwr.cashier', '1111');
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ error: { code: 'LOCKED_OUT' } });
  });

  it('lets only a head-office admin issue enrollment codes', async () => {
    const token = await tokenFor('clo.cashier', '1111');
    const response = await app.inject({
      method: 'POST',
      url: '/api/enrollment-codes',
      headers: { authorization: `Bearer ${token}` },
      payload: { divisionId: org.clothing.id },
    });
    expect(response.statusCode).toBe(403);
  });

  it('enrolls a till once per code, bound to the code’s division', async () => {
    const code = await issueCode(org.clothing.id);
    const first = await enroll(code);
    expect(first.statusCode).toBe(201);
    const body = first.json<{ deviceToken: string; division: { code: string } }>();
    expect(body.division.code).toBe('CLO');
    const again = await enroll(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: { field: 'code' } });

    const bootstrap = await app.inject({
      method: 'GET',
      url: '/api/sync/bootstrap',
      headers: { authorization: `Bearer ${body.deviceToken}` },
    });
    expect(bootstrap.statusCode).toBe(200);
    const usernames = bootstrap
      .json<{ staff: { username: string }[] }>()
      .staff.map((s) => s.username)
      .sort();
    // Its own division's staff and head office; never another division's.
    expect(usernames).toEqual(['admin', 'clo.cashier', 'clo.supervisor']);
  });

  it('answers 401 to a revoked till credential', async () => {
    const tillId = uuidv7();
    const enrolled = await enroll(await issueCode(org.clothing.id), tillId);
    const { deviceToken } = enrolled.json<{ deviceToken: string }>();
    await database.handle.db
      .update(tills)
      .set({ revokedAt: new Date().toISOString() })
      .where(eq(tills.id, tillId));
    const response = await app.inject({
      method: 'GET',
      url: '/api/sync/bootstrap',
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    expect(response.statusCode).toBe(401);
  });

  it('tells a till too old for this server to update, instead of syncing it', async () => {
    const { deviceToken } = (await enroll(await issueCode(org.clothing.id))).json<{
      deviceToken: string;
    }>();
    const headers = { authorization: `Bearer ${deviceToken}` };
    const old = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { ...headers, 'x-unitill-protocol': '0' },
    });
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ error: { code: 'UPGRADE_REQUIRED' } });
    const current = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { ...headers, 'x-unitill-protocol': String(PROTOCOL_VERSION) },
    });
    expect(current.statusCode).toBe(200);
  });

  it('shows head office every till with its progress, and only to head office', async () => {
    const { deviceToken, tillId } = (await enroll(await issueCode(org.clothing.id))).json<{
      deviceToken: string;
      tillId: string;
    }>();
    await app.inject({
      method: 'GET',
      url: '/api/sync/pull?after=0',
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    const cashier = await app.inject({
      method: 'GET',
      url: '/api/tills',
      headers: { authorization: `Bearer ${await tokenFor('clo.cashier', '1111')}` },
    });
    expect(cashier.statusCode).toBe(403);
    const admin = await app.inject({
      method: 'GET',
      url: '/api/tills',
      headers: { authorization: `Bearer ${await tokenFor('admin', '9999')}` },
    });
    expect(admin.statusCode).toBe(200);
    const till = admin
      .json<{ tills: { id: string; division: string; lastPullAt: string | null }[] }>()
      .tills.find((t) => t.id === tillId);
    expect(till).toMatchObject({ division: 'CLO' });
    expect(till?.lastPullAt).not.toBeNull();
  });

  it('shows the outbox length each till reports, keeping the last good one', async () => {
    const { deviceToken, tillId } = (await enroll(await issueCode(org.clothing.id))).json<{
      deviceToken: string;
      tillId: string;
    }>();
    const pull = (waiting: string) =>
      app.inject({
        method: 'GET',
        url: '/api/sync/pull?after=0',
        headers: { authorization: `Bearer ${deviceToken}`, 'x-unitill-waiting': waiting },
      });
    const waitingOf = async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/tills',
        headers: { authorization: `Bearer ${await tokenFor('admin', '9999')}` },
      });
      return response
        .json<{ tills: { id: string; waitingMutations: number | null }[] }>()
        .tills.find((t) => t.id === tillId)?.waitingMutations;
    };
    expect(await waitingOf()).toBeNull();
    expect((await pull('1742')).statusCode).toBe(200);
    expect(await waitingOf()).toBe(1742);
    expect((await pull('-5')).statusCode).toBe(200);
    expect(await waitingOf()).toBe(1742);
  });

  it('lets head office resolve a flag (re-stamped for the tills) and review a conflict', async () => {
    const db = database.handle.db;
    const flagId = uuidv7();
    await db.insert(flaggedEvents).values({
      id: flagId,
      kind: 'LAYBY_OVERPAID',
      businessId: org.clothing.id,
      entityType: 'customer_layby',
      entityId: uuidv7(),
      message: 'Paid US$20.00 more than the balance; kept as account credit.',
      serverSeq: 0, // below any stamp: the resolution must draw a new one
    });
    const conflictId = uuidv7();
    await db.insert(conflictLog).values({
      id: conflictId,
      entityType: 'universal_customer',
      entityId: uuidv7(),
      field: 'city',
      winningValue: 'Harare',
      losingValue: 'Mutare',
    });
    const admin = { authorization: `Bearer ${await tokenFor('admin', '9999')}` };
    const post = (url: string, payload?: unknown) =>
      app.inject({ method: 'POST', url, headers: admin, payload: payload as object });

    const cashier = await app.inject({
      method: 'POST',
      url: `/api/sync/flags/${flagId}/resolve`,
      headers: { authorization: `Bearer ${await tokenFor('clo.cashier', '1111')}` },
      payload: { resolution: 'Refunded in cash' },
    });
    expect(cashier.statusCode).toBe(403);
    const empty = await post(`/api/sync/flags/${flagId}/resolve`, { resolution: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'INVALID_INPUT', field: 'resolution' } });

    const resolved = await post(`/api/sync/flags/${flagId}/resolve`, {
      resolution: 'Refunded the US$20.00 in cash at the till',
    });
    expect(resolved.statusCode).toBe(200);
    const flag = resolved.json<{ flag: { resolvedAt: string; serverSeq: number } }>().flag;
    expect(flag.resolvedAt).not.toBeNull();
    expect(Number(flag.serverSeq)).toBeGreaterThan(0);
    expect(
      (await post(`/api/sync/flags/${flagId}/resolve`, { resolution: 'again' })).statusCode,
    ).toBe(409);
    expect(
      (await post(`/api/sync/flags/${uuidv7()}/resolve`, { resolution: 'none' })).statusCode,
    ).toBe(404);
    const open = await app.inject({ method: 'GET', url: '/api/sync/flags', headers: admin });
    expect(open.json<{ flags: { id: string }[] }>().flags.map((f) => f.id)).not.toContain(flagId);

    expect((await post(`/api/sync/conflicts/${conflictId}/review`)).statusCode).toBe(200);
    expect((await post(`/api/sync/conflicts/${conflictId}/review`)).statusCode).toBe(409);
    const conflicts = await app.inject({
      method: 'GET',
      url: '/api/sync/conflicts',
      headers: admin,
    });
    expect(conflicts.json<{ conflicts: { id: string }[] }>().conflicts).toEqual([]);
  });
});
