import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Permission } from '../../shared/domain/staff/permissions';
import { requireStaff, type StaffPrincipal } from '../auth/principal';
import { parseBody } from '../http/parse';

// One declaration per REST route serves three purposes: Fastify registers it, the request
// parts are parsed with its zod schemas (a bad field is a 400 naming it), and the OpenAPI
// document is generated from the same schemas — so the description cannot drift from code.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type ResponseDoc = { description: string; schema?: z.ZodType };

export type RouteDoc = {
  method: HttpMethod;
  url: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The permission a staff member needs; null for a public route. */
  permission: Permission | null;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  responses: Record<number, ResponseDoc>;
};

/** Every route described so far, in registration order. One per app instance. */
export type ApiDocs = { routes: RouteDoc[] };
export const createApiDocs = (): ApiDocs => ({ routes: [] });

const Nothing = z.object({});
type Schema = z.ZodType;

export type RouteSpec<P extends Schema, Q extends Schema, B extends Schema> = Omit<
  RouteDoc,
  'params' | 'query' | 'body' | 'permission'
> & { permission: Permission; params?: P; query?: Q; body?: B };

export type RouteInput<P extends Schema, Q extends Schema, B extends Schema> = {
  staff: StaffPrincipal;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
  request: FastifyRequest;
  reply: FastifyReply;
};

function parsePart<S extends Schema>(schema: S | undefined, value: unknown): z.output<S> {
  // Without a schema the part must be empty-ish; {} is what an absent part parses to.
  return parseBody(schema ?? Nothing, value) as z.output<S>;
}

/**
 * Registers a staff route: checks the sign-in and the permission (401/403) before parsing
 * (400), then calls the handler, whose return value is sent as JSON with status 200 unless
 * the handler set another.
 */
export function apiRoute<
  P extends Schema = typeof Nothing,
  Q extends Schema = typeof Nothing,
  B extends Schema = typeof Nothing,
>(
  app: FastifyInstance,
  docs: ApiDocs,
  spec: RouteSpec<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>) => Promise<unknown>,
): void {
  docs.routes.push(spec);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const staff = requireStaff(request.principal, spec.permission);
      const input: RouteInput<P, Q, B> = {
        staff,
        params: parsePart(spec.params, request.params),
        query: parsePart(spec.query, request.query),
        body: spec.body ? parsePart(spec.body, request.body) : ({} as z.output<B>),
        request,
        reply,
      };
      const result = await handler(input);
      return reply.sent ? reply : reply.send(result);
    },
  });
}

/** Documents a route registered elsewhere (sign-in), so the description covers it too. */
export function describeRoute(docs: ApiDocs, doc: RouteDoc): void {
  docs.routes.push(doc);
}
