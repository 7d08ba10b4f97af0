import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customerDivisionAccounts,
  customerLaybyPayments,
  customerLaybys,
  customerPayments,
  flaggedEvents,
  processedMutations,
} from '../../../db/central/schema';
import { outbox } from '../../../db/till/schema';
import { disagreements } from './testing/agreement';
import { inTill, startSyncHarness, type SyncHarness, type Till } from './testing/sync-harness';
import {
  CASHIER,
  createCustomer,
  getLayby,
  openLayby,
  payLayby,
  signIn,
  sleep,
  status,
  syncNow,
  syncUntilDrained,
  waitFor,
} from './testing/till-ops';

// Issue 4: two tills take the last payment of one layby while both are offline. Both payments
// are facts (the customer holds two receipts), so head office keeps both: the layby is paid
// up, the excess becomes account credit (a refund row ACCOUNT_CREDIT on the layby and a
// customer_payments row on the account) and one LAYBY_OVERPAID flag asks a supervisor to look.
// Both tills end up showing exactly what head office shows, and no payment is doubled even
// when one till's first push is committed but its answer is lost on the wire.

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h.close();
});

const central = () => h.database.handle.db;

/** Takes the link down the way a blackout does: connections hang, nothing answers. */
async function goOffline(...tills: Till[]): Promise<void> {
  h.proxy.setMode({ kind: 'black-hole' });
  const attempts = tills.map((till) => syncNow(till.core));
  await sleep(300);
  h.proxy.cutAll(); // the cable is pulled: the hung requests fail now, not after 10 s
  for (const attempt of await Promise.all(attempts)) expect(attempt.serverReachable).toBe(false);
}

describe.each([
  { arrival: 'one after the other, the second answer lost', phone: '0772 555 401' },
  { arrival: 'at the same moment', phone: '0772 555 402' },
] as const)(
  'two tills take the last payment of one layby offline, $arrival',
  ({ arrival, phone }) => {
    it('keeps both payments, completes the layby and moves the excess to flagged account credit', async () => {
      const a = await h.enrolledTill('CLO', `Last payment A ${arrival}`);
      const b = await h.enrolledTill('CLO', `Last payment B ${arrival}`);
      await signIn(a.core, CASHIER);
      await signIn(b.core, CASHIER);
      // Till A registers a customer, opens the layby (US$100 of goods + US$2 admin fee, US$20
      // deposit) and syncs it.
      const { id: customerId } = await createCustomer(a.core, {
        firstName: 'Rudo',
        lastName: 'Moyo',
        primaryPhone: phone,
      });

      const opened = await openLayby(a.core, { customerId, depositCents: 2_000 });
      const laybyId = opened.layby.id;
      expect(opened.layby).toMatchObject({ balanceRemainingCents: 8_200, status: 'ACTIVE' });
      expect((await syncNow(a.core)).pendingMutations).toBe(0);
      const [account] = await central()
        .select()
        .from(customerDivisionAccounts)
        .where(eq(customerDivisionAccounts.id, opened.layby.divisionAccountId));
      expect(account).toBeDefined();

      // Till B syncs and sees it.
      expect((await syncNow(b.core)).pendingMutations).toBe(0);
      expect(await getLayby(b.core, laybyId)).toMatchObject({
        laybyNumber: opened.layby.laybyNumber,
        balanceRemainingCents: 8_200,
      });

      // Both go offline; each takes the whole balance.
      await goOffline(a, b);
      const payA = await payLayby(a.core, laybyId, 8_200);
      const payB = await payLayby(b.core, laybyId, 8_200, {
        method: 'MOBILE_MONEY',
        reference: 'MP-LAST-B',
      });
      for (const paid of [payA, payB])
        expect(paid.layby).toMatchObject({ status: 'COMPLETED', balanceRemainingCents: 0 });
      expect((await status(a.core)).pendingMutations).toBeGreaterThan(0);
      expect((await status(b.core)).pendingMutations).toBeGreaterThan(0);

      h.proxy.setMode({ kind: 'pass' });
      if (arrival === 'at the same moment') {
        await Promise.all([syncUntilDrained(a.core), syncUntilDrained(b.core)]);
      } else {
        // A syncs first; B's first push is committed at head office but its answer is lost.
        await syncUntilDrained(a.core);
        h.proxy.setMode({ kind: 'drop-responses' });
        const lost = syncNow(b.core);
        await waitFor(
          "B's push to commit at head office",
          async () =>
            (
              await central()
                .select({ id: customerLaybyPayments.id })
                .from(customerLaybyPayments)
                .where(eq(customerLaybyPayments.id, payB.paymentId))
            ).length > 0,
        );
        h.proxy.cutAll();
        expect((await lost).serverReachable).toBe(false);
        h.proxy.setMode({ kind: 'pass' });
        await syncUntilDrained(b.core);
      }
      // Each pulls what the other's payment did.
      await syncUntilDrained(a.core);
      await syncUntilDrained(b.core);

      // Head office: the deposit and both last payments, each exactly once.
      const rows = await central()
        .select()
        .from(customerLaybyPayments)
        .where(eq(customerLaybyPayments.laybyId, laybyId));
      const kept = rows.filter((r) => !r.isRefund);
      expect(kept.map((r) => r.id).sort()).toEqual(
        [opened.paymentId, payA.paymentId, payB.paymentId].sort(),
      );
      expect(kept.find((r) => r.id === payA.paymentId)).toMatchObject({ amountCents: 8_200 });
      expect(kept.find((r) => r.id === payB.paymentId)).toMatchObject({
        amountCents: 8_200,
        paymentMethod: 'MOBILE_MONEY',
        paymentReference: 'MP-LAST-B',
      });
      const processed = await central()
        .select()
        .from(processedMutations)
        .where(eq(processedMutations.name, 'layby.pay'));
      const paidIds = processed.map(
        (m) => (m.result as { result?: { paymentId?: string } }).result,
      );
      expect(paidIds.filter((r) => r?.paymentId === payA.paymentId)).toHaveLength(1);
      expect(paidIds.filter((r) => r?.paymentId === payB.paymentId)).toHaveLength(1);

      // The layby is paid up; the payment that arrived second is the excess, on credit.
      const [first, second] = rows.some((r) => r.refundedPaymentId === payB.paymentId)
        ? [payA, payB]
        : [payB, payA];
      if (arrival !== 'at the same moment') expect(second).toBe(payB);
      const [layby] = await central()
        .select()
        .from(customerLaybys)
        .where(eq(customerLaybys.id, laybyId));
      expect(layby).toMatchObject({
        status: 'COMPLETED',
        balanceRemainingCents: 0,
        totalPaidCents: 10_200,
      });
      const refunds = rows.filter((r) => r.isRefund);
      expect(refunds).toEqual([
        expect.objectContaining({
          amountCents: 8_200,
          paymentMethod: 'ACCOUNT_CREDIT',
          refundedPaymentId: second.paymentId,
          receiptNumber: `${second.receiptNumber}-CR`,
        }),
      ]);
      const credit = await central()
        .select()
        .from(customerPayments)
        .where(eq(customerPayments.divisionAccountId, account!.id));
      expect(credit).toEqual([
        expect.objectContaining({
          amountCents: 8_200,
          appliedToBalanceCents: 8_200,
          paymentMethod: 'ACCOUNT_CREDIT',
          receiptNumber: `${second.receiptNumber}-CR`,
        }),
      ]);
      const [accountAfter] = await central()
        .select()
        .from(customerDivisionAccounts)
        .where(eq(customerDivisionAccounts.id, account!.id));
      expect(accountAfter!.currentBalanceCents).toBe(account!.currentBalanceCents - 8_200);
      const flags = await central()
        .select()
        .from(flaggedEvents)
        .where(eq(flaggedEvents.entityId, laybyId));
      expect(flags.map((f) => f.kind)).toEqual(['LAYBY_OVERPAID']);
      expect(flags[0]!.details).toMatchObject({ paymentId: second.paymentId, excessCents: 8_200 });
      expect(first.paymentId).not.toBe(second.paymentId);

      // Both tills: nothing left to push, and exactly head office's layby, payments, credit,
      // account and flag.
      const division = { businessId: h.fixture.division.id };
      for (const till of [a, b]) {
        expect(inTill(till, (db) => db.select().from(outbox).all()).every((m) => m.ackedAt)).toBe(
          true,
        );
        const problems = [
          ...(await disagreements(central(), till, 'customer_laybys', division, {
            ids: [laybyId],
          })),
          ...(await disagreements(central(), till, 'customer_layby_payments', division, {
            ids: rows.map((r) => r.id),
          })),
          ...(await disagreements(central(), till, 'customer_payments', division, {
            ids: credit.map((r) => r.id),
          })),
          ...(await disagreements(central(), till, 'customer_division_accounts', division, {
            ids: [account!.id],
          })),
          ...(await disagreements(central(), till, 'flagged_events', division, {
            ids: flags.map((f) => f.id),
          })),
        ];
        expect(problems).toEqual([]);
        const shown = await getLayby(till.core, laybyId);
        expect(shown).toMatchObject({
          status: 'COMPLETED',
          balanceRemainingCents: 0,
          totalPaidCents: 10_200,
        });
        const shownIds = shown.payments.filter((p) => !p.isRefund).map((p) => p.id);
        expect(shownIds.sort()).toEqual([opened.paymentId, payA.paymentId, payB.paymentId].sort());
        expect(shown.payments.filter((p) => p.isRefund)).toHaveLength(1);
        expect(shown.payments.every((p) => !p.pending)).toBe(true);
        // The flag waits in the till's status bar for a supervisor.
        const { openFlags } = await status(till.core);
        expect(openFlags.latest).toContainEqual(
          expect.objectContaining({ id: flags[0]!.id, kind: 'LAYBY_OVERPAID' }),
        );
      }

      // Head office resolves it; both tills pull the resolution and stop counting it.
      const before = (await status(a.core)).openFlags.count;
      const resolved = await h.server.inject({
        method: 'POST',
        url: `/api/sync/flags/${flags[0]!.id}/resolve`,
        headers: await h.adminAuth(),
        payload: { resolution: 'Customer took the US$82.00 as store credit' },
      });
      expect(resolved.statusCode).toBe(200);
      for (const till of [a, b]) {
        await syncUntilDrained(till.core);
        const { openFlags } = await status(till.core);
        expect(openFlags.count).toBe(before - 1);
        expect(openFlags.latest.map((f) => f.id)).not.toContain(flags[0]!.id);
      }
    });
  },
);
