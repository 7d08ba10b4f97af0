import { z } from 'zod';
import { ERROR_CODES, type ApiError, type Result } from '../../../shared/contract/result';
import {
  tillApi,
  type TillInput,
  type TillMethod,
  type TillOutput,
} from '../../../shared/contract/till-api';
import { bridgeKey } from './till-bridge';

// The renderer's only door to the till core. It cannot tell Electron from browser mode, and
// it never throws: every failure comes back as a Result the screens can show.

// Long enough for enrollment over a slow link to head office; short enough that a wedged
// host does not leave a cashier staring at a spinner.
const TIMEOUT_MS = 20_000;

export const UNAVAILABLE: ApiError = {
  code: 'UNAVAILABLE',
  message: 'The till service is not answering',
};

export async function call<M extends TillMethod>(
  method: M,
  input: TillInput<M>,
): Promise<Result<TillOutput<M>>> {
  let raw: unknown;
  try {
    raw = await withTimeout(window.till ? viaBridge(method, input) : viaHttp(method, input));
  } catch {
    return { ok: false, error: UNAVAILABLE };
  }
  return readResult(method, raw);
}

async function viaBridge(method: TillMethod, input: unknown): Promise<unknown> {
  // Read through an index so a preload older than this renderer gives a clear error
  // instead of "undefined is not a function".
  const bridge = window.till as Record<string, ((input: unknown) => Promise<unknown>) | undefined>;
  const fn = bridge[bridgeKey(method)];
  if (typeof fn !== 'function') {
    return { ok: false, error: { code: 'INTERNAL', message: `This till cannot do ${method} yet` } };
  }
  return fn(input);
}

async function viaHttp(method: TillMethod, input: unknown): Promise<unknown> {
  const response = await fetch('/api/till/' + encodeURIComponent(method), {
    method: 'POST',
    // X-Unitill is a header a cross-site form cannot send, so the host can refuse forgeries.
    headers: { 'Content-Type': 'application/json', 'X-Unitill': '1' },
    body: JSON.stringify(input),
  });
  try {
    return (await response.json()) as unknown;
  } catch {
    // A proxy error page or a host mid-restart: not a Result, so nobody is answering.
    throw new Error(`HTTP ${response.status} without a Result body`);
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
    void work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

const ErrorEnvelope = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
const OkEnvelope = z.object({ ok: z.literal(true), value: z.unknown() });

function readResult<M extends TillMethod>(method: M, raw: unknown): Result<TillOutput<M>> {
  const failed = ErrorEnvelope.safeParse(raw);
  if (failed.success) {
    const { code, message, field } = failed.data.error;
    // A newer host may know codes this renderer does not; keep its message all the same.
    const known = ERROR_CODES.find((c) => c === code) ?? 'INTERNAL';
    return {
      ok: false,
      error: field === undefined ? { code: known, message } : { code: known, message, field },
    };
  }
  const ok = OkEnvelope.safeParse(raw);
  const value = ok.success ? tillApi[method].output.safeParse(ok.data.value) : null;
  if (!value?.success) {
    console.error(`till client: unexpected answer to ${method}`, raw);
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'The till service gave an answer this screen cannot read',
      },
    };
  }
  // The schema indexed by M parsed it; TypeScript cannot narrow the indexed union by itself.
  return { ok: true, value: value.data as TillOutput<M> };
}
