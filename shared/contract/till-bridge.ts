import type { Result } from './result';
import type { TillInput, TillMethod, TillOutput } from './till-api';

// The shape of `window.till`, shared by the preload that builds it and the renderer that
// calls it. One named async function per contract method ('session:signIn' becomes
// `session_signIn`), never a generic invoke, so a compromised page cannot reach arbitrary
// IPC channels.

export type BridgeKey<M extends string> = M extends `${infer Head}:${infer Tail}`
  ? `${Head}_${BridgeKey<Tail>}`
  : M;

export type TillBridge = {
  [M in TillMethod as BridgeKey<M>]: (input: TillInput<M>) => Promise<Result<TillOutput<M>>>;
};

export function bridgeKey<M extends TillMethod>(method: M): BridgeKey<M> {
  // The template type above spells out exactly this replacement.
  return method.replaceAll(':', '_') as BridgeKey<M>;
}
