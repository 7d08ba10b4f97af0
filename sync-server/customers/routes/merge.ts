import type { FastifyInstance } from 'fastify';
import {
  DuplicatePage,
  DuplicatesQuery,
  MergeIdParams,
  MergeRequest,
  MergeResult,
  UndoMergeResult,
} from '../../../shared/contract/head-office/merge';
import { apiRoute } from '../../openapi/api-route';
import { loadDivisions } from '../divisions';
import { findDuplicates } from '../merge/duplicates';
import { mergeCustomers } from '../merge/merge';
import { undoMerge } from '../merge/undo';
import { customerWrite } from '../write';
import { TAG, type CustomerRouteDeps } from './deps';

export function mergeRoutes(app: FastifyInstance, { db, clock, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers/duplicates',
      summary: 'Likely duplicate customers, in pairs with the reasons',
      description:
        'Register-wide: equal phones, emails, national IDs, or name and birth date. With customerId: that customer only, adding similar names (pg_trgm) with the same birth date.',
      tags: [TAG],
      permission: 'customer.merge',
      query: DuplicatesQuery,
      responses: { 200: { description: 'Pairs, strongest evidence first', schema: DuplicatePage } },
    },
    async ({ query }) => findDuplicates(db, query),
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/merge',
      summary: 'Merge a duplicate customer into its survivor',
      description:
        'One transaction: chosen field values onto the survivor; accounts, laybys, payments, notes, communications, orders, credit applications and statements moved; two accounts in one division combined (balances and points added); the merged record left as a redirect. Undoable until the close of the next business day.',
      tags: [TAG],
      permission: 'customer.merge',
      body: MergeRequest,
      responses: {
        200: { description: 'What the merge did', schema: MergeResult },
        404: { description: 'No such customer' },
        409: { description: 'Already merged, or accounts in different currencies' },
      },
    },
    async ({ body, staff }) => {
      const divisions = await loadDivisions(db);
      return customerWrite(db, (tx) => mergeCustomers(tx, body, staff, divisions, clock()));
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/merge/:mergeId/undo',
      summary: 'Undo a merge (until the close of the next business day)',
      tags: [TAG],
      permission: 'customer.merge',
      params: MergeIdParams,
      responses: {
        200: { description: 'Both customers after the undo', schema: UndoMergeResult },
        404: { description: 'No such merge' },
        409: { description: 'Already undone, too late, or the survivor was merged again' },
      },
    },
    async ({ params, staff }) =>
      customerWrite(db, (tx) => undoMerge(tx, params.mergeId, staff, clock())),
  );
}
