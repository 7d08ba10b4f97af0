import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const gzipAsync = promisify(gzip);

export type CompressionOptions = { prefix: string; minBytes: number };

// Sync traffic over a shop's link: a first-sync page of 5,000 rows is megabytes of JSON that
// gzip shrinks about ten-fold. Answers are compressed when the till asks (Accept-Encoding),
// in zlib's thread pool at its fastest level so a page never stalls the event loop; pushes
// may arrive gzipped (Content-Encoding). Tills on the same machine as the server ask for
// neither: on loopback it would only cost CPU.
export function installSyncCompression(app: FastifyInstance, options: CompressionOptions): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!request.url.startsWith(options.prefix)) return payload;
    if (request.headers['content-encoding'] !== 'gzip') return payload;
    const inflated = payload.pipe(createGunzip());
    // Fastify compares the body size against Content-Length: that was of the gzipped bytes.
    Object.assign(inflated, { receivedEncodedLength: 0 });
    delete request.headers['content-length'];
    return inflated;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(options.prefix)) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (Buffer.byteLength(payload) < options.minBytes) return payload;
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) return payload;
    reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
    reply.removeHeader('content-length');
    return gzipAsync(payload, { level: 1 });
  });
}
