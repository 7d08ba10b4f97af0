import { useState } from 'react';
import type { CustomerProfile } from '../../../../shared/contract/till/customer-methods';
import { can } from '../../../../shared/domain/staff/permissions';
import type { StaffRole } from '../../../../shared/domain/enums';
import { call } from '../../api/till-client';
import { useCustomerProfile } from '../../state/customers-profile-store';
import { FormAlert } from '../FormAlert';
import { formatCents } from './format';
import { AccountStatusForm } from './AccountStatusForm';

type Props = {
  profile: CustomerProfile;
  role: StaffRole;
  businessId: string | null;
  divisionName: string;
};

// This division's account in full, with what a cashier may do to it; other divisions' totals.
export function AccountPanel({ profile, role, businessId, divisionName }: Props) {
  const act = useCustomerProfile((s) => s.act);
  const [changing, setChanging] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = profile.accounts.find((a) => a.detail === 'full' && a.businessId === businessId);
  const others = profile.accounts.filter((a) => a !== own);

  const openAccount = async () => {
    const failure = await act(() => call('accounts:open', { customerId: profile.customer.id }));
    setError(failure?.message ?? null);
  };

  return (
    <section className="panel" aria-labelledby="accounts-heading" data-testid="customer-accounts">
      <h2 id="accounts-heading" className="panel-title">
        {divisionName} account
      </h2>
      {own && own.detail === 'full' ? (
        <>
          <p className="account-line">
            <span className="mono big" data-testid="account-number">
              {own.divisionCustomerNumber}
            </span>
            <span
              className={`badge badge--status-${own.status.toLowerCase()}`}
              data-testid="account-status"
            >
              {own.status.replace('_', ' ')}
            </span>
          </p>
          <dl className="facts facts--tight">
            <div className="fact">
              <dt>Owes</dt>
              <dd>{formatCents(own.currentBalanceCents, own.currency)}</dd>
            </div>
            <div className="fact">
              <dt>Credit limit</dt>
              <dd>{formatCents(own.creditLimitCents, own.currency)}</dd>
            </div>
            <div className="fact">
              <dt>Spent to date</dt>
              <dd>{formatCents(own.totalSpentCents, own.currency)}</dd>
            </div>
            <div className="fact">
              <dt>Loyalty</dt>
              <dd>
                {own.loyaltyPoints} points{own.loyaltyTier ? ` · ${own.loyaltyTier}` : ''}
              </dd>
            </div>
            <div className="fact">
              <dt>Laybys · credit</dt>
              <dd>
                {own.allowLayby ? 'laybys allowed' : 'no laybys'} ·{' '}
                {own.allowCredit ? `credit, ${own.paymentTermsDays} days` : 'cash only'}
              </dd>
            </div>
            {own.inactivationReason ? (
              <div className="fact">
                <dt>Why {own.status.toLowerCase()}</dt>
                <dd>{own.inactivationReason}</dd>
              </div>
            ) : null}
          </dl>
          {profile.blocks.layby.length > 0 ? (
            <p className="form-alert form-alert--warning" data-testid="account-blocks">
              No new laybys: {profile.blocks.layby.join('; ')}
            </p>
          ) : null}
          {can(role, 'account.status') && !changing ? (
            <button
              type="button"
              className="button button--outline"
              onClick={() => setChanging(true)}
              data-testid="account-change-status"
            >
              Change status
            </button>
          ) : null}
          {changing ? (
            <AccountStatusForm
              accountId={own.id}
              current={own.status}
              onDone={() => setChanging(false)}
            />
          ) : null}
        </>
      ) : (
        <div className="blank-state blank-state--inline">
          <p>No {divisionName} account yet.</p>
          {can(role, 'customer.write') && profile.customer.isActive ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void openAccount()}
              data-testid="account-open"
            >
              Open {divisionName} account
            </button>
          ) : null}
        </div>
      )}
      <FormAlert message={error} testId="account-error" />
      {others.length > 0 ? (
        <div className="other-accounts">
          <h3 className="panel-subtitle">Other divisions</h3>
          <ul className="plain-list" data-testid="other-accounts">
            {others.map((a) => (
              <li key={a.id}>
                <strong>{a.division.name}</strong>{' '}
                <span className="mono">{a.divisionCustomerNumber}</span> · {a.status.toLowerCase()}{' '}
                · owes {formatCents(a.currentBalanceCents, a.currency)} · spent{' '}
                {formatCents(a.totalSpentCents, a.currency)} · {a.loyaltyPoints} pts
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
