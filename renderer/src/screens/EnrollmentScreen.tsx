import { useState, type FormEvent } from 'react';
import { tillApi } from '../../../shared/contract/till-api';
import { call } from '../api/till-client';
import { TextField } from '../components/TextField';
import { FormAlert } from '../components/FormAlert';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../lib/form-errors';
import { useTillStore } from '../state/till-store';

type Field = 'serverUrl' | 'code' | 'tillName';
const LABELS: Record<Field, string> = {
  serverUrl: 'Server address',
  code: 'Enrollment code',
  tillName: 'Till name',
};

// First start: ties this till to head office. The same contract schema the till core uses
// checks the form first, so a typo is caught even when the service is down.
export function EnrollmentScreen() {
  const setStatus = useTillStore((s) => s.setStatus);
  const [values, setValues] = useState<Record<Field, string>>({
    serverUrl: '',
    code: '',
    tillName: '',
  });
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const edit = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = tillApi['till:enroll'].input.safeParse(values);
    if (!parsed.success) {
      setErrors(errorsFromZod(parsed.error, LABELS));
      return;
    }
    setErrors(NO_ERRORS);
    setBusy(true);
    const result = await call('till:enroll', parsed.data);
    setBusy(false);
    if (result.ok) setStatus(result.value);
    else setErrors(errorsFromApi(result.error, LABELS));
  };

  return (
    <div className="split" data-testid="screen-enrollment">
      <section className="split-side">
        <p className="eyebrow">Unitill · new till</p>
        <h1 className="split-title">Set up this till</h1>
        <ol className="steps">
          <li>Ask head office for an enrollment code for this till.</li>
          <li>Enter the head-office server address and the code.</li>
          <li>Give the till a name staff will recognise, such as “Front counter 1”.</li>
        </ol>
      </section>
      <section className="split-main">
        <form
          className="panel-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-labelledby="enroll-heading"
        >
          <h2 id="enroll-heading" className="form-title">
            Enroll till
          </h2>
          <TextField
            id="enroll-server-url"
            label={LABELS.serverUrl}
            value={values.serverUrl}
            onValue={edit('serverUrl')}
            error={errors.fields.serverUrl}
            testId="enroll-server-url"
            type="url"
            inputMode="url"
            placeholder="http://head-office:4300"
            autoComplete="off"
            spellCheck={false}
            autoFocus
          />
          <TextField
            id="enroll-code"
            label={LABELS.code}
            value={values.code}
            // Codes are read aloud over the phone; accept lower case and fix it here.
            onValue={(v) => edit('code')(v.toUpperCase())}
            error={errors.fields.code}
            testId="enroll-code"
            placeholder="ABCD-1234"
            maxLength={9}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="field-input--code"
          />
          <TextField
            id="enroll-till-name"
            label={LABELS.tillName}
            value={values.tillName}
            onValue={edit('tillName')}
            error={errors.fields.tillName}
            testId="enroll-till-name"
            placeholder="Front counter 1"
            maxLength={60}
            autoComplete="off"
          />
          <FormAlert message={errors.form} testId="enroll-error" />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={busy}
            data-testid="enroll-submit"
          >
            {busy ? 'Enrolling…' : 'Enroll till'}
          </button>
        </form>
      </section>
    </div>
  );
}
