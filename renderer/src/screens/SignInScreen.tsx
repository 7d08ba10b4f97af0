import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { tillApi, type TillStatus } from '../../../shared/contract/till-api';
import { FormAlert } from '../components/FormAlert';
import { PinKeypad } from '../components/PinKeypad';
import { TextField } from '../components/TextField';
import { TillIdentity } from '../components/TillIdentity';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../lib/form-errors';
import { useSessionStore } from '../state/session-store';

type Field = 'username' | 'pin';
const LABELS: Record<Field, string> = { username: 'Username', pin: 'PIN' };
const PIN_MAX = 8;
const digitsOnly = (value: string) => value.replace(/\D/g, '').slice(0, PIN_MAX);

export type SignInScreenProps = { status: TillStatus };

export function SignInScreen({ status }: SignInScreenProps) {
  const signIn = useSessionStore((s) => s.signIn);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [lockedOut, setLockedOut] = useState(false);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  // Functional update: two quick keypad taps inside one frame must both count.
  const editPin = (next: (current: string) => string) => {
    setPin((current) => digitsOnly(next(current)));
    setErrors((e) => ({ ...e, fields: { ...e.fields, pin: undefined } }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = tillApi['session:signIn'].input.safeParse({ username, pin });
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error, LABELS));
      return;
    }
    setBusy(true);
    const error = await signIn(parsed.data.username, parsed.data.pin);
    setBusy(false);
    if (error === null) return;
    // The server's words, whatever they are: it alone decides how much to reveal about
    // which part was wrong. A PIN once tried is never left in the field.
    setPin('');
    setLockedOut(error.code === 'LOCKED_OUT');
    setErrors(
      error.code === 'INVALID_INPUT'
        ? errorsFromApi(error, LABELS)
        : { form: error.message, fields: {} },
    );
    pinRef.current?.focus();
  };

  // Escape clears the PIN; a second Escape clears the username too, for the next cashier.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setErrors(NO_ERRORS);
    if (pin !== '') {
      setPin('');
      pinRef.current?.focus();
    } else {
      setUsername('');
      usernameRef.current?.focus();
    }
  };

  return (
    <div className="split split--signin" data-testid="screen-signin">
      <section className="split-side">
        <TillIdentity status={status} />
        <p className="split-note">Sign in with your username and PIN.</p>
      </section>
      <section className="split-main">
        <form
          className="signin-form"
          onSubmit={(e) => void submit(e)}
          onKeyDown={onKeyDown}
          noValidate
          aria-labelledby="signin-heading"
        >
          <h2 id="signin-heading" className="form-title signin-title">
            Sign in
          </h2>
          <div className="signin-fields">
            <TextField
              ref={usernameRef}
              id="signin-username"
              label={LABELS.username}
              value={username}
              onValue={(v) => setUsername(v)}
              error={errors.fields.username}
              testId="signin-username"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
            />
            <TextField
              ref={pinRef}
              id="signin-pin"
              label={LABELS.pin}
              value={pin}
              onValue={(v) => editPin(() => v)}
              error={errors.fields.pin}
              testId="signin-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={PIN_MAX}
              className="field-input--pin"
            />
            <FormAlert
              message={errors.form}
              testId="signin-error"
              tone={lockedOut ? 'warning' : 'error'}
            />
            <button
              type="submit"
              className="button button--primary button--block"
              disabled={busy}
              data-testid="signin-submit"
            >
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
            <p className="key-hints">
              <kbd>Enter</kbd> signs in · <kbd>Esc</kbd> clears
            </p>
          </div>
          {/* Beside the fields, never below them: a message appearing must not move the
              keys under a cashier's finger. */}
          <PinKeypad
            onDigit={(d) => editPin((p) => p + d)}
            onBackspace={() => editPin((p) => p.slice(0, -1))}
            onClear={() => editPin(() => '')}
            disabled={busy}
          />
        </form>
      </section>
    </div>
  );
}
