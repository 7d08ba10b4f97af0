import type { FastifyInstance } from 'fastify';
import { CustomerDetail, CustomerIdParams } from '../../../shared/contract/head-office/customers';
import { AppError } from '../../../shared/contract/result';
import { apiRoute } from '../../openapi/api-route';
import { resolveCustomerId } from '../resolve';
import { loadCustomer } from '../store';
import { loadDetail } from './detail';
import { TAG, type CustomerRouteDeps } from './deps';

/** GET /api/customers/:id, following a merge to the survivor. */
export function showRoute(app: FastifyInstance, { db, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers/:id',
      summary: 'A customer with the division accounts you may see',
      description:
        'A merged customer answers 308 with Location set to its survivor, and the survivor as the body.',
      tags: [TAG],
      permission: 'customer.read',
      params: CustomerIdParams,
      responses: {
        200: { description: 'The customer', schema: CustomerDetail },
        308: { description: 'Merged: the survivor', schema: CustomerDetail },
        404: { description: 'No such customer' },
      },
    },
    async ({ params, staff, reply }) => {
      const row = await loadCustomer(db, params.id);
      if (!row || row.deletedAt) throw new AppError('NOT_FOUND', `No customer ${params.id}.`, 'id');
      if (row.mergedIntoId === null) return loadDetail(db, row, staff);
      const survivorId = await resolveCustomerId(db, row.id);
      const survivor = survivorId ? await loadCustomer(db, survivorId) : undefined;
      if (!survivor) throw new AppError('NOT_FOUND', `No customer ${params.id}.`, 'id');
      return reply
        .status(308)
        .header('location', `/api/customers/${survivor.id}`)
        .send(await loadDetail(db, survivor, staff));
    },
  );
}
