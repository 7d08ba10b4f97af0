import { z } from 'zod';
import { ERROR_CODES } from '../../shared/contract/result';
import { PERMISSIONS } from '../../shared/domain/staff/permissions';
import type { ApiDocs, RouteDoc } from './api-route';

// The OpenAPI 3.1 document, built from the routes' zod schemas with z.toJSONSchema (JSON
// Schema 2020-12 is OpenAPI 3.1's schema dialect). Requests are described as they are
// accepted (input), responses as they are sent (output).

type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.string().optional().describe('the request field at fault'),
  }),
});

const ERROR_STATUSES: Record<number, string> = {
  400: 'Invalid input; `field` names the first bad field.',
  401: 'Not signed in, or the session ended.',
  403: 'Signed in, but the role may not do this.',
};

export function toSchema(schema: z.ZodType, io: Io): JsonSchema {
  // Transforms (normalising a phone) have no JSON Schema; their input side still does.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !field.safeParse(undefined).success,
    schema: toSchema(field, 'input'),
    ...(field.description ? { description: field.description } : {}),
  }));
}

const json = (schema: z.ZodType, io: Io) => ({
  content: { 'application/json': { schema: toSchema(schema, io) } },
});

function operation(route: RouteDoc): JsonSchema {
  const responses: JsonSchema = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? json(response.schema, 'output') : {}),
    };
  }
  const errors = route.permission ? ERROR_STATUSES : { 400: ERROR_STATUSES[400] };
  for (const [status, description] of Object.entries(errors)) {
    responses[status] ??= { description, ...json(ApiErrorBody, 'output') };
  }
  const roles = route.permission ? PERMISSIONS[route.permission].join(', ') : null;
  return {
    summary: route.summary,
    description: [route.description, roles && `Needs \`${route.permission}\`: ${roles}.`]
      .filter(Boolean)
      .join('\n\n'),
    tags: route.tags,
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, ...json(route.body, 'input') } } : {}),
    responses,
    ...(route.permission ? { security: [{ staffToken: [] }] } : { security: [] }),
  };
}

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

export function buildOpenApiDocument(docs: ApiDocs, version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of docs.routes) {
    const path = (paths[openApiPath(route.url)] ??= {});
    path[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Unitill head-office API',
      version,
      description:
        'Universal customer register for head office. Sign in with POST /api/auth/login and ' +
        'send the token as `Authorization: Bearer <token>`. Money is integer cents with a currency.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { staffToken: { type: 'http', scheme: 'bearer' } },
    },
  };
}
