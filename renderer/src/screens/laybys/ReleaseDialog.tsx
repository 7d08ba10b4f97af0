import { useState, type FormEvent } from 'react';
import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { useLaybyDetail } from '../../state/laybys-detail-store';
import { fieldErrorsFrom, NO_FIELD_ERRORS, type FieldErrors } from './layby-errors';
import { milliToQuantity } from './layby-format';
import { LaybyDialog } from './LaybyDialog';

const LABELS = { collectedBy: 'Collected by', collectorIdNumber: 'ID number' };
type Field = keyof typeof LABELS;

// Handing over the goods of a paid-up layby: who collects them (the customer, or someone they
// sent), with an ID number when it is someone else, checked against the items list.
export function ReleaseDialog(props: { layby: LaybyDetail; onClose: () => void }) {
  const { layby, onClose } = props;
  const act = useLaybyDetail((s) => s.act);
  const [collectedBy, setCollectedBy] = useState(layby.customerName);
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>(NO_FIELD_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await act(() =>
      call('laybys:release', {
        laybyId: layby.id,
        collectedBy: collectedBy.trim() === '' ? null : collectedBy,
        collectorIdNumber: idNumber.trim() === '' ? null : idNumber,
      }),
    );
    setBusy(false);
    if (failure) setErrors(fieldErrorsFrom(failure, LABELS, layby.currency));
    else onClose();
  };

  return (
    <LaybyDialog
      title={`Release goods · ${layby.laybyNumber}`}
      onClose={onClose}
      testId="release-dialog"
    >
      <form className="layby-dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="dialog-lead">Hand over these items and check them off with the customer:</p>
        <ul className="release-items" data-testid="release-items">
          {layby.items.map((item, index) => (
            <li key={index}>
              <strong>{milliToQuantity(item.quantityMilli)} ×</strong> {item.description}
              {item.sku ? <span className="mono muted"> {item.sku}</span> : null}
            </li>
          ))}
        </ul>
        <TextField
          id="release-collected-by"
          label={LABELS.collectedBy}
          hint="The customer, or the person they sent."
          value={collectedBy}
          onValue={setCollectedBy}
          testId="release-collected-by"
          error={errors.fields.collectedBy}
          autoComplete="off"
          autoFocus
          onFocus={(event) => event.target.select()}
        />
        <TextField
          id="release-id-number"
          label={`${LABELS.collectorIdNumber} (when someone else collects)`}
          value={idNumber}
          onValue={setIdNumber}
          testId="release-id-number"
          error={errors.fields.collectorIdNumber}
          autoComplete="off"
          spellCheck={false}
        />
        <FormAlert message={errors.form} testId="release-error" />
        <button
          type="submit"
          className="button button--primary button--block"
          disabled={busy}
          data-testid="release-confirm"
        >
          Goods handed over <kbd>Enter</kbd>
        </button>
      </form>
    </LaybyDialog>
  );
}
