import type { MouseEvent } from 'react';

export type PinKeypadProps = {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  disabled?: boolean;
};

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

// The keys never take focus: focus stays in the form, so a physical Enter still submits
// instead of pressing the last keypad key tapped again.
const keepFocus = (event: MouseEvent) => event.preventDefault();

type KeyProps = {
  label: string;
  testId: string;
  onPress: () => void;
  disabled: boolean;
  action?: boolean;
  ariaLabel?: string;
};

function Key({ label, testId, onPress, disabled, action = false, ariaLabel }: KeyProps) {
  return (
    <button
      type="button"
      className={action ? 'keypad-key keypad-key--action' : 'keypad-key'}
      tabIndex={-1}
      onMouseDown={keepFocus}
      onClick={onPress}
      disabled={disabled}
      aria-label={ariaLabel}
      data-testid={testId}
    >
      {label}
    </button>
  );
}

export function PinKeypad({ onDigit, onBackspace, onClear, disabled = false }: PinKeypadProps) {
  return (
    <div className="keypad" role="group" aria-label="Number keypad">
      {DIGITS.map((d) => (
        <Key
          key={d}
          label={d}
          testId={`keypad-${d}`}
          onPress={() => onDigit(d)}
          disabled={disabled}
        />
      ))}
      <Key
        label="Clear"
        testId="keypad-clear"
        onPress={onClear}
        disabled={disabled}
        action
        ariaLabel="Clear all digits"
      />
      <Key label="0" testId="keypad-0" onPress={() => onDigit('0')} disabled={disabled} />
      <Key
        label="⌫"
        testId="keypad-backspace"
        onPress={onBackspace}
        disabled={disabled}
        action
        ariaLabel="Delete last digit"
      />
    </div>
  );
}
