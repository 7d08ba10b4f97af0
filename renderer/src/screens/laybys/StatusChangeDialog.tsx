import { useState, type FormEvent } from 'react';
import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { useLaybyDetail } from '../../state/laybys-detail-store';
import { sentence } from './layby-errors';
import { LaybyDialog } from './LaybyDialog';

export type StatusChange = 'hold' | 'resume';

const COPY: Record<StatusChange, { title: string; lead: string; label: string; confirm: string }> =
  {
    hold: {
      title: 'Put on hold',
      lead: 'No payments can be taken while the layby is on hold, and no late fees are charged.',
      label: 'Why put it on hold?',
      confirm: 'Put on hold',
    },
    resume: {
      title: 'Resume',
      lead: 'The layby becomes active again and takes payments.',
      label: 'Why resume it?',
      confirm: 'Resume layby',
    },
  };

// A supervisor's hold or resume, with the reason that goes into the audit trail.
export function StatusChangeDialog(props: {
  layby: LaybyDetail;
  change: StatusChange;
  onClose: () => void;
}) {
  const { layby, change, onClose } = props;
  const copy = COPY[change];
  const act = useLaybyDetail((s) => s.act);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string | null; form: string | null }>({
    field: null,
    form: null,
  });
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const input = { laybyId: layby.id, reason };
    const failure = await act(() =>
      change === 'hold' ? call('laybys:hold', input) : call('laybys:resume', input),
    );
    setBusy(false);
    if (!failure) onClose();
    else if (failure.field === 'reason')
      setError({ field: sentence('Reason', failure.message), form: null });
    else setError({ field: null, form: failure.message });
  };

  return (
    <LaybyDialog
      title={`${copy.title} · ${layby.laybyNumber}`}
      onClose={onClose}
      testId={`${change}-dialog`}
    >
      <form className="layby-dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-lead">{copy.lead}</p>
        <TextField
          id={`${change}-reason`}
          label={copy.label}
          value={reason}
          onValue={setReason}
          testId={`${change}-reason`}
          error={error.field ?? undefined}
          autoComplete="off"
          autoFocus
        />
        <FormAlert message={error.form} testId={`${change}-error`} />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={busy}
          data-testid={`${change}-confirm`}
        >
          {copy.confirm}
        </button>
      </form>
    </LaybyDialog>
  );
}
