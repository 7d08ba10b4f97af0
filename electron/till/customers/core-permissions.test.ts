import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTillDb } from '../../../db/till/connect';
import { universalCustomers } from '../../../db/till/schema';
import type { Result } from '../../../shared/contract/result';
import type { StaffRole } from '../../../shared/domain/enums';
import { createTillCore, type TillCore } from '../core';
import { seedCustomerNumberBlocks } from '../testing/seed-number-blocks';
import { ROLE_PINS, seedTill, type SeededTill } from '../testing/seed-till';

// The whole till core, as the renderer reaches it: the dispatcher checks each method's
// permission for the signed-in role before any customer code runs.
let dataDir: string;
let core: TillCore;
let seeded: SeededTill;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'unitill-core-customers-'));
  const handle = openTillDb(join(dataDir, 'till.sqlite'));
  seeded = await seedTill(handle.db, 'CLO', { pins: true });
  seedCustomerNumberBlocks(handle.db, seeded.businessId);
  handle.close();
  core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function as(role: StaffRole) {
  const result = await core.call('session:signIn', {
    username: seeded.staff[role].username,
    pin: ROLE_PINS[role],
  });
  expect(result.ok).toBe(true);
}
const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

describe('customer methods through the till core', () => {
  let id = '';

  it('refuses everything before sign-in', async () => {
    expect(await core.call('customers:search', { query: 'moyo' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('lets a cashier create, find and note a customer', async () => {
    await as('CASHIER');
    id = value<{ id: string }>(
      await core.call('customers:create', {
        firstName: 'Tendai',
        lastName: 'Moyo',
        primaryPhone: '0772 123 456',
      }),
    ).id;
    expect(
      value<{ hits: { id: string }[] }>(await core.call('customers:search', { query: 'moyo tend' }))
        .hits[0]?.id,
    ).toBe(id);
    expect((await core.call('notes:add', { customerId: id, content: 'Likes blue' })).ok).toBe(true);
  });

  it('names the bad field of a create and writes nothing', async () => {
    await as('CASHIER');
    expect(
      await core.call('customers:create', { firstName: 'A', lastName: 'B', primaryPhone: '12' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'primaryPhone' },
    });
    const handle = openTillDb(join(dataDir, 'till.sqlite'));
    expect(handle.db.select().from(universalCustomers).all()).toHaveLength(1);
    handle.close();
  });

  it.each([
    ['customers:setBlacklist', () => ({ id, isBlacklisted: true, reason: 'Fraud' })],
    ['customers:deactivate', () => ({ id, reason: 'Moved' })],
    ['customers:link', () => ({ id, linkedUserId: seeded.staff.CASHIER.id })],
    ['accounts:setStatus', () => ({ accountId: id, status: 'CLOSED', reason: 'Asked' })],
  ] as const)('refuses %s to a cashier', async (method, input) => {
    await as('CASHIER');
    expect(await core.call(method, input())).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses an alert note to a cashier but not to a supervisor', async () => {
    await as('CASHIER');
    expect(
      await core.call('notes:add', { customerId: id, content: 'Check ID', isAlert: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'isAlert' },
    });
    await as('SUPERVISOR');
    expect(
      (await core.call('notes:add', { customerId: id, content: 'Check ID', isAlert: true })).ok,
    ).toBe(true);
    expect(
      (await core.call('customers:setBlacklist', { id, isBlacklisted: true, reason: 'Fraud' })).ok,
    ).toBe(true);
  });
});
