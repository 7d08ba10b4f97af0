import { useState } from 'react';
import type { TillStatus } from '../../../shared/contract/till-api';
import { formatSyncTime } from '../lib/format';
import { Dialog } from '../screens/printing/Dialog';

// Head office flags money events it kept but did not expect (a layby paid twice offline, a
// payment after a cancellation) and sync refusals. They are a supervisor's to-do: the count
// stays in the status bar until head office resolves them, and a tap lists the newest.
export function OpenFlags({ flags }: { flags: TillStatus['openFlags'] }) {
  const [open, setOpen] = useState(false);
  if (flags.count === 0) return null;
  const more = flags.count - flags.latest.length;
  return (
    <>
      <button
        type="button"
        className="status-item status-flags"
        onClick={() => setOpen(true)}
        data-testid="status-open-flags"
        data-count={flags.count}
        title="Flagged for a supervisor: open the list"
      >
        <span className="status-flags-mark" aria-hidden="true">
          !
        </span>
        {flags.count} flag{flags.count === 1 ? '' : 's'} for a supervisor
      </button>
      {open ? (
        <Dialog
          title="Flagged for a supervisor"
          onClose={() => setOpen(false)}
          testId="open-flags-dialog"
          bodyClassName="open-flags-body"
        >
          <ul className="open-flags-list">
            {flags.latest.map((flag) => (
              <li key={flag.id} className="open-flags-item" data-testid="open-flag">
                <span className="open-flags-when">{formatSyncTime(flag.createdAt)}</span>
                <span className="open-flags-kind">{kindText(flag.kind)}</span>
                <span className="open-flags-message">{flag.message}</span>
              </li>
            ))}
          </ul>
          <p className="open-flags-note">
            {more > 0 ? `${more} older not shown. ` : ''}
            Head office reviews and resolves these; each goes from this list once it has.
          </p>
        </Dialog>
      ) : null}
    </>
  );
}

/** FLAG_KIND_LIKE_THIS → "Flag kind like this". */
function kindText(kind: string): string {
  const words = kind.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
