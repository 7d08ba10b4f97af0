import { summarise, type Summary } from '../lib/stats';
import type { QueryKind } from './queries';

// Closed-loop load: each client sends its next request as soon as the last one answered,
// cycling through every kind of query, for a fixed time. Latency is per request, seen from
// the client (HTTP + server + database).

export type KindResult = Summary & { label: string; misses: number; errors: number };
export type LoadResult = { kinds: KindResult[]; all: Summary; requests: number; seconds: number };

export async function runLoad(options: {
  baseUrl: string;
  path: string;
  token: string;
  kinds: QueryKind[];
  clients: number;
  seconds: number;
  timeoutMs: number;
}): Promise<LoadResult> {
  const samples = options.kinds.map(() => [] as number[]);
  const misses = options.kinds.map(() => 0);
  const errors = options.kinds.map(() => 0);
  const deadline = performance.now() + options.seconds * 1000;
  const headers = { authorization: `Bearer ${options.token}` };
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i += 1) {
      const k = i % options.kinds.length;
      const kind = options.kinds[k];
      if (!kind || kind.queries.length === 0) continue;
      const q = kind.queries[Math.floor(i / options.kinds.length) % kind.queries.length] ?? '';
      const url = `${options.baseUrl}${options.path}?limit=20&q=${encodeURIComponent(q)}`;
      const started = performance.now();
      try {
        const response = await fetch(url, {
          headers,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        const body = (await response.json()) as { total?: number };
        samples[k]?.push(performance.now() - started);
        if (!response.ok) errors[k] = (errors[k] ?? 0) + 1;
        else if (!body.total) misses[k] = (misses[k] ?? 0) + 1;
      } catch {
        // A timeout counts at the timeout: the request was at least that slow.
        samples[k]?.push(performance.now() - started);
        errors[k] = (errors[k] ?? 0) + 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c * 7)));
  const seconds = (performance.now() - started) / 1000;
  return {
    kinds: options.kinds.map((kind, k) => ({
      label: kind.label,
      ...summarise(samples[k] ?? []),
      misses: misses[k] ?? 0,
      errors: errors[k] ?? 0,
    })),
    all: summarise(samples.flat()),
    requests: samples.reduce((n, s) => n + s.length, 0),
    seconds,
  };
}
