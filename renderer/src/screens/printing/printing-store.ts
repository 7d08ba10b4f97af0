import { useEffect } from 'react';
import { create } from 'zustand';
import type { PrintQueueSummary } from '../../../../shared/contract/till/printing-methods';
import { call } from '../../api/till-client';
import { useSessionStore } from '../../state/session-store';

// Printing's corner of the renderer: which printing screen is open (none, the queue, the
// printer settings) and the queue summary the status bar shows. No router: App shows the
// printing screens while `view` is set, over whatever was open before.

export type PrintingView = 'queue' | 'settings';

type PrintingState = {
  view: PrintingView | null;
  summary: PrintQueueSummary | null;
  open: (view: PrintingView) => void;
  close: () => void;
  refreshSummary: () => Promise<void>;
};

export const usePrinting = create<PrintingState>()((set) => ({
  view: null,
  summary: null,
  open: (view) => set({ view }),
  close: () => set({ view: null }),
  refreshSummary: async () => {
    const result = await call('printing:summary', {});
    // A till service that does not answer keeps the last count on screen.
    if (result.ok) set({ summary: result.value });
  },
}));

// A new cashier starts from the home screen, not from the last one's queue.
useSessionStore.subscribe((state) => {
  if (state.phase !== 'signedIn' && usePrinting.getState().view !== null)
    usePrinting.getState().close();
});

// Slips go from waiting to printed within seconds, so the count refreshes faster than the
// 10-second till heartbeat.
const SUMMARY_MS = 3_000;

export function useQueueSummary(enabled: boolean): PrintQueueSummary | null {
  const summary = usePrinting((s) => s.summary);
  const refresh = usePrinting((s) => s.refreshSummary);
  useEffect(() => {
    if (!enabled) return undefined;
    void refresh();
    const timer = setInterval(() => void refresh(), SUMMARY_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);
  return enabled ? summary : null;
}
