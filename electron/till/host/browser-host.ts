import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { HTTP_STATUS, type Result } from '../../../shared/contract/result';
import { CONTENT_SECURITY_POLICY } from '../../../shared/contract/security';
import type { TillCore } from '../till-core';
import { readStatic } from './static-files';

const MAX_BODY_BYTES = 1024 * 1024;

export type BrowserHost = { url: string; close(): Promise<void> };

// Browser mode: the same till API as Electron's IPC, served over HTTP on loopback only.
// Other web pages in the same browser must not drive the till, so a call needs the custom
// X-Unitill header (a cross-origin page cannot send it without a CORS preflight, which we
// never grant) and a Host header naming loopback (against DNS rebinding).
export async function startBrowserHost(options: {
  core: TillCore;
  staticDir: string;
  port?: number;
}): Promise<BrowserHost> {
  const staticDir = resolve(options.staticDir);
  const server = createServer((request, response) => {
    handle(request, response).catch(() => sendJson(response, 500, fail('INTERNAL', 'Host error')));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = request.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host))
      return sendJson(response, 403, fail('FORBIDDEN', 'Bad host'));
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/till/')) {
      if (request.method !== 'POST')
        return sendJson(response, 405, fail('INVALID_INPUT', 'Use POST'));
      if (request.headers['x-unitill'] !== '1')
        return sendJson(response, 403, fail('FORBIDDEN', 'Missing X-Unitill header'));
      const method = decodeURIComponent(url.pathname.slice('/api/till/'.length));
      const body = await readJson(request);
      if (!body.ok) return sendJson(response, 400, body);
      const result = await options.core.call(method, body.value);
      return sendJson(response, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, fail('INVALID_INPUT', 'Use GET'));
    const file =
      (await readStatic(staticDir, url.pathname)) ?? (await readStatic(staticDir, '/index.html'));
    if (!file) {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('The renderer is not built. Run: npm run build:renderer');
      return;
    }
    response.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    response.end(file.body);
  }

  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

function fail(code: 'INVALID_INPUT' | 'FORBIDDEN' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return fail('INVALID_INPUT', 'Request body too large');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('INVALID_INPUT', 'Body is not valid JSON');
  }
}
