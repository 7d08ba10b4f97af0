import type { z } from 'zod';
import { AppError, fromZodError, type Result } from '../../shared/contract/result';
import {
  tillApi,
  type TillApi,
  type TillMethod,
  type SessionInfo,
} from '../../shared/contract/till-api';
import { can } from '../../shared/domain/staff/permissions';

export type CallContext = { session: SessionInfo | null; now: Date };

export type Handler<M extends TillMethod> = (
  input: z.output<TillApi[M]['input']>,
  context: CallContext,
) => Promise<z.input<TillApi[M]['output']>> | z.input<TillApi[M]['output']>;

export type Handlers = { [M in TillMethod]: Handler<M> };

const isTillMethod = (method: string): method is TillMethod => Object.hasOwn(tillApi, method);

/**
 * The one gate every till call passes: known method, input parsed by the contract, the
 * signed-in staff member's permission checked here (not only hidden in the UI), errors
 * turned into Results. Nothing throws past this point.
 */
export function createDispatcher(
  handlers: Handlers,
  getContext: () => CallContext,
  onUnexpected: (method: string, error: unknown) => void,
) {
  return async function call(method: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isTillMethod(method)) {
      return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown till method ${method}` } };
    }
    const spec = tillApi[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error) };
    const context = getContext();
    if (spec.permission !== null) {
      if (!context.session)
        return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } };
      if (!can(context.session.staff.role, spec.permission)) {
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Your role may not do this. Ask a supervisor.' },
        };
      }
    }
    try {
      const handler = handlers[method] as Handler<TillMethod>;
      const value: unknown = await handler(parsed.data, context);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toApiError() };
      onUnexpected(method, error);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'The till hit an unexpected error. It has been logged.',
        },
      };
    }
  };
}
