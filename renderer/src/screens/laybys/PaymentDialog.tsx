import { useState, type FormEvent } from 'react';
import type { LaybyDetail, LaybyPaymentResult } from '../../../../shared/contract/till/layby-views';
import type { StaffRole } from '../../../../shared/domain/enums';
import { can } from '../../../../shared/domain/staff/permissions';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { useLaybyDetail } from '../../state/laybys-detail-store';
import { LaybyDialog } from './LaybyDialog';
import { ApprovalFields, APPROVAL_LABELS, type Approval } from './ApprovalFields';
import { fieldErrorsFrom, NO_FIELD_ERRORS, type FieldErrors } from './layby-errors';
import { centsToInput, formatCents, formatDay, inputToCents } from './layby-format';
import { PaymentDone } from './PaymentDone';
import {
  TENDER_ALIASES,
  TENDER_LABELS,
  TenderFields,
  tenderInput,
  tenderOf,
  type TenderValue,
} from './TenderFields';

const LABELS = { ...TENDER_LABELS, ...APPROVAL_LABELS, approval: 'Supervisor approval' };
type Field = keyof typeof LABELS;

// Take a payment on an active layby: the amount starts at what is due, anything less needs
// a supervisor at a cashier's till, anything more than the balance is refused by the till.
export function PaymentDialog(props: { layby: LaybyDetail; role: StaffRole; onClose: () => void }) {
  const { layby, role, onClose } = props;
  const show = useLaybyDetail((s) => s.show);
  const [tender, setTender] = useState<TenderValue>(() =>
    tenderOf(layby.minimumPaymentCents, layby.currency),
  );
  const [approval, setApproval] = useState<Approval>({ username: '', pin: '' });
  const [approvalAsked, setApprovalAsked] = useState(false);
  const [errors, setErrors] = useState<FieldErrors<Field>>(NO_FIELD_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<LaybyPaymentResult | null>(null);

  const supervisor = can(role, 'layby.supervise');
  const cents = inputToCents(tender.amount, tender.currency);
  const below =
    tender.currency === layby.currency && cents !== null && cents < layby.minimumPaymentCents;
  const needsApproval = !supervisor && (below || approvalAsked);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tenderInput(tender);
    if (!parsed.ok) {
      setErrors({ form: null, fields: { amount: parsed.message } });
      return;
    }
    setBusy(true);
    const result = await call('laybys:pay', {
      laybyId: layby.id,
      tender: parsed.input,
      approval: needsApproval ? approval : null,
    });
    setBusy(false);
    if (!result.ok) {
      const { field, code } = result.error;
      // Less than is due (worked out by the till when paid in the other currency): ask for
      // the supervisor rather than only saying no.
      if (field?.startsWith('approval') || (code === 'FORBIDDEN' && field === 'tender.amountCents'))
        setApprovalAsked(true);
      setErrors(fieldErrorsFrom(result.error, LABELS, layby.currency, TENDER_ALIASES));
      return;
    }
    show(result.value.layby);
    setDone(result.value);
  };

  if (done) return <PaymentDone result={done} onClose={onClose} />;
  return (
    <LaybyDialog
      title={`Take payment · ${layby.laybyNumber}`}
      onClose={onClose}
      testId="pay-dialog"
      wide
    >
      <form className="layby-dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <dl className="pay-facts">
          <div className="pay-fact pay-fact--big">
            <dt>Balance</dt>
            <dd data-testid="pay-balance">
              {formatCents(layby.balanceRemainingCents, layby.currency)}
            </dd>
          </div>
          <div className="pay-fact">
            <dt>Instalment</dt>
            <dd data-testid="pay-minimum">
              {formatCents(layby.minimumPaymentCents, layby.currency)}
            </dd>
          </div>
          <div className="pay-fact">
            <dt>Next due date</dt>
            <dd>{formatDay(layby.nextDueDate)}</dd>
          </div>
        </dl>
        <TenderFields
          id="pay"
          value={tender}
          onChange={setTender}
          laybyCurrency={layby.currency}
          defaultCents={layby.minimumPaymentCents}
          errors={errors.fields}
          amountAside={
            <button
              type="button"
              className="button button--outline button--small"
              onClick={() =>
                setTender({ ...tender, amount: centsToInput(layby.balanceRemainingCents) })
              }
              data-testid="pay-whole-balance"
            >
              Whole balance
            </button>
          }
        />
        {needsApproval ? (
          <ApprovalFields
            id="pay"
            reason={
              below
                ? `${formatCents(cents ?? 0, layby.currency)} is less than the ${formatCents(layby.minimumPaymentCents, layby.currency)} instalment.`
                : 'This is less than the instalment.'
            }
            value={approval}
            onChange={setApproval}
            errors={errors.fields}
          />
        ) : null}
        <FormAlert message={errors.form} testId="pay-error" />
        <div className="dialog-actions">
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={busy}
            data-testid="pay-submit"
          >
            {busy ? 'Taking payment…' : 'Take payment'} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </LaybyDialog>
  );
}
