import { create } from 'zustand';
import type { TillStatus } from '../../../shared/contract/till-api';
import { call } from '../api/till-client';

type TillState = {
  status: TillStatus | null;
  /** Whether the till service answered the last status request; null before the first. */
  serviceUp: boolean | null;
  inFlight: boolean;
  refresh: () => Promise<void>;
  setStatus: (status: TillStatus) => void;
};

export const useTillStore = create<TillState>()((set, get) => ({
  status: null,
  serviceUp: null,
  inFlight: false,
  refresh: async () => {
    // A slow service must not pile up requests behind it.
    if (get().inFlight) return;
    set({ inFlight: true });
    const result = await call('till:status', {});
    // On failure keep the last status, so the screen does not jump back to "starting"
    // while the service restarts; the status bar says it is not answering.
    set(
      result.ok
        ? { status: result.value, serviceUp: true, inFlight: false }
        : { serviceUp: false, inFlight: false },
    );
  },
  setStatus: (status) => set({ status, serviceUp: true }),
}));

export type Connection = 'checking' | 'service-down' | 'not-enrolled' | 'online' | 'offline';

export function connectionOf(state: Pick<TillState, 'status' | 'serviceUp'>): Connection {
  if (state.serviceUp === null) return 'checking';
  if (!state.serviceUp || state.status === null) return 'service-down';
  // Before enrollment there is no head office to be online with.
  if (!state.status.enrolled) return 'not-enrolled';
  return state.status.serverReachable ? 'online' : 'offline';
}
