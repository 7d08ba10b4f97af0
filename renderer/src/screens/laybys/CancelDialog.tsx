import { useEffect, useState, type FormEvent } from 'react';
import type {
  CancellationQuoteView,
  LaybyDetail,
} from '../../../../shared/contract/till/layby-views';
import { CANCEL_INITIATORS, type CancelInitiator } from '../../../../shared/domain/layby/rules';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { useLaybyDetail } from '../../state/laybys-detail-store';
import { ChoiceGroup } from './ChoiceGroup';
import {
  INITIATOR_LABELS,
  METHOD_CHOICES,
  REFERENCE_LABELS,
  TENDER_METHODS,
  type TenderMethod,
} from './labels';
import { fieldErrorsFrom, NO_FIELD_ERRORS, type FieldErrors } from './layby-errors';
import { formatCents } from './layby-format';
import { LaybyDialog } from './LaybyDialog';

const LABELS = {
  initiator: 'Who cancels',
  reason: 'Reason',
  refundMethod: 'Refund method',
  refundReference: 'Refund reference',
};
type Field = keyof typeof LABELS;

// A supervisor cancels: first who is cancelling, which decides the fees kept and the
// cancellation fee; the till's figures (paid, kept, fee, refund) show BEFORE anything is
// confirmed; then how the refund is paid out and why.
export function CancelDialog(props: { layby: LaybyDetail; onClose: () => void }) {
  const { layby, onClose } = props;
  const act = useLaybyDetail((s) => s.act);
  const [initiator, setInitiator] = useState<CancelInitiator | null>(null);
  const [quote, setQuote] = useState<CancellationQuoteView | null>(null);
  const [method, setMethod] = useState<TenderMethod>('CASH');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors<Field>>(NO_FIELD_ERRORS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (initiator === null) return undefined;
    let live = true;
    void call('laybys:cancelQuote', { laybyId: layby.id, initiator }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setQuote(result.value);
        setErrors(NO_FIELD_ERRORS);
      } else setErrors(fieldErrorsFrom(result.error, LABELS, layby.currency));
    });
    return () => {
      live = false;
    };
  }, [initiator, layby.id, layby.currency]);

  const shown = quote !== null && quote.initiator === initiator ? quote : null;
  const refunds = shown !== null && shown.refundCents > 0;
  const referenceLabel = REFERENCE_LABELS[method];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (initiator === null || shown === null) return;
    setBusy(true);
    const failure = await act(() =>
      call('laybys:cancel', {
        laybyId: layby.id,
        initiator,
        reason,
        refundMethod: method,
        refundReference: method === 'CASH' || reference.trim() === '' ? null : reference,
      }),
    );
    setBusy(false);
    if (failure) setErrors(fieldErrorsFrom(failure, LABELS, layby.currency));
    else onClose();
  };

  return (
    <LaybyDialog
      title={`Cancel layby · ${layby.laybyNumber}`}
      onClose={onClose}
      testId="cancel-dialog"
      wide
    >
      <form className="cancel-layout" onSubmit={(e) => void submit(e)} noValidate>
        <div className="cancel-column">
          <ChoiceGroup
            name="cancel-initiator"
            legend="1. Who is cancelling?"
            value={initiator}
            choices={CANCEL_INITIATORS.map((i) => ({
              value: i,
              label: INITIATOR_LABELS[i].title,
              hint: INITIATOR_LABELS[i].text,
            }))}
            onValue={setInitiator}
            testId="cancel-initiator"
            error={errors.fields.initiator}
            stacked
          />
          {shown ? (
            <section className="cancel-figures" data-testid="cancel-figures">
              <h3 className="panel-subtitle">2. What the customer gets back</h3>
              <dl className="money-lines">
                <div className="money-line">
                  <dt>Paid so far</dt>
                  <dd data-testid="cancel-paid">
                    {formatCents(shown.totalPaidCents, shown.currency)}
                  </dd>
                </div>
                <div className="money-line">
                  <dt>Fees the store keeps</dt>
                  <dd data-testid="cancel-kept-fees">
                    − {formatCents(shown.keptFeesCents, shown.currency)}
                  </dd>
                </div>
                <div className="money-line">
                  <dt>Cancellation fee</dt>
                  <dd data-testid="cancel-fee">
                    − {formatCents(shown.cancellationFeeCents, shown.currency)}
                  </dd>
                </div>
                <div className="money-line money-line--total">
                  <dt>Refund</dt>
                  <dd data-testid="cancel-refund">
                    {formatCents(shown.refundCents, shown.currency)}
                  </dd>
                </div>
              </dl>
            </section>
          ) : initiator !== null && !errors.form ? (
            <p className="muted">Working out the refund…</p>
          ) : (
            <p className="muted">Choose who is cancelling to see what the customer gets back.</p>
          )}
        </div>
        <div className="cancel-column">
          {shown ? (
            <>
              <h3 className="panel-subtitle">3. {refunds ? 'Pay the refund' : 'Confirm'}</h3>
              {refunds ? (
                <ChoiceGroup
                  name="cancel-method"
                  legend="How is the refund paid out?"
                  value={method}
                  choices={TENDER_METHODS.map((m) => ({ value: m, ...METHOD_CHOICES[m] }))}
                  onValue={setMethod}
                  testId="cancel-method"
                  error={errors.fields.refundMethod}
                />
              ) : (
                <p className="muted" data-testid="cancel-no-refund">
                  Nothing is refunded.
                </p>
              )}
              {refunds && referenceLabel !== null ? (
                <TextField
                  id="cancel-reference"
                  label={`${referenceLabel} (required)`}
                  value={reference}
                  onValue={setReference}
                  testId="cancel-reference"
                  error={errors.fields.refundReference}
                  autoComplete="off"
                  spellCheck={false}
                />
              ) : null}
              <TextField
                id="cancel-reason"
                label="Why is the layby cancelled?"
                value={reason}
                onValue={setReason}
                testId="cancel-reason"
                error={errors.fields.reason}
                autoComplete="off"
              />
            </>
          ) : null}
          <FormAlert message={errors.form} testId="cancel-error" />
          {shown ? (
            <button
              type="submit"
              className="button button--danger button--block"
              disabled={busy}
              data-testid="cancel-confirm"
            >
              {refunds
                ? `Cancel layby and refund ${formatCents(shown.refundCents, shown.currency)}`
                : 'Cancel layby'}
            </button>
          ) : null}
        </div>
      </form>
    </LaybyDialog>
  );
}
