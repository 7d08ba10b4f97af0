import { create } from 'zustand';

// Where the cashier is within Customers. No router: the screen follows this state, as the
// rest of the app follows the till core's state. null: the home screen.
export type CustomerScreen =
  | { screen: 'lookup' }
  | { screen: 'create'; prefill: string }
  | { screen: 'profile'; id: string }
  | { screen: 'edit'; id: string };

type NavState = {
  current: CustomerScreen | null;
  open: (screen: CustomerScreen) => void;
  home: () => void;
};

export const useCustomerNav = create<NavState>()((set) => ({
  current: null,
  open: (screen) => set({ current: screen }),
  home: () => set({ current: null }),
}));
