import type { FastifyInstance } from 'fastify';
import { LoginRequest, LoginResponse } from '../../shared/contract/server-api';
import { describeRoute, type ApiDocs } from './api-route';
import { buildOpenApiDocument } from './document';

const API_VERSION = '1.0.0';

/** GET /openapi.json (public): the description of every route declared through apiRoute. */
export function openApiRoutes(app: FastifyInstance, docs: ApiDocs): void {
  describeRoute(docs, {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Sign in a member of staff',
    description: 'Five wrong PINs in a row lock the user name out for five minutes.',
    tags: ['Auth'],
    permission: null,
    body: LoginRequest,
    responses: {
      200: { description: 'A bearer token for the other calls', schema: LoginResponse },
    },
  });
  // Built on first request, once every route has registered; the routes never change after.
  let document: unknown = null;
  app.get('/openapi.json', async (_request, reply) => {
    document ??= buildOpenApiDocument(docs, API_VERSION);
    return reply.send(document);
  });
}
