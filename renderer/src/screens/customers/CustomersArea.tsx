import { useEffect } from 'react';
import type { SessionInfo, TillStatus } from '../../../../shared/contract/till-api';
import { useCustomerNav } from '../../state/customers-nav-store';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { CustomerFormScreen } from './CustomerFormScreen';
import { CustomerLookupScreen } from './CustomerLookupScreen';
import { CustomerProfileScreen } from './CustomerProfileScreen';
import { emptyForm, fromCustomer, prefillFrom } from './customer-form-values';

export type CustomersAreaProps = { status: TillStatus; session: SessionInfo };

// Customers, in place of the home screen while it is open (see customers-nav-store).
export function CustomersArea({ status, session }: CustomersAreaProps) {
  const current = useCustomerNav((s) => s.current);
  const { profile, load } = useCustomerProfile();
  const divisionName = status.division?.name ?? 'this division';
  const editId = current?.screen === 'edit' ? current.id : null;
  useEffect(() => {
    if (editId) void load(editId);
  }, [editId, load]);

  switch (current?.screen) {
    case 'create':
      return (
        <CustomerFormScreen
          key="create"
          initial={current.prefill ? prefillFrom(current.prefill) : emptyForm()}
          editing={null}
          divisionName={divisionName}
        />
      );
    case 'edit':
      return profile?.customer.id === current.id ? (
        <CustomerFormScreen
          key={`edit-${current.id}`}
          initial={fromCustomer(profile.customer)}
          editing={profile.customer}
          divisionName={divisionName}
        />
      ) : null;
    case 'profile':
      return (
        <CustomerProfileScreen id={current.id} session={session} divisionName={divisionName} />
      );
    default:
      return <CustomerLookupScreen />;
  }
}
