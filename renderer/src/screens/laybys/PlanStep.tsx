import type { LaybyRulesView } from '../../../../shared/contract/till/layby-views';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { useLaybyDraft } from '../../state/laybys-draft-store';
import { ChoiceGroup } from './ChoiceGroup';
import { FREQUENCY_LABELS } from './labels';
import { fieldErrorsFrom, NO_FIELD_ERRORS, type FieldErrors } from './layby-errors';
import { centsToInput, formatCents } from './layby-format';
import { QuotePanel } from './QuotePanel';

const LABELS = {
  deposit: 'Deposit',
  frequency: 'How often',
  instalments: 'Number of instalments',
  intervalDays: 'Days between payments',
  items: 'Items',
};

// Step 3: the plan, worked out by the till as the cashier changes it. The customer reads the
// deposit, fees and every due date here, before anything is paid.
export function PlanStep({ info }: { info: LaybyRulesView }) {
  const { plan, deposit, depositTouched, quote, quoteError, quoting } = useLaybyDraft();
  const setPlan = useLaybyDraft((s) => s.setPlan);
  const setDeposit = useLaybyDraft((s) => s.setDeposit);
  const { rules, currency } = info;
  const errors: FieldErrors<keyof typeof LABELS> = quoteError
    ? fieldErrorsFrom<keyof typeof LABELS>(quoteError, LABELS, currency, {
        depositCents: 'deposit',
      })
    : NO_FIELD_ERRORS;
  const shownDeposit = depositTouched ? deposit : quote ? centsToInput(quote.depositCents) : '';

  return (
    <section className="wizard-step" data-testid="layby-step-plan">
      <h2 className="step-title">Agree the payment plan</h2>
      <div className="plan-layout">
        <div className="plan-fields">
          <ChoiceGroup
            name="plan-frequency"
            legend={LABELS.frequency}
            value={plan.frequency}
            choices={rules.frequencies.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
            onValue={(frequency) => setPlan({ frequency })}
            testId="plan-frequency"
            error={errors.fields.frequency}
          />
          {plan.frequency === 'CUSTOM' ? (
            <TextField
              id="plan-interval"
              label={LABELS.intervalDays}
              value={plan.intervalDays}
              onValue={(intervalDays) => setPlan({ intervalDays: intervalDays.replace(/\D/g, '') })}
              testId="plan-interval"
              error={errors.fields.intervalDays}
              inputMode="numeric"
              autoComplete="off"
            />
          ) : null}
          <TextField
            id="plan-instalments"
            label={LABELS.instalments}
            value={plan.instalments}
            onValue={(instalments) => setPlan({ instalments: instalments.replace(/\D/g, '') })}
            testId="plan-instalments"
            error={errors.fields.instalments}
            inputMode="numeric"
            autoComplete="off"
            autoFocus
            onFocus={(event) => event.target.select()}
          />
          <TextField
            id="plan-deposit"
            label={`${LABELS.deposit} today`}
            hint={
              quote
                ? `At least ${formatCents(quote.minDepositCents, currency)} (${rules.minDepositBp / 100}% of the goods).`
                : `At least ${rules.minDepositBp / 100}% of the goods.`
            }
            value={shownDeposit}
            onValue={setDeposit}
            testId="plan-deposit"
            error={errors.fields.deposit}
            className="money-input"
            inputMode="decimal"
            autoComplete="off"
            onFocus={(event) => event.target.select()}
          />
          <p className="rules-note" data-testid="plan-rules">
            {info.divisionCode} rules: at most {rules.maxTermDays} days
            {rules.minInstalmentCents > 0
              ? `, instalments of at least ${formatCents(rules.minInstalmentCents, currency)}`
              : ''}
            .
          </p>
        </div>
        <div className="plan-quote">
          <FormAlert message={errors.form} testId="plan-error" />
          {quote && quoteError === null ? (
            <QuotePanel quote={quote} stale={quoting} />
          ) : quoteError !== null ? (
            <p className="quote-blocked" data-testid="plan-blocked">
              The plan shows here once the{' '}
              {errors.form ? 'problem above is' : 'field marked in red is'} fixed.
            </p>
          ) : (
            <p className="muted">{quoting ? 'Working out the plan…' : ' '}</p>
          )}
        </div>
      </div>
    </section>
  );
}
