import { useEffect, useState, type FormEvent } from 'react';
import { tillApi } from '../../../../shared/contract/till-api';
import {
  PRINTER_TYPE_LABELS,
  PRINTER_TYPES,
  type PrinterSettings,
} from '../../../../shared/contract/till/printing-methods';
import { CHARACTER_SET_LABELS, CHARACTER_SETS } from '../../../../shared/domain/receipts/charsets';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { TextField } from '../../components/TextField';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../lib/form-errors';
import { useShortcut } from '../../lib/use-shortcut';
import { Notice, type NoticeState } from './Notice';
import { CheckField, SelectField, WidthChoice } from './SettingsFields';
import { usePrinting } from './printing-store';

type Field = 'type' | 'interface' | 'characterSet' | 'fallbackInterface';
const LABELS: Record<Field, string> = {
  type: 'Printer type',
  interface: 'Printer address',
  characterSet: 'Character set',
  fallbackInterface: 'Second printer address',
};

type Form = Omit<PrinterSettings, 'fallbackInterface'> & { fallbackInterface: string };

// A supervisor points this till at its printer, saves, and prints a test slip. The same
// contract schema the till core uses checks the form first.
export function PrinterSettingsScreen() {
  const open = usePrinting((s) => s.open);
  const refreshSummary = usePrinting((s) => s.refreshSummary);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const [testDrawer, setTestDrawer] = useState(false);
  const back = () => open('queue');
  useShortcut({ code: 'Escape' }, back);

  useEffect(() => {
    void call('printing:getSettings', {}).then((result) => {
      if (!result.ok) return setErrors({ form: result.error.message, fields: {} });
      setForm({
        ...result.value.settings,
        fallbackInterface: result.value.settings.fallbackInterface ?? '',
      });
      setSaved(result.value.configured);
    });
  }, []);

  if (form === null) {
    return (
      <div className="printing" data-testid="screen-printer-settings">
        <FormAlert message={errors.form} testId="printer-settings-error" />
      </div>
    );
  }

  const edit =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) => {
      setForm({ ...form, [key]: value });
      setSaved(false);
      setNotice(null);
    };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      ...form,
      fallbackInterface: form.fallbackInterface.trim() === '' ? null : form.fallbackInterface,
    };
    const parsed = tillApi['printing:setSettings'].input.safeParse(input);
    if (!parsed.success) return setErrors(errorsFromZod(parsed.error, LABELS));
    setBusy(true);
    const result = await call('printing:setSettings', parsed.data);
    setBusy(false);
    if (!result.ok) return setErrors(errorsFromApi(result.error, LABELS));
    setErrors(NO_ERRORS);
    setSaved(true);
    setNotice({ text: 'Saved. Print a test slip to check the printer.', tone: 'ok' });
    void refreshSummary();
  };

  const testPrint = async () => {
    setBusy(true);
    setNotice({ text: 'Printing a test slip…', tone: 'busy' });
    const result = await call('printing:testPrint', { openDrawer: testDrawer });
    setBusy(false);
    void refreshSummary();
    if (!result.ok) return setErrors({ form: result.error.message, fields: {} });
    setErrors(NO_ERRORS);
    setNotice(
      result.value.status === 'PRINTED'
        ? { text: 'The test slip printed.', tone: 'ok' }
        : {
            text: `The test slip is waiting in the queue: ${result.value.lastError ?? 'the printer has not answered yet'}`,
            tone: 'warn',
          },
    );
  };

  return (
    <div className="printing" data-testid="screen-printer-settings">
      <header className="printing-header">
        <button
          type="button"
          className="button button--outline"
          onClick={back}
          data-testid="settings-back"
        >
          ← Printer queue
        </button>
        <div className="printing-heading">
          <h1 className="printing-title">Printer settings</h1>
          <p className="printing-sub">For this till only. Changes apply to the next slip.</p>
        </div>
      </header>
      <div className="printing-body printing-body--form">
        <form className="panel-form settings-form" onSubmit={(e) => void save(e)} noValidate>
          <div className="settings-column">
            <SelectField
              id="printer-type"
              label={LABELS.type}
              value={form.type}
              options={PRINTER_TYPES}
              labels={PRINTER_TYPE_LABELS}
              onValue={edit('type')}
              testId="printer-type"
              error={errors.fields.type}
            />
            <TextField
              id="printer-interface"
              label={LABELS.interface}
              hint="tcp://192.168.1.50:9100 for a network printer, or printer:NAME for one this computer knows"
              value={form.interface}
              onValue={edit('interface')}
              error={errors.fields.interface}
              testId="printer-interface"
              spellCheck={false}
              autoComplete="off"
            />
            <TextField
              id="printer-fallback"
              label={LABELS.fallbackInterface}
              hint="Optional: where to send slips when this printer is down"
              value={form.fallbackInterface}
              onValue={edit('fallbackInterface')}
              error={errors.fields.fallbackInterface}
              testId="printer-fallback"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <div className="settings-column">
            <WidthChoice value={form.paperWidth} onValue={edit('paperWidth')} />
            <SelectField
              id="printer-charset"
              label={LABELS.characterSet}
              value={form.characterSet}
              options={CHARACTER_SETS}
              labels={CHARACTER_SET_LABELS}
              onValue={edit('characterSet')}
              testId="printer-charset"
              error={errors.fields.characterSet}
            />
            <CheckField
              id="printer-drawer"
              checked={form.cashDrawer}
              onChecked={edit('cashDrawer')}
              testId="printer-drawer"
            >
              Open the cash drawer when a slip records cash
            </CheckField>
            <CheckField
              id="printer-status"
              checked={form.statusChecks}
              onChecked={edit('statusChecks')}
              testId="printer-status-checks"
            >
              Ask the printer for paper and cover status before and after each slip (turn off only
              for a printer that never answers)
            </CheckField>
          </div>
          <div className="settings-wide">
            <FormAlert message={errors.form} testId="printer-settings-error" />
            <Notice notice={notice} testId="printer-settings-notice" />
          </div>
          <div className="settings-actions settings-wide">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="printer-save"
            >
              Save settings
            </button>
            <button
              type="button"
              className="button button--outline"
              disabled={busy || !saved}
              title={saved ? undefined : 'Save the settings first'}
              onClick={() => void testPrint()}
              data-testid="printer-test-print"
            >
              Test print
            </button>
            <CheckField
              id="printer-test-drawer"
              checked={testDrawer}
              onChecked={setTestDrawer}
              testId="printer-test-drawer"
            >
              Open the drawer too
            </CheckField>
          </div>
        </form>
      </div>
    </div>
  );
}
