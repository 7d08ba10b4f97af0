export type FormAlertProps = { message: string | null; testId: string; tone?: 'error' | 'warning' };

// role="alert" so the message is announced the moment it appears; the cashier's eyes are
// often on the keypad, not the form.
export function FormAlert({ message, testId, tone = 'error' }: FormAlertProps) {
  if (message === null) return null;
  return (
    <p className={`form-alert form-alert--${tone}`} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
