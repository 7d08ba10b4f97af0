import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';

export type ReasonFormProps = {
  id: string;
  label: string;
  confirm: string;
  tone?: 'danger' | 'primary';
  onSubmit: (reason: string) => Promise<ApiError | null>;
  onCancel: () => void;
  children?: ReactNode;
};

// Every change that takes something away (blacklist, deactivate, suspend) asks why, and the
// reason goes into the audit trail with the change.
export function ReasonForm({
  id,
  label,
  confirm,
  tone = 'danger',
  onSubmit,
  onCancel,
  children,
}: ReasonFormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onSubmit(reason);
    setBusy(false);
    if (failure)
      setError(
        failure.field === 'reason' ? 'Give a reason (at least 3 characters).' : failure.message,
      );
  };
  return (
    <form
      className="reason-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid={`${id}-form`}
    >
      {children}
      <TextField
        id={`${id}-reason`}
        label={label}
        value={reason}
        onValue={setReason}
        testId={`${id}-reason`}
        autoFocus
        autoComplete="off"
      />
      <FormAlert message={error} testId={`${id}-error`} />
      <div className="button-row">
        <button
          type="submit"
          className={`button button--${tone}`}
          disabled={busy}
          data-testid={`${id}-confirm`}
        >
          {confirm}
        </button>
        <button type="button" className="button button--outline" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
