import type { TillMethod } from '../../shared/contract/till-api';

// One IPC channel per contract method, named after it, so a channel can only ever carry the
// input its method's schema accepts. The prefix keeps our channels apart from any Electron
// or library channel.
export const TILL_CHANNEL_PREFIX = 'till:';

export type TillChannel<M extends TillMethod = TillMethod> = `till:${M}`;

export function channelFor<M extends TillMethod>(method: M): TillChannel<M> {
  return `${TILL_CHANNEL_PREFIX}${method}` as const;
}
