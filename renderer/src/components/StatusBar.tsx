import { connectionOf, useTillStore, type Connection } from '../state/till-store';
import { formatSyncTime, shortTillId } from '../lib/format';

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
