import { useTillStore } from './till-store';
import { useSessionStore } from './session-store';

export const POLL_MS = 10_000;

// One heartbeat for the whole renderer: till status every 10 s (online/offline, last sync,
// enrollment), and the session with it, so a session the till core ended (idle timeout,
// sign-out elsewhere) leaves the home screen within one beat.
export async function pollNow(): Promise<void> {
  await useTillStore.getState().refresh();
  if (useTillStore.getState().status?.enrolled) await useSessionStore.getState().check();
}

export function startPolling(): () => void {
  void pollNow();
  const timer = setInterval(() => void pollNow(), POLL_MS);
  return () => clearInterval(timer);
}
