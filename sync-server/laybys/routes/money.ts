import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { customerLaybyPayments, type CustomerLaybyRow } from '../../../db/central/schema';
import type { StaffPrincipal } from '../../auth/principal';
import { loadDivisions, type Divisions } from '../../customers/divisions';
import { apiRoute } from '../../openapi/api-route';
import { withStampedWrites, type CentralTx } from '../../sync/change-sequence';
import {
  CancelBody,
  CompleteBody,
  LaybyDetail,
  LaybyIdParams,
  PaymentBody,
  PaymentList,
  PaymentResult,
} from '../contract';
import { loadPayments, toDetail, toPayment } from '../dto';
import { cancelFromOffice, payFromOffice, releaseFromOffice } from '../office/money';
import { assertVisible, lockVisibleLayby } from '../office/support';
import { loadLayby } from '../rows';
import { TAG, type LaybyRouteDeps } from './deps';

// Payments, release and cancellation of one layby. Each write runs the same operation a
// till's mutation runs (../operations), in one stamped transaction, so tills pull the result.

const NotFound = { description: 'No such layby (or not in your division)' };

export function laybyMoneyRoutes(app: FastifyInstance, { db, clock, docs }: LaybyRouteDeps): void {
  /** Runs `act` on the locked layby and answers with the layby as it then stands. */
  const write = async <T>(
    id: string,
    staff: StaffPrincipal,
    act: (tx: CentralTx, row: CustomerLaybyRow, divisions: Divisions, now: Date) => Promise<T>,
  ) => {
    const now = clock();
    const divisions = await loadDivisions(db);
    return withStampedWrites(db, async (tx) => {
      const done = await act(tx, await lockVisibleLayby(tx, id, staff), divisions, now);
      const row = await loadLayby(tx, id);
      if (!row) throw new Error(`layby ${id} vanished`);
      return { done, layby: await toDetail(tx, row, divisions, now) };
    });
  };

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/laybys/:id/payments',
      summary: 'Record a payment on a layby',
      description:
        'At most the balance. The payment that brings the balance to zero makes the layby COMPLETED; its goods are then released with /complete.',
      tags: [TAG],
      permission: 'layby.take',
      params: LaybyIdParams,
      body: PaymentBody,
      responses: {
        201: { description: 'The payment and the layby after it', schema: PaymentResult },
        404: NotFound,
        409: { description: 'The layby is not active (paid up, cancelled, on hold, defaulted)' },
      },
    },
    async ({ params, body, staff, reply }) => {
      const { done, layby } = await write(params.id, staff, (tx, row, divisions, now) =>
        payFromOffice(tx, row, body, staff, divisions, now),
      );
      const [payment] = await db
        .select()
        .from(customerLaybyPayments)
        .where(eq(customerLaybyPayments.id, done.paymentId));
      if (!payment) throw new Error('the new payment vanished');
      return reply.status(201).send({ layby, payment: toPayment(payment), flagged: done.flagged });
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/laybys/:id/payments',
      summary: "A layby's payment history, refunds included, oldest first",
      tags: [TAG],
      permission: 'customer.read',
      params: LaybyIdParams,
      responses: {
        200: { description: 'Payments and refunds', schema: PaymentList },
        404: NotFound,
      },
    },
    async ({ params, staff }) => {
      assertVisible(await loadLayby(db, params.id), params.id, staff);
      return { laybyId: params.id, items: await loadPayments(db, params.id) };
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/laybys/:id/complete',
      summary: 'Release the goods of a paid-up layby',
      description:
        'A layby becomes COMPLETED when it is paid up; this hands its goods over, once. Divisions whose rules say releaseBy SUPERVISOR need `layby.supervise`.',
      tags: [TAG],
      permission: 'layby.take',
      params: LaybyIdParams,
      body: CompleteBody,
      responses: {
        200: { description: 'The layby, goods released', schema: LaybyDetail },
        404: NotFound,
        409: { description: 'Not paid up, or already released' },
      },
    },
    async ({ params, body, staff }) =>
      (
        await write(params.id, staff, (tx, row, _divisions, now) =>
          releaseFromOffice(tx, row, body, staff, now),
        )
      ).layby,
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/laybys/:id/cancel',
      summary: 'Cancel a layby and refund what its terms give back',
      description:
        "The cancellation fee and the fees kept follow the rules the customer signed under (the initiator's terms); the rest of what was paid is refunded.",
      tags: [TAG],
      permission: 'layby.cancel',
      params: LaybyIdParams,
      body: CancelBody,
      responses: {
        200: { description: 'The cancelled layby with its refund', schema: LaybyDetail },
        404: NotFound,
        409: { description: 'Already cancelled, or paid up' },
      },
    },
    async ({ params, body, staff }) =>
      (
        await write(params.id, staff, (tx, row, divisions, now) =>
          cancelFromOffice(tx, row, body, staff, divisions, now),
        )
      ).layby,
  );
}
