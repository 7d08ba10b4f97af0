import { pollNow } from '../state/polling';
import { useTillStore } from '../state/till-store';

// Before the till service has answered once. In browser mode the host may still be
// starting; in Electron this flashes by. Polling keeps trying, the button just hurries it.
export function StartingScreen() {
  const serviceUp = useTillStore((s) => s.serviceUp);
  const failed = serviceUp === false;
  return (
    <div className="centered" data-testid="screen-starting">
      <div className="notice">
        <h1 className="notice-title">
          {failed ? 'The till service is not answering' : 'Starting the till…'}
        </h1>
        {failed ? (
          <>
            <p className="notice-text">
              Unitill keeps trying every 10 seconds. If this stays, restart the till app.
            </p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => void pollNow()}
              data-testid="starting-retry"
            >
              Try again now
            </button>
          </>
        ) : (
          <p className="notice-text">Opening this till’s data.</p>
        )}
      </div>
    </div>
  );
}
