import { useShortcut } from '../../lib/use-shortcut';
import { useLaybyNav } from '../../state/laybys-nav-store';

// The home screen's way into Laybys, on F3 as the placeholder tile promised.
export function LaybysTile() {
  const open = useLaybyNav((s) => s.open);
  const go = () => open({ screen: 'list' });
  useShortcut({ code: 'F3' }, go);
  return (
    <button
      type="button"
      className="tile tile--live"
      onClick={go}
      data-testid="tile-laybys"
      aria-keyshortcuts="F3"
    >
      <span className="tile-head">
        <span className="tile-title">Laybys</span>
        <kbd className="tile-key">F3</kbd>
      </span>
      <span className="tile-text">
        Open laybys, take payments, release paid-up goods, see what is overdue.
      </span>
      <span className="tile-badge tile-badge--live">Open</span>
    </button>
  );
}
