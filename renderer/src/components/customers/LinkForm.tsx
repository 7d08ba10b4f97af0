import { useState, type FormEvent } from 'react';
import type { CustomerView } from '../../../../shared/contract/till/customer-methods';
import { call } from '../../api/till-client';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { FormAlert } from '../FormAlert';
import { TextField } from '../TextField';

// Links the customer to a staff login and/or an employee record (ids from head office); a
// blank box removes the link. Each record may belong to one customer only.
export function LinkForm({ customer, onDone }: { customer: CustomerView; onDone: () => void }) {
  const act = useCustomerProfile((s) => s.act);
  const [userId, setUserId] = useState(customer.linkedUserId ?? '');
  const [employeeId, setEmployeeId] = useState(customer.linkedEmployeeId ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failure = await act(() =>
      call('customers:link', {
        id: customer.id,
        linkedUserId: userId.trim() || null,
        linkedEmployeeId: employeeId.trim() || null,
      }),
    );
    if (failure) setError(failure.message);
    else onDone();
  };
  return (
    <form
      className="reason-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="customer-link-form"
    >
      <TextField
        id="link-user"
        label="Staff user id"
        value={userId}
        onValue={setUserId}
        testId="link-user"
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="link-employee"
        label="Employee id"
        value={employeeId}
        onValue={setEmployeeId}
        testId="link-employee"
        autoComplete="off"
        spellCheck={false}
      />
      <FormAlert message={error} testId="link-error" />
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="link-confirm">
          Save links
        </button>
        <button type="button" className="button button--outline" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
