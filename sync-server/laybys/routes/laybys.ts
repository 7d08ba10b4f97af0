import type { FastifyInstance } from 'fastify';
import { CustomerIdParams } from '../../../shared/contract/head-office/customers';
import { apiRoute } from '../../openapi/api-route';
import { loadDivisions } from '../../customers/divisions';
import { withStampedWrites } from '../../sync/change-sequence';
import {
  CreateLaybyBody,
  LaybyDetail,
  LaybyIdParams,
  LaybyListQuery,
  LaybyPage,
} from '../contract';
import { toDetail } from '../dto';
import { listLaybys } from '../list';
import { createFromOffice } from '../office/create';
import { assertVisible } from '../office/support';
import { loadLayby } from '../rows';
import { TAG, type LaybyRouteDeps } from './deps';

export function laybyRecordRoutes(app: FastifyInstance, { db, clock, docs }: LaybyRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/laybys',
      summary: 'List laybys (newest first), filtered and paged',
      description: 'Division staff see their own division only.',
      tags: [TAG],
      permission: 'customer.read',
      query: LaybyListQuery,
      responses: { 200: { description: 'A page of laybys', schema: LaybyPage } },
    },
    async ({ query, staff }) => ({
      ...(await listLaybys(db, query, staff, await loadDivisions(db), clock())),
      limit: query.limit,
      offset: query.offset,
    }),
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/:id/laybys',
      summary: 'Open a layby for the customer, with its deposit',
      description:
        "Quoted with the division's current rules (GET /api/divisions/{code}/layby-rules); the LAY-… and receipt numbers come from blocks head office leases for itself. The customer needs an account with the division.",
      tags: [TAG],
      permission: 'layby.take',
      params: CustomerIdParams,
      body: CreateLaybyBody,
      responses: {
        201: { description: 'The new layby, deposit paid', schema: LaybyDetail },
        404: { description: 'No such customer or division' },
        409: { description: 'No account with the division, or the customer was merged' },
      },
    },
    async ({ params, body, staff, reply }) => {
      const now = clock();
      const divisions = await loadDivisions(db);
      const detail = await withStampedWrites(db, async (tx) => {
        const id = await createFromOffice(tx, params.id, body, staff, divisions, now);
        const row = await loadLayby(tx, id);
        if (!row) throw new Error('the new layby vanished');
        return toDetail(tx, row, divisions, now);
      });
      return reply.status(201).send(detail);
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/laybys/:id',
      summary: 'A layby with its items, schedule progress, payments and fees',
      tags: [TAG],
      permission: 'customer.read',
      params: LaybyIdParams,
      responses: {
        200: { description: 'The layby', schema: LaybyDetail },
        404: { description: 'No such layby (or not in your division)' },
      },
    },
    async ({ params, staff }) => {
      const row = assertVisible(await loadLayby(db, params.id), params.id, staff);
      return toDetail(db, row, await loadDivisions(db), clock());
    },
  );
}
