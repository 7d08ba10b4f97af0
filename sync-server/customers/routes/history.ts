import type { FastifyInstance } from 'fastify';
import { CustomerIdParams } from '../../../shared/contract/head-office/customers';
import { CustomerHistory, HistoryQuery } from '../../../shared/contract/head-office/history';
import { AppError } from '../../../shared/contract/result';
import { apiRoute } from '../../openapi/api-route';
import { customerHistory } from '../history';
import { resolveCustomerId } from '../resolve';
import { TAG, type CustomerRouteDeps } from './deps';

export function historyRoutes(app: FastifyInstance, { db, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers/:id/history',
      summary: 'Cross-division purchase history',
      description:
        'Orders newest first, with totals per division and currency (voided orders left out of the totals). A merged id answers for its survivor.',
      tags: [TAG],
      permission: 'customer.read',
      params: CustomerIdParams,
      query: HistoryQuery,
      responses: {
        200: { description: 'A page of orders', schema: CustomerHistory },
        404: { description: 'No such customer' },
      },
    },
    async ({ params, query, staff }) => {
      const customerId = await resolveCustomerId(db, params.id);
      if (!customerId) throw new AppError('NOT_FOUND', `No customer ${params.id}.`, 'id');
      return customerHistory(db, customerId, query, staff);
    },
  );
}
