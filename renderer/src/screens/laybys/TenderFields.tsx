import type { ReactNode } from 'react';
import { CURRENCIES, type Currency } from '../../../../shared/money/money';
import { TextField } from '../../components/TextField';
import { ChoiceGroup } from './ChoiceGroup';
import { METHOD_CHOICES, REFERENCE_LABELS, TENDER_METHODS, type TenderMethod } from './labels';
import { centsToInput, CURRENCY_NAMES, inputToCents } from './layby-format';

// What the customer hands over: an amount, in the layby's currency or the other one, how,
// and the reference a card slip, EcoCash message or bank transfer carries. Shared by the
// payment dialog and the new layby's deposit.

export type TenderValue = {
  amount: string;
  currency: Currency;
  method: TenderMethod;
  reference: string;
};

export type TenderField = 'amount' | 'currency' | 'method' | 'reference';

export const TENDER_LABELS: Record<TenderField, string> = {
  amount: 'Amount',
  currency: 'Currency',
  method: 'Payment method',
  reference: 'Reference',
};

/** The till core's names for these fields, wherever they sit in the input. */
export const TENDER_ALIASES = { amountCents: 'amount' } as const;

export const tenderOf = (amountCents: number, currency: Currency): TenderValue => ({
  amount: centsToInput(amountCents),
  currency,
  method: 'CASH',
  reference: '',
});

/** The tender as the till API takes it; null with a message when the amount is not one. */
export function tenderInput(value: TenderValue):
  | {
      ok: true;
      input: {
        amountCents: number;
        currency: Currency;
        method: TenderMethod;
        reference: string | null;
      };
    }
  | { ok: false; message: string } {
  const cents = inputToCents(value.amount, value.currency);
  if (cents === null || cents === 0)
    return { ok: false, message: 'Amount must be an amount such as 25.00' };
  return {
    ok: true,
    input: {
      amountCents: cents,
      currency: value.currency,
      method: value.method,
      reference: value.method === 'CASH' || value.reference.trim() === '' ? null : value.reference,
    },
  };
}

export type TenderFieldsProps = {
  id: string;
  value: TenderValue;
  onChange: (value: TenderValue) => void;
  /** The layby's currency; the other one is converted by the till at head office's rate. */
  laybyCurrency: Currency;
  /** What the amount box returns to when the cashier switches back to the layby's currency. */
  defaultCents: number;
  errors: Partial<Record<TenderField, string>>;
  amountLabel?: string;
  /** Set when the amount in the layby's currency is fixed elsewhere (the agreed deposit). */
  lockedAmountHint?: string;
  /** Next to the amount, in the layby's currency (the "whole balance" button). */
  amountAside?: ReactNode;
};

export function TenderFields(props: TenderFieldsProps) {
  const { id, value, onChange, laybyCurrency, defaultCents, errors } = props;
  const set = (patch: Partial<TenderValue>) => onChange({ ...value, ...patch });
  const other = value.currency !== laybyCurrency;
  const locked = !other && props.lockedAmountHint !== undefined;
  const referenceLabel = REFERENCE_LABELS[value.method];
  const switchCurrency = (currency: Currency) => {
    if (currency === value.currency) return;
    // The amount in one currency means nothing in the other: start the box afresh.
    set({ currency, amount: currency === laybyCurrency ? centsToInput(defaultCents) : '' });
  };
  return (
    <div className="tender">
      <div className="tender-row">
        <ChoiceGroup
          name={`${id}-currency`}
          legend="Currency"
          value={value.currency}
          choices={CURRENCIES.map((c) => ({
            value: c,
            label: c === 'USD' ? 'US$' : 'ZiG',
            hint: c === laybyCurrency ? 'layby currency' : 'at today’s rate',
          }))}
          onValue={switchCurrency}
          testId={`${id}-currency`}
          error={errors.currency}
        />
        <TextField
          id={`${id}-amount`}
          label={`${props.amountLabel ?? 'Amount'} in ${CURRENCY_NAMES[value.currency]}`}
          value={value.amount}
          onValue={(amount) => set({ amount })}
          readOnly={locked}
          testId={`${id}-amount`}
          error={errors.amount}
          className="money-input"
          inputMode="decimal"
          autoComplete="off"
          autoFocus={!locked}
          onFocus={(event) => event.target.select()}
        />
        {props.amountAside && !other ? (
          <div className="tender-aside">{props.amountAside}</div>
        ) : null}
      </div>
      {other ? (
        <p className="tender-note" data-testid={`${id}-conversion-note`}>
          The till converts {CURRENCY_NAMES[value.currency]} to {CURRENCY_NAMES[laybyCurrency]} at
          head office’s rate of the day.
        </p>
      ) : locked && props.lockedAmountHint ? (
        <p className="tender-note">{props.lockedAmountHint}</p>
      ) : null}
      <ChoiceGroup
        name={`${id}-method`}
        legend="How the customer pays"
        value={value.method}
        choices={TENDER_METHODS.map((m) => ({ value: m, ...METHOD_CHOICES[m] }))}
        onValue={(method) => set({ method })}
        testId={`${id}-method`}
        error={errors.method}
      />
      {referenceLabel !== null ? (
        <TextField
          id={`${id}-reference`}
          label={`${referenceLabel} (required)`}
          value={value.reference}
          onValue={(reference) => set({ reference })}
          testId={`${id}-reference`}
          error={errors.reference}
          autoComplete="off"
          spellCheck={false}
          maxLength={80}
        />
      ) : null}
    </div>
  );
}
