import type { TillStatus } from '../../../shared/contract/till-api';
import { connectionOf, useTillStore, type Connection } from '../state/till-store';
import { formatSyncTime, shortTillId } from '../lib/format';
import { PrinterQueueStatus } from '../screens/printing/PrinterQueueStatus';
import { OpenFlags } from './OpenFlags';

const CONNECTION_TEXT: Record<Connection, string> = {
  checking: 'Checking…',
  online: 'Online',
  offline: 'Offline – working on this till',
  'service-down': 'Till service not answering',
  'not-enrolled': 'Not connected to head office yet',
};

// On every screen: during a power cut the first question is "is my work being kept?".
// Offline is normal for Unitill, so it reads as a state, not an error.
export function StatusBar() {
  const status = useTillStore((s) => s.status);
  const serviceUp = useTillStore((s) => s.serviceUp);
  const connection = connectionOf({ status, serviceUp });
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-item" data-testid="status-connection" data-state={connection}>
        <span className={`status-dot status-dot--${connection}`} aria-hidden="true" />
        {CONNECTION_TEXT[connection]}
      </span>
      {status?.enrolled ? (
        <span className="status-item" data-testid="status-last-sync">
          Last sync: {formatSyncTime(status.lastSyncAt)}
        </span>
      ) : null}
      {status?.enrolled ? <PendingChanges count={status.pendingMutations} /> : null}
      {status?.enrolled && status.pull?.firstSync ? <FirstSyncProgress pull={status.pull} /> : null}
      {status?.enrolled && status.offlineOverADay ? <OfflineWarning /> : null}
      {status?.enrolled ? <OpenFlags flags={status.openFlags} /> : null}
      <PrinterQueueStatus enrolled={status?.enrolled ?? false} />
      <span className="status-item status-item--end" data-testid="status-till-id">
        {status?.tillId ? (
          <span title={status.tillId}>Till ID {shortTillId(status.tillId)}</span>
        ) : (
          'Till not set up'
        )}
      </span>
    </footer>
  );
}

// Changes kept on this till that head office has not confirmed yet: safe here, on their way.
function PendingChanges({ count }: { count: number }) {
  return (
    <span className="status-item" data-testid="status-pending">
      {count === 0
        ? 'All changes sent'
        : `${count} change${count === 1 ? '' : 's'} waiting to send`}
    </span>
  );
}

// After a day without head office, supervisors should know: numbers and staff lists age.
function OfflineWarning() {
  return (
    <span className="status-item status-item--warn" data-testid="status-offline-warning">
      Offline for over 24 hours — call head office
    </span>
  );
}

// A new till's first sync pulls the whole customer register: how far it has come and how long
// is left. Customer numbers and phones are found meanwhile; names once it is in.
function FirstSyncProgress({ pull }: { pull: NonNullable<TillStatus['pull']> }) {
  const left =
    pull.etaSeconds === null
      ? ''
      : pull.etaSeconds < 90
        ? ` · about ${pull.etaSeconds} s left`
        : ` · about ${Math.round(pull.etaSeconds / 60)} min left`;
  return (
    <span className="status-item" data-testid="status-first-sync" role="status">
      {pull.phase === 'indexing'
        ? 'Customers loaded — preparing name search…'
        : `Loading customers: ${Math.floor(pull.percent)}%${left} (name search when done)`}
    </span>
  );
}
