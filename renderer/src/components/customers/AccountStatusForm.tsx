import { useState } from 'react';
import {
  CUSTOMER_ACCOUNT_STATUSES,
  type CustomerAccountStatus,
} from '../../../../shared/domain/enums';
import { call } from '../../api/till-client';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { ReasonForm } from './ReasonForm';
import { SelectField } from './SelectField';

const STATUS_OPTIONS = CUSTOMER_ACCOUNT_STATUSES.map((value) => ({
  value,
  label: value.replace('_', ' ').toLowerCase(),
}));

// Moves the division account to another status; the reason goes into the audit trail.
export function AccountStatusForm({
  accountId,
  current,
  onDone,
}: {
  accountId: string;
  current: CustomerAccountStatus;
  onDone: () => void;
}) {
  const act = useCustomerProfile((s) => s.act);
  const [status, setStatus] = useState<CustomerAccountStatus>(
    current === 'ACTIVE' ? 'SUSPENDED' : 'ACTIVE',
  );
  return (
    <ReasonForm
      id="account-status"
      label="Why?"
      confirm="Change status"
      onCancel={onDone}
      onSubmit={async (reason) => {
        const failure = await act(() => call('accounts:setStatus', { accountId, status, reason }));
        if (!failure) onDone();
        return failure;
      }}
    >
      <SelectField
        id="account-status-new"
        label="New status"
        value={status}
        options={STATUS_OPTIONS}
        onValue={setStatus}
        testId="account-status-new"
      />
    </ReasonForm>
  );
}
