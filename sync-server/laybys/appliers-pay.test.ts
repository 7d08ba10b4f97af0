import { describe, expect, it } from 'vitest';
import type { MutationEnvelope } from '../../shared/contract/sync/protocol';
import { uuidv7 } from '../../shared/ids';
import { appliers } from '../sync/applier-registry';
import { applyPush } from '../sync/push';
import { useLaybySuite } from './testing/builders';

const { s, db, run, payPayload, openLayby, read } = useLaybySuite();

const cancelAll = (laybyId: string, refundCents: number) => ({
  laybyId,
  initiator: 'STORE',
  reason: 'Stock damaged',
  cancellationFeeCents: 0,
  cancellationFeeId: null,
  keptFeesCents: 0,
  refund: {
    id: uuidv7(),
    receiptNumber: `CLO-RCT-REF-${Math.floor(Math.random() * 1e9)}`,
    amountCents: refundCents,
    method: 'CASH',
    reference: null,
  },
  actorUserId: s.h.org.staff.supervisor.id,
  cancelledAt: '2026-03-03T09:00:00.000Z',
});

describe('layby.pay from a till', () => {
  it('puts the deposit on the layby and moves the next due date on as instalments are covered', async () => {
    const { laybyId } = await openLayby();
    expect(await read.layby(laybyId)).toMatchObject({
      totalPaidCents: 2_000,
      balanceRemainingCents: 8_200,
      status: 'ACTIVE',
    });
    const p = payPayload(laybyId, 4_100);
    expect(await run('layby.pay', p)).toMatchObject({
      status: 'applied',
      result: { appliedCents: 4_100, excessCents: 0, balanceRemainingCents: 4_100 },
    });
    const row = await read.layby(laybyId);
    expect(new Date(row?.paymentDueDate ?? '').toISOString()).toBe('2026-05-01T22:00:00.000Z');
    const [stored] = (await read.payments(laybyId)).filter((x) => x.id === p.id);
    expect(stored).toMatchObject({
      receiptNumber: p.receiptNumber,
      amountCents: 4_100,
      paymentMethod: 'CASH',
      processedBy: s.h.org.staff.cashier.id,
      isRefund: false,
      originTillId: s.tillA,
    });
    expect(stored?.serverSeq).toBeGreaterThan(0);
  });

  it('is idempotent on the payment id', async () => {
    const { laybyId } = await openLayby();
    const p = payPayload(laybyId, 1_000);
    await run('layby.pay', p);
    expect(await run('layby.pay', p, s.tillB)).toMatchObject({ status: 'applied' });
    expect((await read.layby(laybyId))?.totalPaidCents).toBe(3_000);
    expect(await read.payments(laybyId)).toHaveLength(2);
  });

  it('keeps both last instalments two tills took offline: COMPLETED, the excess on account credit', async () => {
    const { laybyId, accountId } = await openLayby();
    const a = payPayload(laybyId, 8_200);
    const b = payPayload(laybyId, 8_200, { method: 'MOBILE_MONEY', reference: 'MP240302.1' });
    expect(await run('layby.pay', a, s.tillA)).toMatchObject({ status: 'applied' });
    const second = await run('layby.pay', b, s.tillB);
    expect(second).toMatchObject({
      status: 'flagged',
      result: { appliedCents: 0, excessCents: 8_200, status: 'COMPLETED' },
    });
    const row = await read.layby(laybyId);
    expect(row).toMatchObject({
      status: 'COMPLETED',
      balanceRemainingCents: 0,
      totalPaidCents: 10_200,
    });
    expect(row?.completedAt).not.toBeNull();

    const payments = await read.payments(laybyId);
    // The deposit and both last instalments are kept as they were taken.
    const kept = payments.filter((x) => !x.isRefund).map((x) => x.id);
    expect(kept).toHaveLength(3);
    expect(kept).toEqual(expect.arrayContaining([a.id, b.id]));
    const refund = payments.find((x) => x.isRefund);
    expect(refund).toMatchObject({
      amountCents: 8_200,
      refundedPaymentId: b.id,
      paymentMethod: 'ACCOUNT_CREDIT',
      receiptNumber: `${b.receiptNumber}-CR`,
    });
    expect(await read.accountPayments(accountId)).toEqual([
      expect.objectContaining({
        receiptNumber: `${b.receiptNumber}-CR`,
        amountCents: 8_200,
        appliedToBalanceCents: 8_200,
        paymentMethod: 'ACCOUNT_CREDIT',
      }),
    ]);
    const account = await read.account(accountId);
    expect(account?.currentBalanceCents).toBe(-8_200);
    expect(account?.serverSeq).toBeGreaterThan(0);
    expect(await read.flags(laybyId)).toEqual([
      expect.objectContaining({
        kind: 'LAYBY_OVERPAID',
        tillId: s.tillB,
        details: expect.objectContaining({
          laybyId,
          paymentId: b.id,
          excessCents: 8_200,
        }) as unknown,
      }),
    ]);
  });

  it('splits a payment larger than the balance: the balance on the layby, the rest on credit', async () => {
    const { laybyId, accountId } = await openLayby();
    const outcome = await run('layby.pay', payPayload(laybyId, 9_000));
    expect(outcome).toMatchObject({
      status: 'flagged',
      result: { appliedCents: 8_200, excessCents: 800, status: 'COMPLETED' },
    });
    expect((await read.account(accountId))?.currentBalanceCents).toBe(-800);
    expect(await read.layby(laybyId)).toMatchObject({
      balanceRemainingCents: 0,
      totalPaidCents: 10_200,
    });
  });

  it('keeps a payment taken on a layby another till cancelled, all of it as credit, flagged', async () => {
    const { laybyId, accountId } = await openLayby();
    expect(await run('layby.cancel', cancelAll(laybyId, 2_000), s.tillB)).toMatchObject({
      status: 'applied',
    });
    const p = payPayload(laybyId, 4_100);
    expect(await run('layby.pay', p, s.tillA)).toMatchObject({
      status: 'flagged',
      result: { appliedCents: 0, excessCents: 4_100, status: 'CANCELLED' },
    });
    expect((await read.payments(laybyId)).map((x) => x.id)).toContain(p.id);
    expect(await read.layby(laybyId)).toMatchObject({ status: 'CANCELLED', totalPaidCents: 0 });
    expect((await read.account(accountId))?.currentBalanceCents).toBe(-4_100);
    expect(await read.flags(laybyId)).toEqual([
      expect.objectContaining({ kind: 'LAYBY_ALREADY_CANCELLED' }),
    ]);
  });

  it('stores ZiG handed over on a US-dollar layby with the rate used', async () => {
    const { laybyId } = await openLayby();
    const p = payPayload(laybyId, 1_000, {
      tendered: { cents: 26_751, currency: 'ZWG', rateMicros: 37_382, rateDate: '2026-03-02' },
    });
    await run('layby.pay', p);
    const [stored] = (await read.payments(laybyId)).filter((x) => x.id === p.id);
    expect(stored).toMatchObject({
      amountCents: 1_000,
      currency: 'USD',
      tenderedAmountCents: 26_751,
      tenderedCurrency: 'ZWG',
      exchangeRateMicros: 37_382,
    });
  });

  it('never refuses money it cannot place: an unknown layby is kept in a flag with the payment', async () => {
    const p = payPayload(uuidv7(), 1_000);
    expect(await run('layby.pay', p)).toMatchObject({
      status: 'flagged',
      reason: expect.stringContaining('unknown layby') as unknown,
    });
    expect(await read.flags(p.id)).toEqual([
      expect.objectContaining({
        kind: 'LAYBY_PAYMENT_UNPLACED',
        details: {
          payment: expect.objectContaining({ receiptNumber: p.receiptNumber }) as unknown,
        },
      }),
    ]);
  });

  it('is registered with the push, which answers a replayed batch without a second payment', async () => {
    const { laybyId } = await openLayby();
    const till = {
      kind: 'till' as const,
      tillId: s.tillA,
      businessId: s.h.org.clothing.id,
      name: 'Till A',
    };
    const p = payPayload(laybyId, 500);
    const cursor = await db().query.tillCursors.findFirst({
      where: (t, { eq }) => eq(t.tillId, s.tillA),
    });
    const envelope: MutationEnvelope = {
      id: uuidv7(),
      seq: (cursor?.lastPushedSeq ?? 0) + 1,
      name: 'layby.pay',
      createdAt: '2026-03-02T10:05:00.000Z',
      payload: p,
    };
    const first = await applyPush(db(), till, [envelope], appliers, new Date());
    expect(first.results).toEqual([expect.objectContaining({ status: 'applied' })]);
    expect(await applyPush(db(), till, [envelope], appliers, new Date())).toEqual(first);
    expect((await read.layby(laybyId))?.totalPaidCents).toBe(2_500);
  });
});
