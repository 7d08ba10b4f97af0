import './printing.css';
import { useSessionStore } from '../../state/session-store';
import { toast } from '../../state/toast-store';
import { usePrinting, useQueueSummary } from './printing-store';

// The status bar's printer entry: how many slips are waiting, red while the printer is at
// fault. Clicking opens the print queue, so a cashier is one tap from "retry".
export function PrinterQueueStatus({ enrolled }: { enrolled: boolean }) {
  const summary = useQueueSummary(enrolled);
  const open = usePrinting((s) => s.open);
  const signedIn = useSessionStore((s) => s.phase === 'signedIn');
  if (!enrolled || summary === null) return null;
  const { waiting, failed } = summary;
  const state = !summary.configured ? 'unset' : failed > 0 ? 'fault' : waiting > 0 ? 'busy' : 'ok';
  const text = !summary.configured
    ? 'Printer not set up'
    : waiting === 0
      ? 'Printer ready'
      : `${waiting} slip${waiting === 1 ? '' : 's'} waiting to print`;
  const onClick = () => {
    if (signedIn) open('queue');
    else toast.info('Sign in to see the printer queue.');
  };
  return (
    <button
      type="button"
      className={`status-item status-printer status-printer--${state}`}
      onClick={onClick}
      data-testid="status-printer-queue"
      data-waiting={waiting}
      title={summary.lastError ?? summary.warning ?? 'Open the printer queue'}
    >
      <span className={`status-printer-dot status-printer-dot--${state}`} aria-hidden="true" />
      {text}
      {summary.warning && waiting === 0 ? ` · ${summary.warning}` : ''}
    </button>
  );
}
