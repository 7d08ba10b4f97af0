import type { z } from 'zod';
import { customerMethods } from './till/customer-methods';
import { laybyMethods } from './till/layby-methods';
import { printingMethods } from './till/printing-methods';
import { sessionMethods } from './till/session-methods';
import { tillMethods } from './till/till-methods';

export { SessionInfo } from './till/session-methods';
export { TillStatus } from './till/till-methods';

// The till API: one entry per `area:verb` method, gathered from one file per area under
// till/. Electron exposes these one IPC channel per method; browser mode serves them over
// HTTP. The renderer cannot tell which.
export const tillApi = {
  ...tillMethods,
  ...sessionMethods,
  ...customerMethods,
  ...printingMethods,
  ...laybyMethods,
} as const;

export type TillApi = typeof tillApi;
export type TillMethod = keyof TillApi;
export type TillInput<M extends TillMethod> = z.input<TillApi[M]['input']>;
export type TillOutput<M extends TillMethod> = z.output<TillApi[M]['output']>;
export const TILL_METHODS = Object.keys(tillApi) as TillMethod[];
