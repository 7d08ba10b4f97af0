import { useState } from 'react';
import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import type { StaffRole } from '../../../../shared/domain/enums';
import { can } from '../../../../shared/domain/staff/permissions';
import { formatSyncTime } from '../../lib/format';
import { AddNoteForm, words } from './AddNoteForm';

// Notes, alerts first. Anyone may note; only a supervisor may raise an alert every cashier sees.
export function NotesPanel({ profile, role }: { profile: CustomerProfile; role: StaffRole }) {
  const [adding, setAdding] = useState(false);
  return (
    <section className="panel" aria-labelledby="notes-heading" data-testid="customer-notes">
      <div className="panel-head">
        <h2 id="notes-heading" className="panel-title">
          Notes
        </h2>
        {adding ? null : (
          <button
            type="button"
            className="button button--outline"
            onClick={() => setAdding(true)}
            data-testid="note-add"
          >
            Add note
          </button>
        )}
      </div>
      {adding ? (
        <AddNoteForm
          customerId={profile.customer.id}
          mayAlert={can(role, 'customer.alert')}
          onDone={() => setAdding(false)}
        />
      ) : null}
      {profile.notes.length === 0 && !adding ? <p className="muted">No notes yet.</p> : null}
      <ul className="notes">
        {profile.notes.map((note) => (
          <li
            key={note.id}
            className={note.isAlert ? 'note note--alert' : 'note'}
            data-testid="note"
          >
            <p className="note-meta">
              {note.isAlert ? <span className="badge badge--danger">Alert</span> : null}
              <span className="badge badge--muted">{words(note.noteType)}</span>
              {note.priority !== 'NORMAL' ? (
                <span className="badge badge--muted">{words(note.priority)}</span>
              ) : null}
              {note.isPrivate ? <span className="badge badge--muted">private</span> : null}
              <span>
                {note.createdByName ?? 'staff'}
                {note.division?.code ? ` · ${note.division.code}` : ''} ·{' '}
                {formatSyncTime(note.createdAt)}
              </span>
            </p>
            {note.subject ? <p className="note-subject">{note.subject}</p> : null}
            <p className="note-content">{note.content}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
