import { useState, type FormEvent } from 'react';
import { tillApi } from '../../../../shared/contract/till-api';
import type { PrintJobView } from '../../../../shared/contract/till/printing-methods';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { Dialog } from './Dialog';

// Dismissing a slip means the customer leaves without it, so the till asks why, and keeps
// the reason and the name with the slip.
export function DismissDialog(props: {
  job: PrintJobView;
  onClose: () => void;
  onDone: () => void;
}) {
  const { job, onClose, onDone } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tillApi['printing:dismiss'].input.safeParse({ jobId: job.id, reason });
    if (!parsed.success) {
      setError(`Reason: ${parsed.error.issues[0]?.message ?? 'required'}`);
      return;
    }
    setBusy(true);
    const result = await call('printing:dismiss', parsed.data);
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error.message);
  };

  return (
    <Dialog title={`Dismiss ${job.title}`} onClose={onClose} testId="dismiss-dialog">
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {job.receiptNumber ?? 'This slip'} will not be printed. The payment itself is kept; it can
          be reprinted later from the customer’s history.
        </p>
        <TextField
          id="dismiss-reason"
          label="Why is it not needed?"
          value={reason}
          onValue={setReason}
          testId="dismiss-reason"
          placeholder="Customer left; slip reprinted at till 2"
          maxLength={300}
          autoFocus
        />
        <FormAlert message={error} testId="dismiss-error" />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy}
          data-testid="dismiss-confirm"
        >
          Dismiss slip
        </button>
      </form>
    </Dialog>
  );
}
