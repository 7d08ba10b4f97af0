import { createLayby } from '../electron/till/laybys/create';
import { recordLaybyPayment, takePayment } from '../electron/till/laybys/pay';
import { openLaybyFixture } from '../electron/till/laybys/testing/layby-fixture';
import { DRESS_AND_FABRIC } from '../electron/till/laybys/testing/layby-fixture';
import { uuidv7 } from '../shared/ids';
import { ms, summarise } from './lib/stats';

// A layby payment at the till with 100,000 laybys in its database: the rules, the payment
// row, the layby's new sums, the audit entry, the outbox mutation and the receipt's print
// job, in one SQLite transaction with synchronous=FULL. Target: p95 ≤ 5 ms. Baseline in the
// same run: one bare committed row (this disk's fsync floor).

const LAYBYS = Number(process.env.BENCH_LAYBYS ?? 100_000);
const PAYMENTS = 2_000;
const TARGET_P95_MS = 5;

const f = await openLaybyFixture();
const { db } = f.handle;
const template = createLayby(
  db,
  {
    customerId: f.customerId,
    depositCents: null,
    items: DRESS_AND_FABRIC,
    plan: { frequency: 'MONTHLY', instalments: 3, intervalDays: null },
    deposit: { amountCents: 2000, currency: 'USD', method: 'CASH', reference: null },
    notes: null,
  },
  f.actor(),
).layby;

// Copies of the template layby and its deposit, written straight in SQL (seeding only).
const started = performance.now();
const sqlite = f.handle.sqlite;
const copyLayby = sqlite.prepare(
  `insert into customer_laybys select @id, @number, universal_customer_id, division_account_id, business_id, status,
     total_amount_cents, deposit_amount_cents, deposit_percent_bp, balance_remaining_cents, total_paid_cents, currency,
     installment_amount_cents, installment_frequency, payment_due_date, completion_due_date, service_fee_cents,
     late_fee_cents, administration_fee_cents, total_fees_cents, items, items_released, items_released_at,
     items_released_by, notes, cancellation_reason, cancellation_refund_cents, created_at, updated_at, created_by,
     completed_at, cancelled_at, server_seq, origin_till_id, schedule, terms
   from customer_laybys where id = @template`,
);
const copyDeposit = sqlite.prepare(
  `insert into customer_layby_payments (id, layby_id, business_id, receipt_number, amount_cents, currency,
     payment_method, payment_date, processed_by, is_refund, server_seq)
   select @id, @layby, business_id, @receipt, amount_cents, currency, payment_method, payment_date, processed_by, 0, 1
   from customer_layby_payments where layby_id = @template`,
);
const ids: string[] = [];
sqlite.transaction(() => {
  for (let i = 2; i <= LAYBYS; i += 1) {
    const id = uuidv7();
    ids.push(id);
    copyLayby.run({ id, number: `LAY-CLO-B${String(i).padStart(7, '0')}`, template: template.id });
    copyDeposit.run({ id: uuidv7(), layby: id, receipt: `CLO-RCT-B${i}`, template: template.id });
  }
})();
sqlite.exec('analyze');
console.log(
  `Seeded ${LAYBYS.toLocaleString()} laybys + deposits in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// Different laybys each time, as at a busy counter: the instalment due, in cash. Half go
// through the whole till call (the write, then the layby as the screen shows it), half
// through the durable write alone — the figure the target is about.
const shuffled = ids.sort(() => Math.random() - 0.5).slice(0, 2 * (PAYMENTS + 20));
const actor = () => ({ ...f.actor('CASHIER'), now: new Date() });
const pay = (laybyId: string) => ({
  laybyId,
  tender: { amountCents: 2733, currency: 'USD' as const, method: 'CASH' as const, reference: null },
  approval: null,
});
async function timed(run: (laybyId: string) => Promise<unknown>, laybys: string[]) {
  const samples: number[] = [];
  for (const [i, laybyId] of laybys.entries()) {
    const start = process.hrtime.bigint();
    await run(laybyId);
    if (i >= 20) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(samples);
}
const writes = await timed(
  (id) => recordLaybyPayment(db, pay(id), actor()),
  shuffled.slice(0, PAYMENTS + 20),
);
const calls = await timed((id) => takePayment(db, pay(id), actor()), shuffled.slice(PAYMENTS + 20));
const touch = sqlite.prepare(
  `insert into sync_state (key, value) values ('bench.touch', ?) on conflict (key) do update set value = excluded.value`,
);
const floor = summarise(
  Array.from({ length: PAYMENTS }, () => {
    const start = process.hrtime.bigint();
    sqlite.transaction(() => touch.run(String(Math.random())))();
    return Number(process.hrtime.bigint() - start) / 1e6;
  }),
);
const ok = writes.p95 <= TARGET_P95_MS;
const line = (label: string, s: typeof floor, mark = '') =>
  console.log(`${label.padEnd(58)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}${mark}`);
console.log(
  `${PAYMENTS} payments each, ${LAYBYS.toLocaleString('en-US')} laybys in the till, synchronous=FULL`,
);
line("Bare commit of one row (this disk's fsync floor)", floor);
line(
  'Layby payment: rules + rows + audit + outbox + slip (1 tx)',
  writes,
  ok ? '' : '  ✗ over target',
);
line('Whole till call (the write, then the layby for the screen)', calls);
console.log(`Target: payment transaction p95 ≤ ${TARGET_P95_MS} ms → ${ok ? 'met' : 'FAILED'}`);
f.close();
process.exit(ok ? 0 : 1);
