import { TILL_METHODS, type TillMethod } from '../../shared/contract/till-api';
// The renderer owns the declaration of window.till; importing its type (erased at build time)
// makes the compiler fail here the moment the two sides disagree.
import type { BridgeKey, TillBridge } from '../../shared/contract/till-bridge';
import { channelFor, type TillChannel } from './channels';

// What the preload hands to contextBridge: one named function per contract method, each bound
// to that method's channel. The page gets no way to name a channel itself, so it can reach
// nothing but the till API.

export type TillInvoke = (channel: TillChannel, input: unknown) => Promise<unknown>;

export function bridgeKey<M extends TillMethod>(method: M): BridgeKey<M> {
  // BridgeKey spells out exactly this replacement at the type level.
  return method.replaceAll(':', '_') as BridgeKey<M>;
}

export function buildTillBridge(invoke: TillInvoke): TillBridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of TILL_METHODS) {
    const channel = channelFor(method);
    // Exactly one argument crosses: extra arguments from the page are dropped here.
    api[bridgeKey(method)] = (input: unknown) => invoke(channel, input);
  }
  if (!isTillBridge(api)) throw new Error('till bridge is missing a contract method');
  return Object.freeze(api);
}

// Checks at run time what the loop above cannot prove to the compiler: every contract method
// has its function. (Return types are the main process's word; the renderer re-parses them.)
function isTillBridge(api: Record<string, unknown>): api is TillBridge {
  return TILL_METHODS.every((method) => typeof api[bridgeKey(method)] === 'function');
}
