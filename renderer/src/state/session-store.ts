import { create } from 'zustand';
import type { ApiError } from '../../../shared/contract/result';
import type { SessionInfo } from '../../../shared/contract/till-api';
import { call } from '../api/till-client';
import { toast } from './toast-store';

// 'unknown' until the till core has told us whether someone is signed in (it keeps the
// session, so a reload or a renderer crash does not sign the cashier out).
export type SessionPhase = 'unknown' | 'signedOut' | 'signedIn';

type SessionState = {
  phase: SessionPhase;
  session: SessionInfo | null;
  check: () => Promise<void>;
  signIn: (username: string, pin: string) => Promise<ApiError | null>;
  signOut: () => Promise<void>;
};

// Bumped by every sign-in and sign-out, so a status check that was already on the wire
// cannot bring back the session the cashier just left (or end the one just started).
let epoch = 0;
// A sign-out the till core has not confirmed yet; retried on the next check.
let signOutOwed = false;

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'unknown',
  session: null,
  check: async () => {
    if (signOutOwed) {
      const done = await call('session:signOut', {});
      // Any answer other than silence settles it: session:current below tells the truth.
      if (!done.ok && done.error.code === 'UNAVAILABLE') return;
      signOutOwed = false;
    }
    const asked = epoch;
    const result = await call('session:current', {});
    // Unreachable service: keep what we know rather than throw the cashier out mid-sale.
    if (!result.ok || asked !== epoch) return;
    const current = result.value;
    if (current === null && get().phase === 'signedIn') {
      toast.info('Your session has ended. Please sign in again.');
    }
    set(
      current === null
        ? { phase: 'signedOut', session: null }
        : { phase: 'signedIn', session: current },
    );
  },
  signIn: async (username, pin) => {
    epoch++;
    const result = await call('session:signIn', { username, pin });
    if (!result.ok) return result.error;
    signOutOwed = false;
    set({ phase: 'signedIn', session: result.value });
    return null;
  },
  signOut: async () => {
    epoch++;
    // Leave the home screen at once: a cashier who pressed Sign out and walked away must
    // not leave the till open on screen, whatever the service answers.
    set({ phase: 'signedOut', session: null });
    const result = await call('session:signOut', {});
    if (result.ok) return;
    signOutOwed = true;
    toast.error(
      `The till has not confirmed the sign-out yet (${result.error.message}). It will keep trying.`,
    );
  },
}));
