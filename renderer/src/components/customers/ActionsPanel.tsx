import { useState } from 'react';
import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import type { ApiError, Result } from '../../../../shared/contract/result';
import type { StaffRole } from '../../../../shared/domain/enums';
import { can } from '../../../../shared/domain/staff/permissions';
import { call } from '../../api/till-client';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { LinkForm } from './LinkForm';
import { ReasonForm } from './ReasonForm';

type Action = 'deactivate' | 'reactivate' | 'blacklist' | 'unblacklist' | 'link';

// Supervisor actions on the identity. Shown only to roles that may take them; the till core
// refuses them for everyone else anyway.
export function ActionsPanel({ profile, role }: { profile: CustomerProfile; role: StaffRole }) {
  const act = useCustomerProfile((s) => s.act);
  const [action, setAction] = useState<Action | null>(null);
  const { customer } = profile;
  const id = customer.id;
  const run = async (operation: () => Promise<Result<unknown>>) => {
    const failure = await act(operation);
    if (!failure) setAction(null);
    return failure;
  };
  const available: { action: Action; label: string; show: boolean }[] = [
    {
      action: 'deactivate',
      label: 'Deactivate',
      show: can(role, 'customer.delete') && customer.isActive,
    },
    {
      action: 'reactivate',
      label: 'Reactivate',
      show: can(role, 'customer.delete') && !customer.isActive,
    },
    {
      action: 'blacklist',
      label: 'Blacklist',
      show: can(role, 'customer.blacklist') && !customer.isBlacklisted,
    },
    {
      action: 'unblacklist',
      label: 'Lift blacklist',
      show: can(role, 'customer.blacklist') && customer.isBlacklisted,
    },
    { action: 'link', label: 'Link staff record', show: can(role, 'customer.link') },
  ];
  const shown = available.filter((a) => a.show);
  if (shown.length === 0) return null;

  const reason = (
    label: string,
    confirm: string,
    submit: (reason: string) => Promise<ApiError | null>,
  ) => (
    <ReasonForm
      id={`customer-${action}`}
      label={label}
      confirm={confirm}
      onCancel={() => setAction(null)}
      onSubmit={submit}
    />
  );

  return (
    <section className="panel" aria-labelledby="actions-heading" data-testid="customer-actions">
      <h2 id="actions-heading" className="panel-title">
        Supervisor actions
      </h2>
      {action === null ? (
        <div className="button-row">
          {shown.map((a) => (
            <button
              key={a.action}
              type="button"
              className="button button--outline"
              onClick={() => setAction(a.action)}
              data-testid={`customer-action-${a.action}`}
            >
              {a.label}
            </button>
          ))}
        </div>
      ) : null}
      {action === 'deactivate'
        ? reason('Why deactivate?', 'Deactivate', (r) =>
            run(() => call('customers:deactivate', { id, reason: r })),
          )
        : null}
      {action === 'reactivate'
        ? reason('Why reactivate?', 'Reactivate', (r) =>
            run(() => call('customers:reactivate', { id, reason: r })),
          )
        : null}
      {action === 'blacklist'
        ? reason('Why blacklist? Every till will see this.', 'Blacklist', (r) =>
            run(() => call('customers:setBlacklist', { id, isBlacklisted: true, reason: r })),
          )
        : null}
      {action === 'unblacklist'
        ? reason('Why lift the blacklist?', 'Lift blacklist', (r) =>
            run(() => call('customers:setBlacklist', { id, isBlacklisted: false, reason: r })),
          )
        : null}
      {action === 'link' ? <LinkForm customer={customer} onDone={() => setAction(null)} /> : null}
    </section>
  );
}
