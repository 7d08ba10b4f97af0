import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYBY_RULES } from '../../shared/domain/layby/rules';
import { useLaybySuite } from './testing/builders';

const { s, run, payPayload, openLayby, read } = useLaybySuite();

const release = (laybyId: string, actorUserId = s.h.org.staff.cashier.id) => ({
  laybyId,
  collectedBy: 'Rudo Chari',
  collectorIdNumber: null,
  actorUserId,
  releasedAt: '2026-04-10T12:00:00.000Z',
});
const hold = (laybyId: string, actorUserId = s.h.org.staff.supervisor.id) => ({
  laybyId,
  reason: 'Customer travelling',
  actorUserId,
  at: '2026-03-10T09:00:00.000Z',
});

describe('layby.release from a till', () => {
  it('refuses goods of a layby not paid up', async () => {
    const { laybyId } = await openLayby();
    expect(await run('layby.release', release(laybyId))).toMatchObject({
      status: 'rejected',
      reason: 'the goods cannot be released: the layby is active',
    });
  });

  it('releases a paid-up layby once', async () => {
    const { laybyId } = await openLayby();
    await run('layby.pay', payPayload(laybyId, 8_200));
    expect(await run('layby.release', release(laybyId))).toMatchObject({ status: 'applied' });
    expect(await read.layby(laybyId)).toMatchObject({
      itemsReleased: true,
      itemsReleasedBy: s.h.org.staff.cashier.id,
    });
    expect(await run('layby.release', release(laybyId), s.tillB)).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('already released') as unknown,
    });
  });

  it('follows the agreement: release by supervisor only when its rules say so', async () => {
    const { laybyId } = await openLayby({ ...DEFAULT_LAYBY_RULES.CLO, releaseBy: 'SUPERVISOR' });
    await run('layby.pay', payPayload(laybyId, 8_200));
    expect(await run('layby.release', release(laybyId))).toMatchObject({
      status: 'rejected',
      reason: expect.stringContaining('layby.supervise') as unknown,
    });
    expect(await run('layby.release', release(laybyId, s.h.org.staff.supervisor.id))).toMatchObject(
      { status: 'applied' },
    );
  });
});

describe('layby.hold and layby.resume from a till', () => {
  it('puts a layby on hold and back, supervisors only; doing it twice is no conflict', async () => {
    const { laybyId } = await openLayby();
    expect(await run('layby.hold', hold(laybyId, s.h.org.staff.cashier.id))).toMatchObject({
      status: 'rejected',
    });
    expect(await run('layby.hold', hold(laybyId))).toMatchObject({
      status: 'applied',
      result: { status: 'ON_HOLD' },
    });
    expect(await run('layby.hold', hold(laybyId), s.tillB)).toMatchObject({ status: 'applied' });
    expect(await run('layby.resume', hold(laybyId))).toMatchObject({
      status: 'applied',
      result: { status: 'ACTIVE' },
    });
    expect((await read.layby(laybyId))?.status).toBe('ACTIVE');
  });

  it('refuses to hold a paid-up layby', async () => {
    const { laybyId } = await openLayby();
    await run('layby.pay', payPayload(laybyId, 8_200));
    expect(await run('layby.hold', hold(laybyId))).toMatchObject({
      status: 'rejected',
      reason: 'cannot hold: the layby is paid up',
    });
  });

  it('takes a payment on a layby on hold (flagged); one that pays it up completes it', async () => {
    const { laybyId } = await openLayby();
    await run('layby.hold', hold(laybyId));
    expect(await run('layby.pay', payPayload(laybyId, 4_100))).toMatchObject({
      status: 'flagged',
      result: { excessCents: 0, status: 'ON_HOLD' },
    });
    expect(await run('layby.pay', payPayload(laybyId, 4_100))).toMatchObject({
      status: 'flagged',
      result: { excessCents: 0, status: 'COMPLETED' },
    });
    const flags = await read.flags(laybyId);
    expect(flags.map((f) => f.kind)).toEqual(['LAYBY_PAID_NOT_ACTIVE', 'LAYBY_PAID_NOT_ACTIVE']);
    expect(flags.map((f) => f.message).join(' ')).toContain('paid it up');
    expect(await read.layby(laybyId)).toMatchObject({
      status: 'COMPLETED',
      balanceRemainingCents: 0,
    });
    expect(await run('layby.resume', hold(laybyId))).toMatchObject({
      status: 'rejected',
      reason: 'cannot resume: the layby is paid up',
    });
  });
});
