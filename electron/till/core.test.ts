import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCentralDb } from '../../db/testing/pg';
import { buildApp } from '../../sync-server/app';
import { seedOrgFixture } from '../../sync-server/testing/org-fixture';
import type { Result } from '../../shared/contract/result';
import { createTillCore, type TillCore } from './core';

let server: FastifyInstance;
let serverUrl: string;
let database: Awaited<ReturnType<typeof createTestCentralDb>>;
let org: Awaited<ReturnType<typeof seedOrgFixture>>;
let core: TillCore;
let dataDir: string;

async function issueCode(): Promise<string> {
  const login = await server.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', pin: '9999' },
  });
  const { token } = login.json<{ token: string }>();
  const response = await server.inject({
    method: 'POST',
    url: '/api/enrollment-codes',
    headers: { authorization: `Bearer ${token}` },
    payload: { divisionId: org.clothing.id },
  });
  return response.json<{ code: string }>().code;
}

function expectError(result: Result<unknown>, code: string, field?: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  if (field) expect(result.error.field).toBe(field);
  return result.error.message;
}

beforeAll(async () => {
  database = await createTestCentralDb();
  org = await seedOrgFixture(database.handle.db);
  server = buildApp({ central: database.handle, logLevel: 'silent' });
  serverUrl = await server.listen({ port: 0, host: '127.0.0.1' });
  dataDir = mkdtempSync(join(tmpdir(), 'unitill-till-'));
  core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await core.close();
  await server.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('till core', () => {
  it('starts unenrolled and refuses sign-in until enrolled', async () => {
    expect(await core.call('till:status', {})).toMatchObject({
      ok: true,
      value: { enrolled: false },
    });
    expectError(
      await core.call('session:signIn', { username: 'clo.cashier', pin: '1111' }),
      'NOT_ENROLLED',
    );
  });

  it('names the bad field of an enrollment and writes nothing', async () => {
    expectError(
      await core.call('till:enroll', { serverUrl, code: 'nope', tillName: 'Till 1' }),
      'INVALID_INPUT',
      'code',
    );
    expectError(
      await core.call('till:enroll', { serverUrl, code: 'ABCD-2345', tillName: 'Till 1' }),
      'BAD_CREDENTIALS',
      'code',
    );
    expect(await core.call('till:status', {})).toMatchObject({
      ok: true,
      value: { enrolled: false },
    });
  });

  it('enrolls with a one-time code and receives its division and staff', async () => {
    const result = await core.call('till:enroll', {
      serverUrl,
      code: await issueCode(),
      tillName: 'Till 1',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        enrolled: true,
        tillName: 'Till 1',
        division: { code: 'CLO' },
        staffCount: 3,
        serverReachable: true,
      },
    });
  });

  it('signs staff in with the server switched off', async () => {
    await server.close();
    const result = await core.call('session:signIn', { username: 'clo.cashier', pin: '1111' });
    expect(result).toMatchObject({
      ok: true,
      value: { staff: { username: 'clo.cashier', role: 'CASHIER' } },
    });
    expect(await core.call('session:current', {})).toMatchObject({
      ok: true,
      value: { staff: { username: 'clo.cashier' } },
    });
  });

  it('checks the role on every method in the core, not only in the UI', async () => {
    expectError(await core.call('staff:list', {}), 'FORBIDDEN');
    await core.call('session:signIn', { username: 'clo.supervisor', pin: '2222' });
    const staff = await core.call('staff:list', {});
    expect(staff.ok && staff.value).toHaveLength(3);
    await core.call('session:signOut', {});
    expectError(await core.call('staff:list', {}), 'UNAUTHENTICATED');
  });

  it('does not say which part of a sign-in was wrong, and locks out after five tries', async () => {
    const unknownUser = expectError(
      await core.call('session:signIn', { username: 'ghost', pin: '1111' }),
      'BAD_CREDENTIALS',
    );
    const wrongPin = expectError(
      await core.call('session:signIn', { username: 'clo.supervisor', pin: '1234' }),
      'BAD_CREDENTIALS',
    );
    expect(unknownUser).toBe(wrongPin);
    for (let i = 0; i < 4; i += 1)
      await core.call('session:signIn', { username: 'clo.supervisor', pin: '1234' });
    expectError(
      await core.call('session:signIn', { username: 'clo.supervisor', pin: '2222' }),
      'LOCKED_OUT',
    );
  });

  it('answers an unknown method and malformed input without throwing', async () => {
    expectError(await core.call('till:format', {}), 'NOT_FOUND');
    expectError(
      await core.call('session:signIn', { username: 'clo.cashier', pin: 1111 }),
      'INVALID_INPUT',
      'pin',
    );
  });
});
