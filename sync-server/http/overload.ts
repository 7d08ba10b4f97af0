import type { FastifyInstance } from 'fastify';

export type OverloadOptions = {
  /** Requests under these paths count against the limit. */
  prefix: string;
  /** How many may be in progress at once before new ones are turned away. */
  maxInFlight: number;
  retryAfterSeconds: number;
};

// When a hundred tills come back after a blackout at once, each push holds the change
// sequence lock for its batch: past a limit, a quick 429 with Retry-After is kinder to
// PostgreSQL and to the tills than a queue of requests that time out. Tills wait as told
// (electron/till/sync/server-client.ts) and their jittered backoff spreads them out.
export function installOverloadGuard(app: FastifyInstance, options: OverloadOptions): void {
  let inFlight = 0;
  const counted = new WeakSet<object>();
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(options.prefix)) return;
    if (inFlight >= options.maxInFlight) {
      return reply
        .code(429)
        .header('retry-after', String(options.retryAfterSeconds))
        .send({
          error: {
            code: 'OVERLOADED',
            message: `Head office is busy; try again in ${options.retryAfterSeconds} s.`,
          },
        });
    }
    inFlight += 1;
    counted.add(request);
  });
  const release = (request: object): Promise<void> => {
    if (counted.delete(request)) inFlight -= 1;
    return Promise.resolve();
  };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);
}
