import { create } from 'zustand';
import type { CustomerProfile } from '../../../shared/contract/till/customer-methods';
import type { ApiError, Result } from '../../../shared/contract/result';
import { call } from '../api/till-client';

// The open 360° profile. Every action on it reloads it, so what the cashier sees is what
// the till core holds (including the new audit entry).
type ProfileState = {
  id: string | null;
  profile: CustomerProfile | null;
  error: string | null;
  load: (id: string) => Promise<void>;
  /** Runs an action, reloads the profile on success, and hands back the error otherwise. */
  act: <T>(action: () => Promise<Result<T>>) => Promise<ApiError | null>;
};

export const useCustomerProfile = create<ProfileState>()((set, get) => ({
  id: null,
  profile: null,
  error: null,
  load: async (id) => {
    if (get().id !== id) set({ id, profile: null, error: null });
    const result = await call('customers:get', { id });
    if (get().id !== id) return;
    set(result.ok ? { profile: result.value, error: null } : { error: result.error.message });
  },
  act: async (action) => {
    const result = await action();
    if (!result.ok) return result.error;
    const id = get().id;
    if (id) await get().load(id);
    return null;
  },
}));
