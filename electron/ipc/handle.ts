import { fromZodError, type Result } from '../../shared/contract/result';
import { TILL_METHODS, tillApi, type TillMethod } from '../../shared/contract/till-api';
import type { TillCore } from '../till/till-core';
import { channelFor, type TillChannel } from './channels';

// The main-process half of the till API. It takes its dependencies as arguments (ipcMain, the
// core, the sender check) so it runs under vitest without Electron.

/** What we need of ipcMain; ipcMain itself fits. */
export type IpcHandleTarget<E> = {
  handle(channel: string, listener: (event: E, input: unknown) => Promise<Result<unknown>>): void;
};

export type TillHandlerDeps<E> = {
  ipc: IpcHandleTarget<E>;
  core: Pick<TillCore, 'call'>;
  isTrustedSender: (event: E) => boolean;
  /** Where refusals and unexpected errors are reported; silent by default. */
  warn?: (message: string) => void;
};

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window may not use the till.' },
};
const INTERNAL: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The till hit an unexpected error. It has been logged.' },
};

/** Registers one channel per contract method and returns the channels it registered. */
export function registerTillHandlers<E>(deps: TillHandlerDeps<E>): TillChannel[] {
  return TILL_METHODS.map((method) => {
    const channel = channelFor(method);
    deps.ipc.handle(channel, (event, input) => handle(deps, method, event, input));
    return channel;
  });
}

/**
 * Sender check, then input parse, then the core. Never throws: a rejection would cross IPC
 * as a bare Error string, and the renderer reads only Results.
 */
async function handle<E>(
  deps: TillHandlerDeps<E>,
  method: TillMethod,
  event: E,
  input: unknown,
): Promise<Result<unknown>> {
  const warn = deps.warn ?? (() => undefined);
  if (!isTrusted(deps, event)) {
    warn(`refused ${method} from a sender that is not the Unitill window`);
    return FORBIDDEN;
  }
  // A no-argument call arrives as undefined; the core and the browser host both read it as {}.
  const candidate = input ?? {};
  const parsed = tillApi[method].input.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) };
  try {
    // Forward what the renderer sent, not parsed.data: the core parses again, and a schema
    // with a transform need not accept its own output.
    return await deps.core.call(method, candidate);
  } catch (error) {
    warn(`${method} threw past the till core: ${String(error)}`);
    return INTERNAL;
  }
}

function isTrusted<E>(deps: TillHandlerDeps<E>, event: E): boolean {
  try {
    return deps.isTrustedSender(event);
  } catch {
    // Reading a destroyed frame can throw; a sender we cannot inspect is not trusted.
    return false;
  }
}
