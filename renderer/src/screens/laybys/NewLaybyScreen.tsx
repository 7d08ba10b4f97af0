import { useEffect, useState } from 'react';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import {
  lineItem,
  quoteInputOf,
  quoteKeyOf,
  useLaybyDraft,
  type WizardStep,
} from '../../state/laybys-draft-store';
import { useLaybyNav } from '../../state/laybys-nav-store';
import { BlockedCustomer } from './BlockedCustomer';
import { CustomerStep } from './CustomerStep';
import { DEPOSIT_FORM_ID, DepositStep } from './DepositStep';
import { DoneStep } from './DoneStep';
import { ItemsStep } from './ItemsStep';
import { PlanStep } from './PlanStep';

const STEPS: readonly { step: WizardStep; label: string }[] = [
  { step: 'customer', label: 'Customer' },
  { step: 'items', label: 'Items' },
  { step: 'plan', label: 'Plan' },
  { step: 'deposit', label: 'Deposit' },
];

// A new layby in four steps: customer, items, plan, deposit. F8 moves on, Esc goes back a
// step (or leaves from the first). Nothing is stored until the deposit is taken.
export function NewLaybyScreen({ customerId }: { customerId: string | null }) {
  const draft = useLaybyDraft();
  const { step, customer, rules, rulesError, fromProfile, quote, quoteKey, quoting, result } =
    draft;
  const { start, setStep } = draft;
  const nav = useLaybyNav();
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => start(customerId), [customerId, start]);

  const currency = rules?.currency ?? 'USD';
  const input = quoteInputOf(draft);
  const quoteCurrent = quote !== null && quoteKey === quoteKeyOf(input) && !quoting;
  const blocked = customer !== null && customer.blocks.length > 0;
  const switchedOff = rules !== null && !rules.rules.enabled;
  const first: WizardStep = fromProfile ? 'items' : 'customer';

  const goBack = () => {
    if (busy) return;
    if (step === first) nav.back();
    else if (step === 'items') setStep('customer');
    else if (step === 'plan') setStep('items');
    else if (step === 'deposit') setStep('plan');
  };
  const next = () => {
    if (busy || blocked || switchedOff) return;
    if (step === 'customer' && customer) setStep('items');
    else if (step === 'items') {
      setTried(true);
      const ok = draft.lines.length > 0 && draft.lines.every((l) => lineItem(l, currency).ok);
      if (ok) setStep('plan');
    } else if (step === 'plan' && quoteCurrent) setStep('deposit');
    else if (step === 'deposit')
      (document.getElementById(DEPOSIT_FORM_ID) as HTMLFormElement | null)?.requestSubmit();
  };
  const openLayby = () => {
    if (result) nav.replace({ screen: 'detail', id: result.layby.id });
  };
  // Once the layby is open there is no step to go back to: Enter opens it.
  useShortcut({ code: 'Escape' }, goBack, step !== 'done');
  useShortcut({ code: 'F8' }, next, step !== 'done');

  const nextLabel: Record<WizardStep, string> = {
    customer: 'Next: items',
    items: 'Next: plan',
    plan: 'Customer agrees: take deposit',
    deposit: busy ? 'Opening the layby…' : 'Take deposit and open layby',
    done: '',
  };
  const nextDisabled =
    busy ||
    blocked ||
    switchedOff ||
    (step === 'customer' && customer === null) ||
    (step === 'plan' && !quoteCurrent);

  return (
    <div className="laybys-screen" data-testid="screen-layby-new">
      <header className="customers-header">
        <div>
          <h1 className="customers-title">New layby</h1>
          <p className="profile-sub" data-testid="new-layby-customer">
            {customer ? (
              <>
                for <strong>{customer.name}</strong> <span className="mono">{customer.number}</span>
              </>
            ) : (
              'Choose the customer first'
            )}
          </p>
        </div>
        {step !== 'done' ? (
          <ol className="wizard-steps" aria-label="Steps">
            {STEPS.filter((s) => !(fromProfile && s.step === 'customer')).map((s, index) => (
              <li
                key={s.step}
                className={
                  s.step === step ? 'wizard-steps-item wizard-steps-item--on' : 'wizard-steps-item'
                }
                aria-current={s.step === step ? 'step' : undefined}
              >
                <span className="wizard-steps-n">{index + 1}</span> {s.label}
              </li>
            ))}
          </ol>
        ) : null}
      </header>
      <FormAlert message={rulesError} testId="new-layby-rules-error" />
      {switchedOff ? (
        <div className="layby-refusal" role="alert" data-testid="laybys-switched-off">
          <p className="layby-refusal-title">Laybys are switched off for this division</p>
          <p>
            Head office has not enabled laybys for {rules.divisionCode}. No layby can be opened
            here.
          </p>
        </div>
      ) : null}
      {blocked && step !== 'customer' ? <BlockedCustomer customer={customer} /> : null}
      {!switchedOff && step === 'customer' ? <CustomerStep /> : null}
      {!switchedOff && rules && step === 'items' ? (
        <ItemsStep currency={currency} showErrors={tried} />
      ) : null}
      {!switchedOff && rules && step === 'plan' ? <PlanStep info={rules} /> : null}
      {!switchedOff && step === 'deposit' && customer && quote && input ? (
        <DepositStep customer={customer} quote={quote} input={input} onBusy={setBusy} />
      ) : null}
      {step === 'done' && result ? <DoneStep result={result} onOpen={openLayby} /> : null}
      {step !== 'done' ? (
        <footer className="wizard-footer">
          <button
            type="button"
            className="button button--outline"
            onClick={goBack}
            data-testid="wizard-back"
          >
            {step === first ? 'Cancel' : 'Back'} <kbd>Esc</kbd>
          </button>
          {step === 'items' && tried && draft.lines.length === 0 ? (
            <p className="field-error" data-testid="items-error">
              Add at least one item.
            </p>
          ) : null}
          <button
            type="button"
            className="button button--primary wizard-next"
            onClick={next}
            disabled={nextDisabled}
            data-testid="wizard-next"
            aria-keyshortcuts="F8"
          >
            {nextLabel[step]} <kbd>F8</kbd>
          </button>
        </footer>
      ) : null}
    </div>
  );
}
