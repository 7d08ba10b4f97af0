import { useEffect } from 'react';
import type { SessionInfo } from '../../../../shared/contract/till-api';
import { can } from '../../../../shared/domain/staff/permissions';
import { AccountPanel } from '../../components/customers/AccountPanel';
import { ActionsPanel } from '../../components/customers/ActionsPanel';
import { AlertBanner } from '../../components/customers/AlertBanner';
import { AuditTrail } from '../../components/customers/AuditTrail';
import { HistoryPanel } from '../../components/customers/HistoryPanel';
import { IdentityPanel } from '../../components/customers/IdentityPanel';
import { NotesPanel } from '../../components/customers/NotesPanel';
import { formatPhone } from '../../components/customers/format';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { useCustomerNav } from '../../state/customers-nav-store';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { CustomerLaybysPanel } from '../laybys/CustomerLaybysPanel';
import { TYPE_LABELS } from './customer-form-values';

export type CustomerProfileScreenProps = { id: string; session: SessionInfo; divisionName: string };

// The 360° profile. Alerts first and loud; then who, what they hold with this division, what
// they owe and bought, notes, and who changed what.
export function CustomerProfileScreen({ id, session, divisionName }: CustomerProfileScreenProps) {
  const { profile, error, load } = useCustomerProfile();
  const open = useCustomerNav((s) => s.open);
  useEffect(() => void load(id), [id, load]);
  const back = () => open({ screen: 'lookup' });
  const edit = () => open({ screen: 'edit', id });
  const { role, businessId } = session.staff;
  const mayEdit = can(role, 'customer.write');
  useShortcut({ code: 'Escape' }, back);
  useShortcut({ code: 'KeyE', ctrl: true }, edit, mayEdit);
  const current = profile?.customer.id === id || profile?.redirectedFrom === id ? profile : null;

  return (
    <div className="customers-screen" data-testid="screen-customer-profile">
      <header className="customers-header">
        <div>
          <h1 className="customers-title" data-testid="profile-name">
            {current?.customer.fullName ?? 'Loading…'}
          </h1>
          {current ? (
            <p className="profile-sub">
              <span className="mono" data-testid="profile-number">
                {current.customer.customerNumber}
              </span>{' '}
              · {TYPE_LABELS[current.customer.type]} ·{' '}
              <span className="mono">{formatPhone(current.customer.primaryPhone)}</span>
            </p>
          ) : null}
        </div>
        <div className="header-actions">
          {mayEdit ? (
            <button
              type="button"
              className="button button--primary"
              onClick={edit}
              data-testid="profile-edit"
              aria-keyshortcuts="Control+E"
            >
              Edit <kbd>Ctrl</kbd>+<kbd>E</kbd>
            </button>
          ) : null}
          <button
            type="button"
            className="button button--outline"
            onClick={back}
            data-testid="profile-back"
          >
            Back <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <FormAlert message={error} testId="profile-error" />
      {current?.redirectedFrom ? (
        <p className="form-alert form-alert--warning">That customer was merged into this one.</p>
      ) : null}
      {current ? (
        <>
          <AlertBanner profile={current} />
          <div className="profile-grid">
            <div className="profile-column">
              <AccountPanel
                profile={current}
                role={role}
                businessId={businessId}
                divisionName={divisionName}
              />
              <CustomerLaybysPanel profile={current} role={role} businessId={businessId} />
              <NotesPanel profile={current} role={role} />
              <ActionsPanel profile={current} role={role} />
            </div>
            <div className="profile-column">
              <IdentityPanel customer={current.customer} />
              <HistoryPanel profile={current} />
            </div>
          </div>
          <AuditTrail entries={current.audit} />
        </>
      ) : null}
    </div>
  );
}
