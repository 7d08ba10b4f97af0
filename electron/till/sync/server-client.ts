import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { AppError, type ApiError } from '../../../shared/contract/result';
import {
  BootstrapResponse,
  EnrollResponse,
  PROTOCOL_VERSION,
} from '../../../shared/contract/server-api';
import {
  NumberBlock,
  PullResponse,
  PushResponse,
  SERVER_TIME_HEADER,
  WAITING_HEADER,
  type MutationEnvelope,
} from '../../../shared/contract/sync/protocol';
import { measuredOffsetMs } from '../../../shared/domain/sync/hlc';
import type { NumberSeries } from '../../../shared/domain/enums';

const TIMEOUT_MS = 10_000;
const COMPRESS_FROM_BYTES = 16 * 1024;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The server said it is busy (429): come back after retryAfterMs, not sooner. */
export class ServerBusyError extends AppError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super('OVERLOADED', message);
  }
}

/** Retry-After in seconds (the form our server sends); anything unreadable counts as 5 s. */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 600) * 1000 : 5_000;
}

// The till's only door to the sync server. Every answer is parsed with the shared contract,
// so a server of another version cannot slip malformed data into the till database.
export type ServerClient = ReturnType<typeof createServerClient>;

export type ClientOptions = {
  /** The till's clock and where to keep the offset measured from each answer. */
  timing?: { clock: () => Date; onOffset: (offsetMs: number) => void };
  /** gzip sync bodies. Default: yes, unless the server is on this machine (loopback). */
  compress?: boolean;
  /** The outbox's length, told to head office with every call. */
  waiting?: () => number;
};

export function createServerClient(
  serverUrl: string,
  deviceToken: string | null,
  {
    timing,
    compress = !LOOPBACK_HOSTS.has(new URL(serverUrl).hostname),
    waiting,
  }: ClientOptions = {},
) {
  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    init: { method?: string; body?: string; timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<z.output<S>> {
    let response: Response;
    const sentAt = timing?.clock().getTime() ?? 0;
    const gzipBody = compress && init.body !== undefined && init.body.length >= COMPRESS_FROM_BYTES;
    try {
      response = await fetch(new URL(path, serverUrl), {
        method: init.method ?? 'GET',
        body: gzipBody ? gzipSync(init.body ?? '') : init.body,
        headers: {
          'content-type': 'application/json',
          'accept-encoding': compress ? 'gzip' : 'identity',
          ...(gzipBody ? { 'content-encoding': 'gzip' } : {}),
          'x-unitill-protocol': String(PROTOCOL_VERSION),
          ...(deviceToken ? { authorization: `Bearer ${deviceToken}` } : {}),
          ...(waiting ? { [WAITING_HEADER]: String(waiting()) } : {}),
        },
        signal: AbortSignal.any([
          AbortSignal.timeout(init.timeoutMs ?? TIMEOUT_MS),
          ...(init.signal ? [init.signal] : []),
        ]),
      });
    } catch {
      throw new AppError('UNAVAILABLE', `The head-office server at ${serverUrl} is not reachable.`);
    }
    const serverTime = Number(response.headers.get(SERVER_TIME_HEADER));
    if (timing && serverTime > 0)
      timing.onOffset(measuredOffsetMs(sentAt, serverTime, timing.clock().getTime()));
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body as { error?: ApiError } | null)?.error;
      if (response.status === 429) {
        throw new ServerBusyError(
          error?.message ?? 'Head office is busy.',
          retryAfterMs(response.headers.get('retry-after')),
        );
      }
      throw new AppError(
        error?.code ?? 'UNAVAILABLE',
        error?.message ?? `Server answered ${response.status}`,
        error?.field,
      );
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new AppError('UNAVAILABLE', 'The server sent an answer this till does not understand.');
    return parsed.data;
  }

  return {
    enroll: (input: { code: string; tillName: string; tillId: string }) =>
      request('/api/tills/enroll', EnrollResponse, {
        method: 'POST',
        body: JSON.stringify({ ...input, protocolVersion: PROTOCOL_VERSION }),
      }),
    bootstrap: () => request('/api/sync/bootstrap', BootstrapResponse),
    push: (mutations: MutationEnvelope[]) =>
      request('/api/sync/push', PushResponse, {
        method: 'POST',
        body: JSON.stringify({ mutations }),
      }),
    /** waitSeconds > 0: head office holds the request until it has changes (a long-poll). */
    pull: (after: number, limit: number, waitSeconds = 0, signal?: AbortSignal) =>
      request(
        `/api/sync/pull?after=${after}&limit=${limit}${waitSeconds > 0 ? `&wait=${waitSeconds}` : ''}`,
        PullResponse,
        { timeoutMs: TIMEOUT_MS + waitSeconds * 1000, signal },
      ),
    /** A page with its rows as arrays under column names (shape=columns): pullChanges' pages. */
    pullColumns: (after: number, limit: number) =>
      request(`/api/sync/pull?after=${after}&limit=${limit}&shape=columns`, PullResponse),
    lease: (series: NumberSeries, divisionScoped: boolean) =>
      request('/api/sync/lease', NumberBlock, {
        method: 'POST',
        body: JSON.stringify({ series, divisionScoped }),
      }),
  };
}
