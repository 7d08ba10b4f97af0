import type { FastifyInstance } from 'fastify';
import {
  Customer,
  CustomerIdParams,
  CustomerListQuery,
  CustomerPage,
  CustomerUpdateBody,
  DeleteCustomerBody,
} from '../../../shared/contract/head-office/customers';
import { CustomerCreateInput } from '../../../shared/domain/customers/validate';
import { apiRoute } from '../../openapi/api-route';
import { toCustomer } from '../dto';
import { listCustomers } from '../list';
import { createCustomer } from '../operations/create';
import { deactivateCustomer } from '../operations/deactivate';
import { updateCustomerFields } from '../operations/update';
import { customerWrite } from '../write';
import { TAG, type CustomerRouteDeps } from './deps';

const actorOf = (staff: { userId: string }) => ({ userId: staff.userId, tillId: null });

export function crudRoutes(app: FastifyInstance, { db, clock, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/customers',
      summary: 'List customers (newest first), filtered and paged',
      tags: [TAG],
      permission: 'customer.read',
      query: CustomerListQuery,
      responses: { 200: { description: 'A page of customers', schema: CustomerPage } },
    },
    async ({ query }) => ({
      ...(await listCustomers(db, query)),
      limit: query.limit,
      offset: query.offset,
    }),
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers',
      summary: 'Register a customer',
      description: 'The customer number comes from a block head office leases for itself.',
      tags: [TAG],
      permission: 'customer.write',
      body: CustomerCreateInput,
      responses: {
        201: { description: 'The new customer', schema: Customer },
        409: {
          description: 'A unique field (email, national ID, link) belongs to another customer',
        },
      },
    },
    async ({ body, staff, reply }) => {
      const row = await customerWrite(db, (tx) => createCustomer(tx, body, actorOf(staff)));
      return reply.status(201).send(toCustomer(row));
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'PUT',
      url: '/api/customers/:id',
      summary: "Change a customer's identity fields",
      description:
        'Only the fields sent change. Links to users and employees have their own endpoints.',
      tags: [TAG],
      permission: 'customer.write',
      params: CustomerIdParams,
      body: CustomerUpdateBody,
      responses: {
        200: { description: 'The customer after the change', schema: Customer },
        404: { description: 'No such customer' },
        409: { description: 'Merged away, or a unique field belongs to another customer' },
      },
    },
    async ({ params, body, staff }) =>
      toCustomer(
        await customerWrite(db, (tx) =>
          updateCustomerFields(tx, params.id, body, actorOf(staff), clock()),
        ),
      ),
  );

  apiRoute(
    app,
    docs,
    {
      method: 'DELETE',
      url: '/api/customers/:id',
      summary: 'Deactivate a customer (soft delete, with a reason)',
      description:
        'Never a hard delete: the customer stays findable and keeps accounts, money and history.',
      tags: [TAG],
      permission: 'customer.delete',
      params: CustomerIdParams,
      body: DeleteCustomerBody,
      responses: {
        200: { description: 'The deactivated customer', schema: Customer },
        404: { description: 'No such customer' },
      },
    },
    async ({ params, body, staff }) =>
      toCustomer(
        await customerWrite(db, (tx) =>
          deactivateCustomer(tx, params.id, body.reason, actorOf(staff)),
        ),
      ),
  );
}
