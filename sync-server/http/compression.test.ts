import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSyncCompression } from './compression';

const app = Fastify();
installSyncCompression(app, { prefix: '/api/sync/', minBytes: 1024 });
const big = { rows: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `Customer ${i}` })) };
app.get('/api/sync/pull', () => big);
app.get('/api/other', () => big);
app.post('/api/sync/push', (request) => ({ received: request.body }));

describe('sync compression', () => {
  it('gzips large sync answers only for a till that asks', async () => {
    const asked = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asked.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(asked.rawPayload).toString())).toEqual(big);
    expect(asked.rawPayload.length).toBeLessThan(JSON.stringify(big).length / 3);
    const plain = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json()).toEqual(big);
    const other = await app.inject({
      method: 'GET',
      url: '/api/other',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(other.headers['content-encoding']).toBeUndefined();
  });

  it('reads a gzipped push', async () => {
    const body = gzipSync(JSON.stringify({ mutations: big.rows }));
    const response = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: { mutations: big.rows } });
  });
});
