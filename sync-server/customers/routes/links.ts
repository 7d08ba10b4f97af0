import type { FastifyInstance } from 'fastify';
import {
  Customer,
  CustomerIdParams,
  LinkEmployeeBody,
  LinkUserBody,
} from '../../../shared/contract/head-office/customers';
import { apiRoute } from '../../openapi/api-route';
import { toCustomer } from '../dto';
import { linkCustomer } from '../operations/link';
import { customerWrite } from '../write';
import { TAG, type CustomerRouteDeps } from './deps';

const responses = {
  200: { description: 'The customer with the link set (or removed, for null)', schema: Customer },
  404: { description: 'No such customer, user or employee' },
  409: { description: 'Already linked to another customer; `field` names it' },
};

export function linkRoutes(app: FastifyInstance, { db, clock, docs }: CustomerRouteDeps): void {
  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/:id/link-user',
      summary: 'Link the customer to a staff login (null unlinks)',
      tags: [TAG],
      permission: 'customer.link',
      params: CustomerIdParams,
      body: LinkUserBody,
      responses,
    },
    async ({ params, body, staff }) => {
      const link = { field: 'linkedUserId', value: body.userId, bodyField: 'userId' } as const;
      const actor = { userId: staff.userId, tillId: null };
      return toCustomer(
        await customerWrite(db, (tx) => linkCustomer(tx, params.id, link, actor, clock())),
      );
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/customers/:id/link-employee',
      summary: 'Link the customer to an employee record (null unlinks)',
      tags: [TAG],
      permission: 'customer.link',
      params: CustomerIdParams,
      body: LinkEmployeeBody,
      responses,
    },
    async ({ params, body, staff }) => {
      const link = {
        field: 'linkedEmployeeId',
        value: body.employeeId,
        bodyField: 'employeeId',
      } as const;
      const actor = { userId: staff.userId, tillId: null };
      return toCustomer(
        await customerWrite(db, (tx) => linkCustomer(tx, params.id, link, actor, clock())),
      );
    },
  );
}
