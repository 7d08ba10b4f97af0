import { useState, type FormEvent } from 'react';
import type { LaybyQuoteView } from '../../../../shared/contract/till/layby-views';
import { call } from '../../api/till-client';
import { useLaybyDraft, type DraftCustomer, type QuoteInput } from '../../state/laybys-draft-store';
import { fieldErrorsFrom, NO_FIELD_ERRORS, type FieldErrors } from './layby-errors';
import { formatCents, formatDay } from './layby-format';
import {
  TENDER_ALIASES,
  TENDER_LABELS,
  TenderFields,
  tenderInput,
  tenderOf,
  type TenderField,
  type TenderValue,
} from './TenderFields';

export const DEPOSIT_FORM_ID = 'layby-deposit-form';

// Step 4: the deposit changes hands and the layby opens, with its agreement and receipt
// printing. Refusals the till only knows now (a suspended account, a customer blacklisted
// at another till since) show here in words.
export function DepositStep(props: {
  customer: DraftCustomer;
  quote: LaybyQuoteView;
  input: QuoteInput;
  onBusy: (busy: boolean) => void;
}) {
  const { customer, quote, input, onBusy } = props;
  const finish = useLaybyDraft((s) => s.finish);
  const [tender, setTender] = useState<TenderValue>(() =>
    tenderOf(quote.depositCents, quote.currency),
  );
  const [errors, setErrors] = useState<FieldErrors<TenderField>>(NO_FIELD_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = tenderInput(tender);
    if (!parsed.ok) {
      setErrors({ form: null, fields: { amount: parsed.message } });
      return;
    }
    setBusy(true);
    onBusy(true);
    const result = await call('laybys:create', {
      ...input,
      depositCents: quote.depositCents,
      customerId: customer.id,
      deposit: parsed.input,
      notes: null,
    });
    setBusy(false);
    onBusy(false);
    if (result.ok) finish(result.value);
    else {
      const tenderField = result.error.field?.startsWith('deposit.') ?? false;
      setErrors(
        tenderField
          ? fieldErrorsFrom(result.error, TENDER_LABELS, quote.currency, TENDER_ALIASES)
          : fieldErrorsFrom(result.error, {}, quote.currency),
      );
    }
  };

  return (
    <section className="wizard-step" data-testid="layby-step-deposit">
      <h2 className="step-title">Take the deposit</h2>
      <div className="deposit-layout">
        <form
          id={DEPOSIT_FORM_ID}
          className="layby-dialog-form"
          onSubmit={(e) => void submit(e)}
          noValidate
        >
          <TenderFields
            id="deposit"
            value={tender}
            onChange={setTender}
            laybyCurrency={quote.currency}
            defaultCents={quote.depositCents}
            errors={errors.fields}
            amountLabel="Deposit"
            lockedAmountHint="The deposit agreed in the plan. To change it, go back to the plan (Esc)."
          />
          {errors.form ? (
            <div className="layby-refusal" role="alert" data-testid="deposit-error">
              <p className="layby-refusal-title">The layby was not opened</p>
              <p>{errors.form}</p>
            </div>
          ) : null}
        </form>
        <aside className="deposit-summary" data-testid="deposit-summary">
          <p className="eyebrow">Deposit due</p>
          <p className="deposit-amount" data-testid="deposit-due">
            {formatCents(quote.depositCents, quote.currency)}
          </p>
          <p>
            Then {quote.schedule.length} × about{' '}
            {formatCents(quote.instalmentCents, quote.currency)}, first on{' '}
            {formatDay(quote.schedule[0]?.dueDate ?? null)}.
          </p>
          <p>
            Total to pay{' '}
            <strong>
              {formatCents(quote.itemsTotalCents + quote.totalFeesCents, quote.currency)}
            </strong>{' '}
            by {formatDay(quote.completionDueDate)}.
          </p>
        </aside>
      </div>
    </section>
  );
}
