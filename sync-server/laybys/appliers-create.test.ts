import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYBY_RULES } from '../../shared/domain/layby/rules';
import { uuidv7 } from '../../shared/ids';
import { openAccount } from '../customers/testing/builders';
import { createCustomer } from '../customers/testing/builders';
import { useLaybySuite } from './testing/builders';

const { s, run, customer, createPayload, read } = useLaybySuite();

describe('layby.create from a till', () => {
  it('stores the agreement with its fees, schedule, terms and projection, stamped for pull', async () => {
    const owner = await customer();
    const p = createPayload(owner);
    expect(await run('layby.create', p)).toMatchObject({
      status: 'applied',
      result: { laybyId: p.id },
    });
    const row = await read.layby(p.id);
    expect(row).toMatchObject({
      status: 'ACTIVE',
      businessId: s.h.org.clothing.id,
      totalAmountCents: 10_000,
      depositAmountCents: 2_000,
      depositPercentBp: 2_000,
      administrationFeeCents: 200,
      totalFeesCents: 200,
      totalPaidCents: 0,
      balanceRemainingCents: 10_200,
      installmentAmountCents: 4_100,
      installmentFrequency: 'MONTHLY',
      originTillId: s.tillA,
      schedule: [
        { dueDate: '2026-04-02', amountCents: 4_100 },
        { dueDate: '2026-05-02', amountCents: 4_100 },
      ],
      terms: DEFAULT_LAYBY_RULES.CLO,
    });
    expect(row?.serverSeq).toBeGreaterThan(0);
    // Due dates are the start of the shop day (CAT, UTC+2).
    expect(new Date(row?.paymentDueDate ?? '').toISOString()).toBe('2026-04-01T22:00:00.000Z');
    expect(new Date(row?.completionDueDate ?? '').toISOString()).toBe('2026-05-01T22:00:00.000Z');
    const fees = await read.fees(p.id);
    expect(fees).toEqual([
      expect.objectContaining({
        id: p.administrationFeeId,
        kind: 'ADMINISTRATION',
        amountCents: 200,
        chargedBy: s.h.org.staff.cashier.id,
      }),
    ]);
    expect(fees[0]?.serverSeq).toBeGreaterThan(0);
  });

  it('is idempotent on the layby id', async () => {
    const p = createPayload(await customer());
    await run('layby.create', p);
    expect(await run('layby.create', p, s.tillB)).toMatchObject({ status: 'applied' });
    expect(await read.fees(p.id)).toHaveLength(1);
    const other = { ...p, laybyNumber: `${p.laybyNumber}-X` };
    expect(await run('layby.create', other)).toMatchObject({ status: 'rejected' });
  });

  it('keeps an agreement whose schedule the rules do not give, flagged for a supervisor', async () => {
    const p = createPayload(await customer(), {
      schedule: [
        { dueDate: '2026-04-02', amountCents: 5_000 },
        { dueDate: '2026-05-02', amountCents: 3_200 },
      ],
    });
    const outcome = await run('layby.create', p);
    expect(outcome).toMatchObject({ status: 'flagged' });
    expect(outcome.status === 'flagged' && outcome.reason).toContain('schedule');
    expect((await read.layby(p.id))?.installmentAmountCents).toBe(5_000);
    expect(await read.flags(p.id)).toEqual([
      expect.objectContaining({ kind: 'LAYBY_TERMS_MISMATCH', tillId: s.tillA }),
    ]);
  });

  it('flags terms the rules refuse, and rules other than the division’s current ones', async () => {
    const stale = { ...DEFAULT_LAYBY_RULES.CLO, minDepositBp: 5_000 };
    const p = createPayload(await customer(), {
      rules: stale,
    });
    const outcome = await run('layby.create', p);
    expect(outcome).toMatchObject({ status: 'flagged' });
    const reason = outcome.status === 'flagged' ? outcome.reason : '';
    expect(reason).toContain("other rules than the division's current ones");
    expect(reason).toContain('depositCents must be at least 5000 cents');
    expect((await read.layby(p.id))?.terms).toEqual(stale);
  });

  it('refuses an account of another division, another customer’s account and an unknown customer', async () => {
    const owner = await customer();
    const hardware = await openAccount(s.h, owner.customerId, s.h.org.hardware.id);
    const wrongDivision = createPayload({ ...owner, accountId: hardware.id });
    expect(await run('layby.create', wrongDivision)).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('another division') as unknown,
    });
    const stranger = await createCustomer(s.h);
    expect(
      await run('layby.create', createPayload({ ...owner, customerId: stranger.id })),
    ).toMatchObject({ status: 'rejected', reason: 'the account belongs to another customer' });
    expect(
      await run('layby.create', createPayload({ ...owner, customerId: uuidv7() })),
    ).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('unknown customer') as unknown,
    });
    expect(await read.layby(wrongDivision.id)).toBeUndefined();
  });

  it('lands on the survivor when the customer was merged meanwhile', async () => {
    const survivor = await customer();
    const merged = await createCustomer(s.h);
    await s.h.call('POST', '/api/customers/merge', s.h.tokens.admin, {
      survivorId: survivor.customerId,
      mergedId: merged.id,
    });
    const p = createPayload({ customerId: merged.id, accountId: survivor.accountId });
    expect(await run('layby.create', p)).toMatchObject({
      status: 'applied',
      result: { customerId: survivor.customerId },
    });
    expect((await read.layby(p.id))?.universalCustomerId).toBe(survivor.customerId);
  });
});
