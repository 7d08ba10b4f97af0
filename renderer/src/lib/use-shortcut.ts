import { useEffect, useRef } from 'react';

export type Shortcut = { code: string; ctrl?: boolean; shift?: boolean; alt?: boolean };

// Matches on KeyboardEvent.code (the physical key) so the shortcut stays on the same key
// whatever keyboard layout the till's OS is set to.
export function useShortcut(shortcut: Shortcut, action: () => void, enabled = true): void {
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const { code, ctrl = false, shift = false, alt = false } = shortcut;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (event.repeat || event.code !== code) return;
      if (event.ctrlKey !== ctrl || event.shiftKey !== shift || event.altKey !== alt) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [code, ctrl, shift, alt, enabled]);
}
