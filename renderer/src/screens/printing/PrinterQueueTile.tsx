import './printing.css';
import { useTillStore } from '../../state/till-store';
import { usePrinting, useQueueSummary } from './printing-store';

// The home screen's "Printer queue" tile: open, with the waiting count on it.
export function PrinterQueueTile() {
  const enrolled = useTillStore((s) => s.status?.enrolled ?? false);
  const summary = useQueueSummary(enrolled);
  const open = usePrinting((s) => s.open);
  const waiting = summary?.waiting ?? 0;
  return (
    <button
      type="button"
      className="tile tile--open"
      onClick={() => open('queue')}
      data-testid="tile-printer-queue"
    >
      <span className="tile-head">
        <span className="tile-title">Printer queue</span>
      </span>
      <span className="tile-text">
        Receipts waiting for the printer; reprint, retry or preview a slip.
      </span>
      <span className={waiting > 0 ? 'tile-badge tile-badge--alert' : 'tile-badge tile-badge--ok'}>
        {waiting === 0 ? 'Nothing waiting' : `${waiting} waiting`}
      </span>
    </button>
  );
}
