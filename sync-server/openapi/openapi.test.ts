import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../customers/testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; required: boolean }[];
        requestBody?: {
          content: {
            'application/json': {
              schema: { properties: Record<string, unknown>; required?: string[] };
            };
          };
        };
        responses: Record<string, unknown>;
        security: unknown[];
      }
    >
  >;
};

describe('GET /openapi.json', () => {
  it('describes every customer route without sign-in, generated from the zod schemas', async () => {
    const response = await h.call('GET', '/openapi.json', null);
    expect(response.statusCode).toBe(200);
    const doc = response.json<Doc>();
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/customers',
        'POST /api/customers',
        'GET /api/customers/{id}',
        'PUT /api/customers/{id}',
        'DELETE /api/customers/{id}',
        'POST /api/customers/{id}/link-user',
        'POST /api/customers/{id}/link-employee',
        'GET /api/customers/{id}/divisions',
        'POST /api/customers/{id}/divisions',
        'GET /api/customers/{id}/history',
        'GET /api/customers/search',
        'GET /api/customers/duplicates',
        'POST /api/customers/merge',
        'POST /api/customers/merge/{mergeId}/undo',
        'POST /api/auth/login',
      ]),
    );
    const create = doc.paths['/api/customers']?.post;
    const body = create?.requestBody?.content['application/json'].schema;
    expect(body?.required).toContain('primaryPhone');
    expect(Object.keys(body?.properties ?? {})).toEqual(
      expect.arrayContaining(['firstName', 'nationalId', 'tags']),
    );
    expect(create?.security).toEqual([{ staffToken: [] }]);
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409']),
    );
    const list = doc.paths['/api/customers']?.get;
    expect(list?.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'limit',
        'offset',
        'division',
        'type',
        'status',
        'tag',
        'tier',
        'createdFrom',
        'createdTo',
      ]),
    );
    expect(doc.paths['/api/customers/{id}']?.get?.parameters).toContainEqual(
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
    );
  });
});
