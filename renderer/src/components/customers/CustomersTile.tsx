import { useShortcut } from '../../lib/use-shortcut';
import { useCustomerNav } from '../../state/customers-nav-store';

// The home screen's way into Customers, on F2 as the tile has always promised.
export function CustomersTile() {
  const open = useCustomerNav((s) => s.open);
  const go = () => open({ screen: 'lookup' });
  useShortcut({ code: 'F2' }, go);
  return (
    <button
      type="button"
      className="tile tile--live"
      onClick={go}
      data-testid="tile-customers"
      aria-keyshortcuts="F2"
    >
      <span className="tile-head">
        <span className="tile-title">Customers</span>
        <kbd className="tile-key">F2</kbd>
      </span>
      <span className="tile-text">Find, register and update customers across the group.</span>
      <span className="tile-badge tile-badge--live">Open</span>
    </button>
  );
}
