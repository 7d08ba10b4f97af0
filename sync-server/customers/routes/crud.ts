import type { FastifyInstance } from 'fastify';
import {
  Customer,
  CustomerDetail,
  CustomerIdParams,
  CustomerListQuery,
  CustomerPage,
  CustomerUpdateBody,
  DeleteCustomerBody,
} from '../../../shared/contract/head-office/customers';
import { AppError } from '../../../shared/contract/result';
import { CustomerCreateInput } from '../../../shared/domain/customers/validate';
import { apiRoute } from '../../openapi/api-route';
import { toCustomer } from '../dto';
import { listCustomers } from '../list';
import { createCustomer } from '../operations/create';
import { deactivateCustomer } from '../operations/deactivate';
import { updateCustomerFields } from '../operations/update';
import { loadCustomer } from '../store';
import { resolveCustomerId } from '../resolve';
import { customerWrite } from '../write';
import { loadDetail } from './detail';
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
