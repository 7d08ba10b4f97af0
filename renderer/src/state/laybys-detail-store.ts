import { create } from 'zustand';
import type { LaybyDetail } from '../../../shared/contract/till/layby-views';
import type { ApiError, Result } from '../../../shared/contract/result';
import { call } from '../api/till-client';

// The open layby. Every action answers with the layby as the till core now holds it (or is
// followed by a reload), so the screen never shows figures the till does not have.
type DetailState = {
  id: string | null;
  detail: LaybyDetail | null;
  error: string | null;
  load: (id: string) => Promise<void>;
  show: (detail: LaybyDetail) => void;
  /** Runs an action that answers with the layby; shows it on success, hands back the error. */
  act: (action: () => Promise<Result<LaybyDetail>>) => Promise<ApiError | null>;
};

export const useLaybyDetail = create<DetailState>()((set, get) => ({
  id: null,
  detail: null,
  error: null,
  load: async (id) => {
    if (get().id !== id) set({ id, detail: null, error: null });
    const result = await call('laybys:get', { id });
    if (get().id !== id) return;
    set(result.ok ? { detail: result.value, error: null } : { error: result.error.message });
  },
  show: (detail) => {
    if (get().id === detail.id) set({ detail, error: null });
  },
  act: async (action) => {
    const result = await action();
    if (!result.ok) return result.error;
    get().show(result.value);
    return null;
  },
}));
