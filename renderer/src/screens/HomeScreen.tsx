import type { SessionInfo, TillStatus } from '../../../shared/contract/till-api';
import { ROLE_LABELS } from '../../../shared/domain/staff/permissions';
import { ComingSoonTile } from '../components/ComingSoonTile';
import { CustomersTile } from '../components/customers/CustomersTile';
import { LaybysTile } from './laybys/LaybysTile';
import { PrinterQueueTile } from './printing/PrinterQueueTile';
import { divisionLabel, formatTime } from '../lib/format';
import { useShortcut } from '../lib/use-shortcut';
import { useSessionStore } from '../state/session-store';

export type HomeScreenProps = { status: TillStatus; session: SessionInfo };

const AREAS = [
  {
    testId: 'tile-payments',
    title: 'Payments',
    shortcut: 'F4',
    description: 'Take layby and account payments, print receipts.',
  },
] as const;

export function HomeScreen({ status, session }: HomeScreenProps) {
  const signOut = useSessionStore((s) => s.signOut);
  const doSignOut = () => void signOut();
  useShortcut({ code: 'KeyL', ctrl: true, shift: true }, doSignOut);
  const { staff } = session;

  return (
    <div className="home" data-testid="screen-home">
      <header className="home-header">
        <div className="home-where">
          <h1 className="home-division" data-testid="home-division">
            {status.division ? divisionLabel(status.division) : 'No division'}
          </h1>
          <p className="home-till">
            Till: <strong data-testid="home-till-name">{status.tillName ?? 'Unnamed till'}</strong>
          </p>
        </div>
        <div className="home-who">
          <div className="home-staff">
            <p className="home-staff-name" data-testid="home-staff-name">
              {staff.fullName}
            </p>
            <p className="home-staff-role">
              <span data-testid="home-staff-role">{ROLE_LABELS[staff.role]}</span> · since{' '}
              {formatTime(session.signedInAt)}
            </p>
          </div>
          <div className="home-signout">
            <button
              type="button"
              className="button button--outline"
              onClick={doSignOut}
              data-testid="signout-button"
              aria-keyshortcuts="Control+Shift+L"
            >
              Sign out
            </button>
            <span className="key-hints">
              <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd>
            </span>
          </div>
        </div>
      </header>
      <section className="home-body" aria-labelledby="areas-heading">
        <h2 className="section-title" id="areas-heading">
          Till areas
        </h2>
        <p className="section-note">
          These areas are being built. They will open here when they are ready.
        </p>
        <div className="tiles">
          <CustomersTile />
          <LaybysTile />
          {AREAS.map((area) => (
            <ComingSoonTile key={area.testId} {...area} />
          ))}
          <PrinterQueueTile />
        </div>
      </section>
    </div>
  );
}
