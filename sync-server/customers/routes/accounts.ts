import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CustomerIdParams,
  DivisionAccount,
  OpenAccountBody,
} from '../../../shared/contract/head-office/customers';
import { AppError } from '../../../shared/contract/result';
import { apiRoute } from '../../openapi/api-route';
import { loadDivisions } from '../divisions';
import { toAccount } from '../dto';
import { openDivisionAccount } from '../operations/open-account';
import { resolveCustomerId } from '../resolve';
import { customerWrite } from '../write';
import { loadAccounts } from './detail';
import { TAG, type CustomerRouteDeps } from './deps';

const AccountList = z.object({ customerId: z.string(), items: z.array(DivisionAccount) });

export function accountRoutes(app: FastifyInstance, { db, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers/:id/divisions',
      summary: "The customer's division accounts you may see",
      description: 'A merged id answers for its survivor (customerId says which).',
      tags: [TAG],
      permission: 'customer.read',
      params: CustomerIdParams,
      responses: {
        200: { description: 'Accounts, oldest first', schema: AccountList },
        404: { description: 'No such customer' },
      },
    },
    async ({ params, staff }) => {
      const customerId = await resolveCustomerId(db, params.id);
      if (!customerId) throw new AppError('NOT_FOUND', `No customer ${params.id}.`, 'id');
      return { customerId, items: await loadAccounts(db, customerId, staff) };
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/:id/divisions',
      summary: 'Open a division account for the customer',
      description:
        'The CLO-CUST-… number comes from a block head office leases for itself, so it never collides with a till. Division staff may open accounts in their own division only.',
      tags: [TAG],
      permission: 'customer.write',
      params: CustomerIdParams,
      body: OpenAccountBody,
      responses: {
        201: { description: 'The new account', schema: DivisionAccount },
        404: { description: 'No such customer or division' },
        409: { description: 'The customer already has an account there' },
      },
    },
    async ({ params, body, staff, reply }) => {
      const divisions = await loadDivisions(db);
      const row = await customerWrite(db, (tx) =>
        openDivisionAccount(tx, params.id, body, staff, divisions),
      );
      return reply.status(201).send(toAccount(row, divisions));
    },
  );
}
