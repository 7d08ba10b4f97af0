import http from 'node:http';
import { summarise, type Summary } from '../lib/stats';
import type { QueryKind } from './queries';

// Closed-loop load: each client sends a search, reads the answer, pauses for `thinkMs`
// (a person reading the result list; 0 = flat out), and sends the next, cycling through
// every kind of query, for a fixed time. Latency is per request as the client sees it
// (HTTP + server + database). Plain node:http with keep-alive: a lighter client than fetch,
// so the load generator takes less of the machine it shares with the server.

export type KindResult = Summary & { label: string; misses: number; errors: number };
export type LoadResult = { kinds: KindResult[]; all: Summary; requests: number; seconds: number };

export type LoadOptions = {
  port: number;
  path: string;
  token: string;
  kinds: QueryKind[];
  clients: number;
  seconds: number;
  thinkMs: number;
  timeoutMs: number;
};

function get(
  agent: http.Agent,
  options: LoadOptions,
  path: string,
): Promise<{ status: number; total: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      {
        host: '127.0.0.1',
        port: options.port,
        path,
        agent,
        headers: { authorization: `Bearer ${options.token}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => {
          const parsed = JSON.parse(body) as { total?: number };
          resolve({ status: response.statusCode ?? 0, total: parsed.total ?? 0 });
        });
      },
    );
    request.setTimeout(options.timeoutMs, () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const samples = options.kinds.map(() => [] as number[]);
  const misses = options.kinds.map(() => 0);
  const errors = options.kinds.map(() => 0);
  const deadline = performance.now() + options.seconds * 1000;
  const client = async (offset: number) => {
    // Clients start spread over one think time, as people would.
    await pause(Math.random() * options.thinkMs);
    for (let i = offset; performance.now() < deadline; i += 1) {
      const k = i % options.kinds.length;
      const queries = options.kinds[k]?.queries ?? [];
      const q = queries[Math.floor(i / options.kinds.length) % queries.length] ?? '';
      const started = performance.now();
      try {
        const { status, total } = await get(
          agent,
          options,
          `${options.path}?limit=20&q=${encodeURIComponent(q)}`,
        );
        if (status !== 200) errors[k] = (errors[k] ?? 0) + 1;
        else if (total === 0) misses[k] = (misses[k] ?? 0) + 1;
      } catch {
        // A timeout counts at the time it took: the request was at least that slow.
        errors[k] = (errors[k] ?? 0) + 1;
      }
      samples[k]?.push(performance.now() - started);
      if (options.thinkMs > 0) await pause(options.thinkMs);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c * 7)));
  agent.destroy();
  return {
    kinds: options.kinds.map((kind, k) => ({
      label: kind.label,
      ...summarise(samples[k] ?? []),
      misses: misses[k] ?? 0,
      errors: errors[k] ?? 0,
    })),
    all: summarise(samples.flat()),
    requests: samples.reduce((n, s) => n + s.length, 0),
    seconds: (performance.now() - started) / 1000,
  };
}
