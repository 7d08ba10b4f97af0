import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestCentralDb, type TestCentralDb } from '../../../db/testing/pg';
import { buildApp } from '../../app';
import { seedOrgFixture } from '../../testing/org-fixture';

// One real database and app per test file (app.inject, no port), with a signed-in token per
// fixture staff member and a small request helper.

export type Harness = {
  app: FastifyInstance;
  database: TestCentralDb;
  org: Awaited<ReturnType<typeof seedOrgFixture>>;
  tokens: Record<'admin' | 'cashier' | 'supervisor' | 'hardwareCashier', string>;
  now: { value: Date };
  call(
    method: InjectOptions['method'],
    url: string,
    token: string | null,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Sessions last 12 hours of the app's clock: sign in again after moving it by days. */
  signIn(username: string, pin: string): Promise<string>;
  close(): Promise<void>;
};

export async function startHarness(): Promise<Harness> {
  const database = await createTestCentralDb();
  const org = await seedOrgFixture(database.handle.db);
  const now = { value: new Date('2026-03-02T08:00:00.000Z') };
  // The app's clock is settable, so merge deadlines can be tested without waiting a day.
  const app = buildApp({
    central: database.handle,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    clock: () => now.value,
  });
  const call: Harness['call'] = (method, url, token, payload) =>
    app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
  const signIn = async (username: string, pin: string) => {
    const response = await call('POST', '/api/auth/login', null, { username, pin });
    if (response.statusCode !== 200) throw new Error(`sign-in ${username}: ${response.body}`);
    return response.json<{ token: string }>().token;
  };
  const tokens = {
    admin: await signIn('admin', '9999'),
    cashier: await signIn('clo.cashier', '1111'),
    supervisor: await signIn('clo.supervisor', '2222'),
    hardwareCashier: await signIn('hwr.cashier', '1111'),
  };
  return {
    app,
    database,
    org,
    tokens,
    now,
    call,
    signIn,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
