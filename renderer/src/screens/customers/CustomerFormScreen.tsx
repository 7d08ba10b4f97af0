import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import type { Result } from '../../../../shared/contract/result';
import type { CustomerView } from '../../../../shared/contract/till/customer-methods';
import { tillApi } from '../../../../shared/contract/till-api';
import { call } from '../../api/till-client';
import { CustomerFields } from '../../components/customers/CustomerFields';
import { DuplicateWarning } from '../../components/customers/DuplicateWarning';
import { FormAlert } from '../../components/FormAlert';
import { errorsFromApi, errorsFromZod, NO_ERRORS, type FormErrors } from '../../lib/form-errors';
import { useShortcut } from '../../lib/use-shortcut';
import { useCustomerNav } from '../../state/customers-nav-store';
import { toast } from '../../state/toast-store';
import { LABELS, toInput, type FormField, type FormValues } from './customer-form-values';
import { focusFirst, fixList } from './form-errors-focus';
import { useDuplicateCheck } from './use-duplicate-check';

export type CustomerFormScreenProps = {
  initial: FormValues;
  /** The customer being edited; null registers a new one. */
  editing: CustomerView | null;
  divisionName: string;
};

// Register or edit a customer: every field of the plan, checked by the contract's own schema
// first (each bad field says what is wrong under it), then by the till.
export function CustomerFormScreen({ initial, editing, divisionName }: CustomerFormScreenProps) {
  const open = useCustomerNav((s) => s.open);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<FormField>>(NO_ERRORS);
  const [openAccount, setOpenAccount] = useState(true);
  const [busy, setBusy] = useState(false);
  const matches = useDuplicateCheck(values, editing?.id ?? null);
  const back = () => open(editing ? { screen: 'profile', id: editing.id } : { screen: 'lookup' });
  useShortcut({ code: 'Escape' }, back);

  // The contract's own schema checks the form first: every bad field at once, no round trip.
  const save = async (): Promise<Result<CustomerView> | z.ZodError> => {
    if (editing) {
      const parsed = tillApi['customers:update'].input.safeParse({
        ...toInput(values, initial),
        id: editing.id,
      });
      return parsed.success ? call('customers:update', parsed.data) : parsed.error;
    }
    const parsed = tillApi['customers:create'].input.safeParse(toInput(values, null));
    if (!parsed.success) return parsed.error;
    const created = await call('customers:create', parsed.data);
    if (created.ok && openAccount) {
      const account = await call('accounts:open', { customerId: created.value.id });
      if (!account.ok)
        toast.error(
          `Customer registered, but the ${divisionName} account was not opened: ${account.error.message}`,
        );
    }
    return created;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await save();
    setBusy(false);
    if (!(result instanceof z.ZodError) && result.ok) {
      open({ screen: 'profile', id: result.value.id });
      return;
    }
    const failed =
      result instanceof z.ZodError
        ? errorsFromZod(result, LABELS)
        : errorsFromApi(result.error, LABELS);
    setErrors(failed);
    focusFirst(failed);
  };

  return (
    <div className="customers-screen" data-testid="screen-customer-form">
      <header className="customers-header">
        <h1 className="customers-title">{editing ? `Edit ${editing.fullName}` : 'New customer'}</h1>
        <button
          type="button"
          className="button button--outline"
          onClick={back}
          data-testid="customer-form-back"
        >
          Cancel <kbd>Esc</kbd>
        </button>
      </header>
      <div className="form-layout">
        <form
          className="customer-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Customer details"
        >
          <CustomerFields
            values={values}
            setValues={setValues}
            errors={errors}
            editing={editing !== null}
          />
          {editing ? null : (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={openAccount}
                onChange={(e) => setOpenAccount(e.target.checked)}
                data-testid="customer-open-account"
              />
              Open a {divisionName} account too
            </label>
          )}
          <FormAlert message={errors.form ?? fixList(errors)} testId="customer-form-error" />
          <button
            type="submit"
            className="button button--primary button--block"
            disabled={busy}
            data-testid="customer-save"
          >
            {busy ? 'Saving…' : editing ? 'Save changes' : 'Register customer'}
          </button>
        </form>
        <aside className="form-aside">
          <DuplicateWarning matches={matches} onUse={(id) => open({ screen: 'profile', id })} />
        </aside>
      </div>
    </div>
  );
}
