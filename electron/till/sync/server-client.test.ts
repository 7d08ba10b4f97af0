import { createServer, type Server } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_TIME_HEADER } from '../../../shared/contract/sync/protocol';
import { createServerClient, ServerBusyError } from './server-client';

// The till's door to head office, against a plain HTTP server on 127.0.0.1 that answers
// exactly what each test needs.

let server: Server | null = null;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

async function answering(
  status: number,
  headers: Record<string, string>,
  body: unknown,
): Promise<string> {
  server = createServer((_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  });
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

describe('server client', () => {
  it('gzips a large push and reads a gzipped answer when compressing', async () => {
    const seen: { encoding?: string; accept?: string; body?: unknown }[] = [];
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gzipped = request.headers['content-encoding'] === 'gzip';
        seen.push({
          encoding: request.headers['content-encoding'],
          accept: request.headers['accept-encoding'],
          body: JSON.parse((gzipped ? gunzipSync(raw) : raw).toString()),
        });
        response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        response.end(gzipSync(JSON.stringify({ results: [], lastAppliedSeq: 600 })));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const mutations = Array.from({ length: 600 }, (_, i) => ({
      id: '01920000-0000-7000-8000-000000000001',
      seq: i + 1,
      name: 'note.add',
      payload: { content: `note ${i} `.repeat(5) },
      createdAt: new Date().toISOString(),
    }));
    const answer = await createServerClient(url, 'token', { compress: true }).push(mutations);
    expect(answer.lastAppliedSeq).toBe(600);
    expect(seen[0]).toMatchObject({ encoding: 'gzip', accept: 'gzip' });
    expect((seen[0]?.body as { mutations: unknown[] }).mutations).toHaveLength(600);
  });

  it('turns a 429 into ServerBusyError carrying the Retry-After', async () => {
    const url = await answering(
      429,
      { 'retry-after': '7' },
      { error: { code: 'OVERLOADED', message: 'busy' } },
    );
    const error = await createServerClient(url, 'token')
      .pull(0, 10)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerBusyError);
    expect((error as ServerBusyError).retryAfterMs).toBe(7_000);
  });

  it("measures the till clock's offset from the server's time header", async () => {
    const dayAhead = Date.now() + 86_400_000;
    const url = await answering(
      200,
      { [SERVER_TIME_HEADER]: String(dayAhead) },
      { changes: [], cursor: 0, hasMore: false, highWater: 0 },
    );
    const offsets: number[] = [];
    await createServerClient(url, 'token', {
      timing: { clock: () => new Date(), onOffset: (ms) => offsets.push(ms) },
    }).pull(0, 10);
    expect(offsets).toHaveLength(1);
    expect(Math.abs(offsets[0]! - 86_400_000)).toBeLessThan(1_000);
  });
});
