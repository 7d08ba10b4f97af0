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
  type MutationEnvelope,
} from '../../../shared/contract/sync/protocol';
import type { NumberSeries } from '../../../shared/domain/enums';

const TIMEOUT_MS = 10_000;

// The till's only door to the sync server. Every answer is parsed with the shared contract,
// so a server of another version cannot slip malformed data into the till database.
export type ServerClient = ReturnType<typeof createServerClient>;

export function createServerClient(serverUrl: string, deviceToken: string | null) {
  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    init: RequestInit = {},
  ): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(new URL(path, serverUrl), {
        ...init,
        headers: {
          'content-type': 'application/json',
          'x-unitill-protocol': String(PROTOCOL_VERSION),
          ...(deviceToken ? { authorization: `Bearer ${deviceToken}` } : {}),
        },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch {
      throw new AppError('UNAVAILABLE', `The head-office server at ${serverUrl} is not reachable.`);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body as { error?: ApiError } | null)?.error;
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
    pull: (after: number, limit: number) =>
      request(`/api/sync/pull?after=${after}&limit=${limit}`, PullResponse),
    lease: (series: NumberSeries, divisionScoped: boolean) =>
      request('/api/sync/lease', NumberBlock, {
        method: 'POST',
        body: JSON.stringify({ series, divisionScoped }),
      }),
  };
}
