import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  customerLaybyFees,
  customerLaybyPayments,
  customerLaybys,
  outbox,
  printQueue,
  universalCustomers,
} from '../../../db/till/schema';
import { mutationPayloads, type MutationName } from '../../../shared/contract/sync/mutations';
import { AppError } from '../../../shared/contract/result';
import { cancelLayby, cancellationQuote } from './cancel';
import { createLayby, type CreateLaybyInput } from './create';
import { listLaybys } from './list';
import { takePayment } from './pay';
import { holdOrResume, releaseLayby } from './status';
import { loadLayby, toDetail } from './views';
import {
  DRESS_AND_FABRIC,
  openLaybyFixture,
  seedRate,
  type LaybyFixture,
} from './testing/layby-fixture';

let f: LaybyFixture;
beforeEach(async () => {
  f = await openLaybyFixture({ pins: true });
});
afterEach(() => f.close());

const NOW = new Date('2026-03-02T08:00:00Z');
const cash = (amountCents: number, currency: 'USD' | 'ZWG' = 'USD') => ({
  amountCents,
  currency,
  method: 'CASH' as const,
  reference: null,
});

function open(overrides: Partial<CreateLaybyInput> = {}) {
  return createLayby(
    f.handle.db,
    {
      customerId: f.customerId,
      depositCents: null,
      items: DRESS_AND_FABRIC,
      plan: { frequency: 'MONTHLY', instalments: 3, intervalDays: null },
      deposit: cash(2000),
      notes: null,
      ...overrides,
    },
    f.actor('CASHIER', NOW),
  );
}

const errorOf = async (run: () => unknown): Promise<AppError> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
};

const mutations = () => f.handle.db.select().from(outbox).orderBy(outbox.seq).all();

describe('opening a layby', () => {
  it('numbers it, takes the deposit, charges the admin fee and queues agreement and receipt together', () => {
    const result = open();
    expect(result.layby).toMatchObject({
      laybyNumber: 'LAY-CLO-000001',
      status: 'ACTIVE',
      totalAmountCents: 10_000,
      totalFeesCents: 200,
      totalPaidCents: 2000,
      balanceRemainingCents: 8200,
      depositAmountCents: 2000,
      nextDueDate: '2026-04-02',
      minimumPaymentCents: 2733,
    });
    expect(result.layby.schedule.map((i) => [i.dueDate, i.amountCents])).toEqual([
      ['2026-04-02', 2733],
      ['2026-05-02', 2733],
      ['2026-06-02', 2734],
    ]);
    expect(result.receiptNumber).toBe('CLO-RCT-00000001');
    const names = mutations().map((m) => m.name);
    expect(names).toEqual(['customer.create', 'account.open', 'layby.create', 'layby.pay']);
    for (const m of mutations())
      expect(() => mutationPayloads[m.name as MutationName].parse(m.payload)).not.toThrow();
    const jobs = f.handle.db.select().from(printQueue).all();
    expect(jobs.map((j) => j.kind).sort()).toEqual(['LAYBY_AGREEMENT', 'LAYBY_PAYMENT']);
    expect(jobs.every((j) => j.status !== 'FAILED')).toBe(true);
    expect(f.handle.db.select().from(customerLaybyFees).all()).toMatchObject([
      { kind: 'ADMINISTRATION', amountCents: 200 },
    ]);
  });

  it('refuses a deposit under the division minimum, naming the field, and writes nothing', async () => {
    const before = mutations().length;
    const error = await errorOf(() => open({ deposit: cash(1999) }));
    expect(error.field).toBe('deposit.amountCents');
    expect(f.handle.db.select().from(customerLaybys).all()).toEqual([]);
    expect(mutations()).toHaveLength(before);
  });

  it('refuses a blacklisted customer with the reason', async () => {
    f.handle.db
      .update(universalCustomers)
      .set({ isBlacklisted: true, blacklistReason: 'Bounced cheques' })
      .where(eq(universalCustomers.id, f.customerId))
      .run();
    const error = await errorOf(() => open());
    expect(error.field).toBe('customerId');
    expect(error.message).toContain('Bounced cheques');
  });

  it('takes a ZiG deposit on a US-dollar layby at the rate of the day, keeping both amounts', () => {
    seedRate(f, NOW);
    // ZiG 535.02 at 26.7512 per US$ = US$20.00
    const result = open({ deposit: cash(53_502, 'ZWG') });
    const [payment] = f.handle.db.select().from(customerLaybyPayments).all();
    expect(payment).toMatchObject({
      amountCents: 2000,
      currency: 'USD',
      tenderedAmountCents: 53_502,
      tenderedCurrency: 'ZWG',
    });
    expect(result.layby.totalPaidCents).toBe(2000);
  });

  it('refuses the other currency when head office has sent no rate', async () => {
    const error = await errorOf(() => open({ deposit: cash(53_502, 'ZWG') }));
    expect(error.field).toBe('tender.currency');
  });
});

describe('payments', () => {
  it('needs a supervisor for less than the instalment due; a wrong PIN names the approval', async () => {
    const { layby } = open();
    const db = f.handle.db;
    const short = { laybyId: layby.id, tender: cash(1000), approval: null };
    expect((await errorOf(() => takePayment(db, short, f.actor('CASHIER', NOW)))).field).toBe(
      'tender.amountCents',
    );
    const wrong = { ...short, approval: { username: 'clo.supervisor', pin: '9998' } };
    expect((await errorOf(() => takePayment(db, wrong, f.actor('CASHIER', NOW)))).field).toBe(
      'approval',
    );
    const ok = await takePayment(
      db,
      { ...short, approval: { username: 'clo.supervisor', pin: '2222' } },
      f.actor('CASHIER', NOW),
    );
    expect(ok.layby.totalPaidCents).toBe(3000);
    const pay = mutations().at(-1);
    expect(pay?.payload).toMatchObject({ approvedBy: f.staff.SUPERVISOR.id, amountCents: 1000 });
  });

  it('refuses more than the balance; the final payment completes it; release prints a collection slip once', async () => {
    const { layby } = open();
    const db = f.handle.db;
    const over = await errorOf(() =>
      takePayment(
        db,
        { laybyId: layby.id, tender: cash(8201), approval: null },
        f.actor('CASHIER', NOW),
      ),
    );
    expect(over.field).toBe('tender.amountCents');
    const last = await takePayment(
      db,
      { laybyId: layby.id, tender: cash(8200), approval: null },
      f.actor('CASHIER', NOW),
    );
    expect(last.layby).toMatchObject({
      status: 'COMPLETED',
      balanceRemainingCents: 0,
      nextDueDate: null,
    });
    const released = releaseLayby(
      db,
      { laybyId: layby.id, collectedBy: null, collectorIdNumber: null },
      f.actor('CASHIER', NOW),
    );
    expect(released).toMatchObject({
      itemsReleased: true,
      itemsReleasedBy: f.staff.CASHIER.fullName,
    });
    expect(
      (
        await errorOf(() =>
          releaseLayby(
            db,
            { laybyId: layby.id, collectedBy: null, collectorIdNumber: null },
            f.actor('CASHIER', NOW),
          ),
        )
      ).code,
    ).toBe('CONFLICT');
    const kinds = db
      .select()
      .from(printQueue)
      .all()
      .map((j) => j.kind);
    expect(kinds.filter((k) => k === 'LAYBY_COLLECTION')).toHaveLength(1);
  });

  it('a failing outbox append leaves no payment, no new sums, no used receipt number', async () => {
    const { layby } = open();
    f.handle.sqlite.exec(
      `create trigger outbox_full before insert on outbox begin select raise(abort, 'disk full'); end`,
    );
    await expect(
      takePayment(
        f.handle.db,
        { laybyId: layby.id, tender: cash(3000), approval: null },
        f.actor('CASHIER', NOW),
      ),
    ).rejects.toThrow('disk full');
    expect(f.handle.db.select().from(customerLaybyPayments).all()).toHaveLength(1);
    expect(f.handle.db.select().from(customerLaybys).get()?.totalPaidCents).toBe(2000);
    f.handle.sqlite.exec('drop trigger outbox_full');
    const next = await takePayment(
      f.handle.db,
      { laybyId: layby.id, tender: cash(3000), approval: null },
      f.actor('CASHIER', NOW),
    );
    expect(next.receiptNumber).toBe('CLO-RCT-00000002');
  });
});

describe('cancel, hold and lists', () => {
  it('shows the refund before confirming, then records it as a refund payment with a slip', () => {
    const { layby } = open();
    const db = f.handle.db;
    const quote = cancellationQuote(
      db,
      { laybyId: layby.id, initiator: 'CUSTOMER' },
      f.actor('SUPERVISOR', NOW),
    );
    // Paid 20.00; the 2.00 admin fee is kept; 10 % of 100.00 = 10.00 fee (cap 20.00): refund 8.00.
    expect(quote).toMatchObject({
      totalPaidCents: 2000,
      keptFeesCents: 200,
      cancellationFeeCents: 1000,
      refundCents: 800,
    });
    const cancelled = cancelLayby(
      db,
      {
        laybyId: layby.id,
        initiator: 'CUSTOMER',
        reason: 'Customer changed her mind',
        refundMethod: 'CASH',
        refundReference: null,
      },
      f.actor('SUPERVISOR', NOW),
    );
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancellationRefundCents: 800,
      totalPaidCents: 1200,
    });
    expect(cancelled.payments.filter((p) => p.isRefund)).toMatchObject([{ amountCents: 800 }]);
    expect(
      db
        .select()
        .from(printQueue)
        .all()
        .map((j) => j.kind),
    ).toContain('LAYBY_CANCELLATION');
    expect(mutations().at(-1)?.name).toBe('layby.cancel');
  });

  it('holds and resumes with a reason; a held layby takes no payment', async () => {
    const { layby } = open();
    const db = f.handle.db;
    holdOrResume(
      db,
      { laybyId: layby.id, reason: 'Customer in hospital' },
      'hold',
      f.actor('SUPERVISOR', NOW),
    );
    const error = await errorOf(() =>
      takePayment(
        db,
        { laybyId: layby.id, tender: cash(3000), approval: null },
        f.actor('CASHIER', NOW),
      ),
    );
    expect(error.message).toContain('on hold');
    expect(
      holdOrResume(
        db,
        { laybyId: layby.id, reason: 'Back at work' },
        'resume',
        f.actor('SUPERVISOR', NOW),
      ).status,
    ).toBe('ACTIVE');
  });

  it('lists overdue and this week by the next due date', () => {
    open();
    const scope = f.actor().scope;
    const base = { status: null, customerId: null, query: '', limit: 50 };
    expect(listLaybys(f.handle.db, scope, { ...base, due: 'OVERDUE' }, NOW).total).toBe(0);
    const later = new Date('2026-04-05T08:00:00Z');
    expect(listLaybys(f.handle.db, scope, { ...base, due: 'OVERDUE' }, later).rows).toMatchObject([
      { laybyNumber: 'LAY-CLO-000001', overdue: true },
    ]);
    const weekBefore = new Date('2026-03-30T08:00:00Z');
    expect(listLaybys(f.handle.db, scope, { ...base, due: 'THIS_WEEK' }, weekBefore).total).toBe(1);
    expect(listLaybys(f.handle.db, scope, { ...base, due: null, query: 'ndlovu' }, NOW).total).toBe(
      1,
    );
  });
});

describe('the agreed deposit', () => {
  it('refuses a tender that differs from the deposit the plan was quoted on', async () => {
    const error = await errorOf(() => open({ depositCents: 2500, deposit: cash(2000) }));
    expect(error.field).toBe('deposit.amountCents');
    expect(error.message).toContain('US$25.00');
  });

  it('shows a payment as waiting to sync until head office confirms it', () => {
    const { layby } = open();
    expect(layby.payments.map((p) => p.pending)).toEqual([true]);
    // Head office's stamp arrives with the pull that follows the push.
    f.handle.db.update(customerLaybyPayments).set({ serverSeq: 41 }).run();
    const scope = f.actor().scope;
    const after = toDetail(f.handle.db, scope, loadLayby(f.handle.db, scope, layby.id), NOW);
    expect(after.payments.map((p) => p.pending)).toEqual([false]);
  });
});
