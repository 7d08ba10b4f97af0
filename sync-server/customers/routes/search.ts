import type { FastifyInstance } from 'fastify';
import {
  CustomerSearchQuery,
  CustomerSearchResult,
} from '../../../shared/contract/head-office/search';
import { apiRoute } from '../../openapi/api-route';
import { searchCustomers } from '../search/search';
import { TAG, type CustomerRouteDeps } from './deps';

export function searchRoutes(app: FastifyInstance, { db, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers/search',
      summary: 'Find customers by number, phone, national ID, email or name',
      description:
        'The query is classified first (UCST-000123, CLO-CUST-000123, 0772 123 456 or its start, 63-123456A78, an email, or words of a name) and answered from the index for that kind. Names rank by similarity and need a word of 3 letters or more. A merged customer number finds the survivor.',
      tags: [TAG],
      permission: 'customer.read',
      query: CustomerSearchQuery,
      responses: { 200: { description: 'Matches, best first', schema: CustomerSearchResult } },
    },
    async ({ query }) => searchCustomers(db, query),
  );
}
