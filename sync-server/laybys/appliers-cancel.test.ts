import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { useLaybySuite } from './testing/builders';

const { s, run, openLayby, read } = useLaybySuite();

// The clothing defaults for a customer's cancellation of a 10 000 layby with 2 000 paid and a
// 200 administration fee: the fee is kept, 10 % (1 000) is charged, 800 goes back.
const cancellation = (laybyId: string, overrides: Record<string, unknown> = {}) => ({
  laybyId,
  initiator: 'CUSTOMER',
  reason: 'Customer changed her mind',
  cancellationFeeCents: 1_000,
  cancellationFeeId: uuidv7(),
  keptFeesCents: 200,
  refund: {
    id: uuidv7(),
    receiptNumber: `CLO-RCT-C${Math.floor(Math.random() * 1e9)}`,
    amountCents: 800,
    method: 'CASH',
    reference: null,
  },
  actorUserId: s.h.org.staff.supervisor.id,
  cancelledAt: '2026-03-05T09:00:00.000Z',
  ...overrides,
});

describe('layby.cancel from a till', () => {
  it('charges the fee, records the refund (linked to no single payment) and cancels', async () => {
    const { laybyId } = await openLayby();
    const c = cancellation(laybyId);
    expect(await run('layby.cancel', c)).toMatchObject({
      status: 'applied',
      result: { status: 'CANCELLED', refundCents: 800 },
    });
    expect(await read.layby(laybyId)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Customer changed her mind',
      cancellationRefundCents: 800,
      totalFeesCents: 1_200,
      totalPaidCents: 1_200,
      balanceRemainingCents: 10_000,
    });
    expect((await read.layby(laybyId))?.cancelledAt).not.toBeNull();
    expect(await read.fees(laybyId)).toContainEqual(
      expect.objectContaining({
        id: c.cancellationFeeId,
        kind: 'CANCELLATION',
        amountCents: 1_000,
      }),
    );
    expect(await read.payments(laybyId)).toContainEqual(
      expect.objectContaining({
        id: c.refund.id,
        isRefund: true,
        refundedPaymentId: null,
        amountCents: 800,
        processedBy: s.h.org.staff.supervisor.id,
      }),
    );
    expect(await read.flags(laybyId)).toEqual([]);
  });

  it('is idempotent: the same cancellation again changes nothing', async () => {
    const { laybyId } = await openLayby();
    const c = cancellation(laybyId);
    await run('layby.cancel', c);
    expect(await run('layby.cancel', c, s.tillB)).toMatchObject({ status: 'applied' });
    expect(await read.payments(laybyId)).toHaveLength(2);
    expect((await read.layby(laybyId))?.totalPaidCents).toBe(1_200);
  });

  it('keeps numbers that differ from the terms, flagged with both', async () => {
    const { laybyId } = await openLayby();
    const c = cancellation(laybyId, {
      cancellationFeeCents: 800,
      refund: { ...cancellation(laybyId).refund, amountCents: 1_000 },
    });
    const outcome = await run('layby.cancel', c);
    expect(outcome).toMatchObject({ status: 'flagged' });
    expect(await read.layby(laybyId)).toMatchObject({
      status: 'CANCELLED',
      cancellationRefundCents: 1_000,
      totalPaidCents: 1_000,
    });
    const [flag] = await read.flags(laybyId);
    expect(flag).toMatchObject({ kind: 'LAYBY_CANCEL_MISMATCH' });
    expect(flag?.message).toContain('refund 1000 cents at the till, 800 by the terms');
  });

  it('keeps a second till’s refund on a layby already cancelled, flagged', async () => {
    const { laybyId } = await openLayby();
    await run('layby.cancel', cancellation(laybyId), s.tillA);
    const second = cancellation(laybyId);
    expect(await run('layby.cancel', second, s.tillB)).toMatchObject({
      status: 'flagged',
      result: { alreadyCancelled: true },
    });
    expect((await read.payments(laybyId)).map((p) => p.id)).toContain(second.refund.id);
    // The fee was charged once; the refund paid out twice shows as money the customer owes.
    expect(await read.layby(laybyId)).toMatchObject({ totalFeesCents: 1_200, totalPaidCents: 400 });
    expect(await read.flags(laybyId)).toEqual([
      expect.objectContaining({ kind: 'LAYBY_ALREADY_CANCELLED', tillId: s.tillB }),
    ]);
  });

  it('refuses a cancellation of an unknown layby without money, keeps one with a refund', async () => {
    const id = uuidv7();
    expect(await run('layby.cancel', cancellation(id, { refund: null }))).toMatchObject({
      status: 'rejected',
    });
    const c = cancellation(id);
    expect(await run('layby.cancel', c)).toMatchObject({ status: 'flagged' });
    expect(await read.flags(c.refund.id)).toEqual([
      expect.objectContaining({ kind: 'LAYBY_REFUND_UNPLACED' }),
    ]);
  });

  it('keeps a cancellation by a cashier (the money moved) but flags who did it', async () => {
    const { laybyId } = await openLayby();
    const outcome = await run(
      'layby.cancel',
      cancellation(laybyId, { actorUserId: s.h.org.staff.cashier.id }),
    );
    expect(outcome).toMatchObject({ status: 'flagged' });
    expect((await read.layby(laybyId))?.status).toBe('CANCELLED');
    expect(await read.flags(laybyId)).toEqual([
      expect.objectContaining({ kind: 'LAYBY_NOT_PERMITTED' }),
    ]);
  });
});
