import { useState, type FormEvent } from 'react';
import {
  CUSTOMER_NOTE_TYPES,
  NOTE_PRIORITIES,
  type CustomerNoteType,
  type NotePriority,
} from '../../../../shared/domain/enums';
import { call } from '../../api/till-client';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { FormAlert } from '../FormAlert';
import { SelectField } from './SelectField';

export const words = (value: string) => value.replaceAll('_', ' ').toLowerCase();
const TYPE_OPTIONS = CUSTOMER_NOTE_TYPES.map((value) => ({ value, label: words(value) }));
const PRIORITY_OPTIONS = NOTE_PRIORITIES.map((value) => ({ value, label: words(value) }));

export type AddNoteFormProps = { customerId: string; mayAlert: boolean; onDone: () => void };

// A note from this division. The alert box is offered only to roles that may raise one.
export function AddNoteForm({ customerId, mayAlert, onDone }: AddNoteFormProps) {
  const act = useCustomerProfile((s) => s.act);
  const [content, setContent] = useState('');
  const [noteType, setNoteType] = useState<CustomerNoteType>('GENERAL');
  const [priority, setPriority] = useState<NotePriority>('NORMAL');
  const [isAlert, setIsAlert] = useState(false);
  const [isPrivate, setIsPrivate] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = { customerId, content, noteType, priority, isAlert, isPrivate };
    const failure = await act(() => call('notes:add', note));
    if (!failure) return onDone();
    setError(failure.field === 'content' ? 'Write the note first.' : failure.message);
  };

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} noValidate data-testid="note-form">
      <label className="field-label" htmlFor="note-content">
        Note
      </label>
      <textarea
        id="note-content"
        className="field-input note-input"
        value={content}
        onChange={(e) => setContent(e.target.value)}
        rows={3}
        autoFocus
        data-testid="note-content"
      />
      <div className="form-row">
        <SelectField
          id="note-type"
          label="Kind"
          value={noteType}
          options={TYPE_OPTIONS}
          onValue={setNoteType}
          testId="note-type"
        />
        <SelectField
          id="note-priority"
          label="Priority"
          value={priority}
          options={PRIORITY_OPTIONS}
          onValue={setPriority}
          testId="note-priority"
        />
      </div>
      {mayAlert ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={isAlert}
            onChange={(e) => setIsAlert(e.target.checked)}
            data-testid="note-alert"
          />
          Alert: show to every cashier who opens this customer
        </label>
      ) : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isPrivate}
          onChange={(e) => setIsPrivate(e.target.checked)}
          data-testid="note-private"
        />
        Private: only I can see it
      </label>
      <FormAlert message={error} testId="note-error" />
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="note-save">
          Save note
        </button>
        <button type="button" className="button button--outline" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
