import { create } from 'zustand';

// A small corner for messages that belong to no form: a sign-out the till did not confirm,
// a session that ended. Form errors stay next to their fields.

export type ToastTone = 'error' | 'info';
export type Toast = { id: number; tone: ToastTone; text: string };

const SHOW_MS = 8_000;
let nextId = 1;

type ToastState = {
  toasts: Toast[];
  push: (tone: ToastTone, text: string) => void;
  dismiss: (id: number) => void;
};

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (tone, text) => {
    // The 10-second poll may report the same trouble again; one copy is enough.
    if (get().toasts.some((t) => t.text === text)) return;
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { id, tone, text }] }));
    setTimeout(() => get().dismiss(id), SHOW_MS);
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export const toast = {
  error: (text: string): void => useToastStore.getState().push('error', text),
  info: (text: string): void => useToastStore.getState().push('info', text),
};
