import type { InputHTMLAttributes, Ref } from 'react';

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'onChange' | 'aria-invalid' | 'aria-describedby'
>;

export type TextFieldProps = InputProps & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  testId: string;
  error?: string | undefined;
  hint?: string;
  ref?: Ref<HTMLInputElement>;
};

// Label above, input, then the error in words right under it (never colour alone), tied
// to the input with aria-describedby so screen readers and getByLabel agree.
export function TextField(props: TextFieldProps) {
  const { id, label, value, onValue, testId, error, hint, className, ...input } = props;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        {...input}
        id={id}
        className={className ? `field-input ${className}` : 'field-input'}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
      />
      {error ? (
        <p className="field-error" id={errorId} data-testid={`${testId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
