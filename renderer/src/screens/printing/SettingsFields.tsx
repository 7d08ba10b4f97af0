import type { ReactNode } from 'react';

// Form controls the printer settings need and the shared components do not have yet: a
// select, a pair of radio buttons, a checkbox. Same look and error wording as TextField.

export function SelectField<V extends string>(props: {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  labels: Record<V, string>;
  onValue: (value: V) => void;
  testId: string;
  error?: string | undefined;
}) {
  const { id, label, value, options, labels, onValue, testId, error } = props;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field-input"
        value={value}
        onChange={(event) => {
          const next = options.find((option) => option === event.target.value);
          if (next !== undefined) onValue(next);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CheckField(props: {
  id: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label className="check-field" htmlFor={props.id}>
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChecked(event.target.checked)}
        data-testid={props.testId}
      />
      <span>{props.children}</span>
    </label>
  );
}

export function WidthChoice(props: { value: 32 | 48; onValue: (value: 32 | 48) => void }) {
  return (
    <fieldset className="field width-choice">
      <legend className="field-label">Paper width</legend>
      {([48, 32] as const).map((width) => (
        <label key={width} className="check-field">
          <input
            type="radio"
            name="paper-width"
            checked={props.value === width}
            onChange={() => props.onValue(width)}
            data-testid={`printer-width-${width}`}
          />
          <span>
            {width === 48
              ? '80 mm paper (48 characters a line)'
              : '58 mm paper (32 characters a line)'}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
