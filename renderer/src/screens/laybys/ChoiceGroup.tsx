import type { ReactNode } from 'react';

export type Choice<V extends string> = { value: V; label: ReactNode; hint?: string };

export type ChoiceGroupProps<V extends string> = {
  name: string;
  legend: string;
  value: V | null;
  choices: readonly Choice<V>[];
  onValue: (value: V) => void;
  testId: string;
  error?: string | undefined;
  /** One choice under another, for choices that carry a sentence. */
  stacked?: boolean;
};

// Big radio buttons: one tap on a touch till, arrow keys from the keyboard (native radios),
// and the choice stays readable as words, not only as a highlighted colour.
export function ChoiceGroup<V extends string>(props: ChoiceGroupProps<V>) {
  const { name, legend, value, choices, onValue, testId, error, stacked = false } = props;
  const errorId = `${name}-error`;
  return (
    <fieldset
      className={error ? 'choices choices--invalid' : 'choices'}
      data-testid={testId}
      aria-describedby={error ? errorId : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <div className={stacked ? 'choices-row choices-row--stacked' : 'choices-row'}>
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={choice.value === value ? 'choice choice--on' : 'choice'}
            data-testid={`${testId}-${choice.value}`}
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onValue(choice.value)}
            />
            <span className="choice-label">{choice.label}</span>
            {choice.hint ? <span className="choice-hint">{choice.hint}</span> : null}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId} data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
