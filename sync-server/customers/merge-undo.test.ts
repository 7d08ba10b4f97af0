import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerDivisionAccounts as accounts,
  customerLaybys,
  customerPayments,
} from '../../db/central/schema';
import { MergeResult, UndoMergeResult } from '../../shared/contract/head-office/merge';
import { resolveAccountId } from './appliers';
import { setMoney } from './testing/rows';
import { startHarness, type Harness } from './testing/harness';
import { seedMergePair } from './testing/merge-pair';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const pair = (tag: string) => seedMergePair(h, tag);

const merge = (body: unknown, token = h.tokens.admin) =>
  h.call('POST', '/api/customers/merge', token, body);
const one = async <T>(rows: Promise<T[]>) => (await rows)[0];

describe('POST /api/customers/merge/:mergeId/undo', () => {
  it('puts everything back, keeping what happened on the survivor since', async () => {
    const db = h.database.handle.db;
    const p = await pair('D');
    const result = MergeResult.parse(
      (
        await merge({
          survivorId: p.survivor.id,
          mergedId: p.merged.id,
          fieldChoices: { city: 'merged' },
        })
      ).json(),
    );
    await setMoney(db, p.sClo.id, {
      currentBalanceCents: 1_250 + 400,
      totalSpentCents: 7_005 + 400,
      loyaltyPoints: 81,
    });
    const response = await h.call(
      'POST',
      `/api/customers/merge/${result.mergeId}/undo`,
      h.tokens.admin,
    );
    expect(response.statusCode).toBe(200);
    const undone = UndoMergeResult.parse(response.json());
    expect(undone.survivor).toMatchObject({ city: 'Harare', primaryEmail: null });
    expect(undone.restored).toMatchObject({
      id: p.merged.id,
      mergedIntoId: null,
      primaryEmail: 't.d@example.com',
    });
    expect(await one(db.select().from(accounts).where(eq(accounts.id, p.sClo.id)))).toMatchObject({
      currentBalanceCents: 1_400,
      totalSpentCents: 5_400,
      loyaltyPoints: 50,
    });
    expect(await one(db.select().from(accounts).where(eq(accounts.id, p.mClo.id)))).toMatchObject({
      status: 'ACTIVE',
      currentBalanceCents: 250,
      loyaltyPoints: 31,
    });
    expect(
      (await one(db.select().from(accounts).where(eq(accounts.id, p.mHwr.id))))
        ?.universalCustomerId,
    ).toBe(p.merged.id);
    expect(
      await one(db.select().from(customerLaybys).where(eq(customerLaybys.id, p.rows.layby))),
    ).toMatchObject({ universalCustomerId: p.merged.id, divisionAccountId: p.mClo.id });
    expect(
      (await one(db.select().from(customerPayments).where(eq(customerPayments.id, p.rows.payment))))
        ?.divisionAccountId,
    ).toBe(p.mClo.id);
    expect(await resolveAccountId(db, p.mClo.id)).toBe(p.mClo.id);
    expect((await h.call('GET', `/api/customers/${p.merged.id}`, h.tokens.admin)).statusCode).toBe(
      200,
    );
    const again = await h.call(
      'POST',
      `/api/customers/merge/${result.mergeId}/undo`,
      h.tokens.admin,
    );
    expect(again.statusCode).toBe(409);
  });

  it('refuses after the close of the next business day', async () => {
    const p = await pair('E');
    const result = MergeResult.parse(
      (await merge({ survivorId: p.survivor.id, mergedId: p.merged.id })).json(),
    );
    // Merged Monday 10:00 in Harare; the window shuts at midnight ending Tuesday.
    expect(result.undoUntil).toBe('2026-03-03T22:00:00.000Z');
    h.now.value = new Date('2026-03-03T22:00:01.000Z');
    try {
      const token = await h.signIn('admin', '9999');
      const late = await h.call('POST', `/api/customers/merge/${result.mergeId}/undo`, token);
      expect(late.statusCode).toBe(409);
    } finally {
      h.now.value = new Date('2026-03-02T08:00:00.000Z');
    }
  });
});
