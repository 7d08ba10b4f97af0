import { create } from 'zustand';
import { useSessionStore } from './session-store';

// Where the cashier is within Laybys. A small stack, no router: Esc pops one screen, and an
// empty stack hands the till back to whatever was open before (home, or the customer profile
// the cashier came from, which the customers store still holds).
export type LaybyScreen =
  | { screen: 'list' }
  | { screen: 'detail'; id: string }
  | { screen: 'new'; customerId: string | null };

type LaybyNavState = {
  stack: LaybyScreen[];
  /** Opens a screen on top of the current one. */
  open: (screen: LaybyScreen) => void;
  /** Swaps the current screen (the finished wizard becomes the new layby's detail). */
  replace: (screen: LaybyScreen) => void;
  back: () => void;
  close: () => void;
};

export const useLaybyNav = create<LaybyNavState>()((set) => ({
  stack: [],
  open: (screen) => set((s) => ({ stack: [...s.stack, screen] })),
  replace: (screen) => set((s) => ({ stack: [...s.stack.slice(0, -1), screen] })),
  back: () => set((s) => ({ stack: s.stack.slice(0, -1) })),
  close: () => set({ stack: [] }),
}));

export const useLaybyScreen = (): LaybyScreen | null =>
  useLaybyNav((s) => s.stack[s.stack.length - 1] ?? null);

// The next cashier starts from the home screen, not inside someone else's layby.
useSessionStore.subscribe((state) => {
  if (state.phase !== 'signedIn' && useLaybyNav.getState().stack.length > 0)
    useLaybyNav.getState().close();
});
