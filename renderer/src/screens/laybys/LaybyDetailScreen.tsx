import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/contract/till-api';
import { can } from '../../../../shared/domain/staff/permissions';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { useCustomerNav } from '../../state/customers-nav-store';
import { useLaybyDetail } from '../../state/laybys-detail-store';
import { useLaybyNav } from '../../state/laybys-nav-store';
import { CancelDialog } from './CancelDialog';
import { FREQUENCY_LABELS, statusClass, statusLabel } from './labels';
import { LaybyBanner } from './LaybyBanner';
import { formatCents, formatDay, formatInstant } from './layby-format';
import { FeesList, ItemsTable, PaymentsTable, ScheduleTable, Totals } from './LaybyTables';
import { PaymentDialog } from './PaymentDialog';
import { ReleaseDialog } from './ReleaseDialog';
import { StatusChangeDialog } from './StatusChangeDialog';
import { LaybySlips } from './LaybySlips';
import { useTillStore } from '../../state/till-store';
import { SupervisorActions, type Open } from './SupervisorActions';

// One layby: where it stands, its money, and what may be done to it now. F8 takes a
// payment, F9 releases paid-up goods, Esc goes back; supervisors hold, resume and cancel.
export function LaybyDetailScreen({ id, session }: { id: string; session: SessionInfo }) {
  const { detail, error, load } = useLaybyDetail();
  const back = useLaybyNav((s) => s.back);
  const closeLaybys = useLaybyNav((s) => s.close);
  const openCustomer = useCustomerNav((s) => s.open);
  const [open, setOpen] = useState<Open>(null);
  // Reload after every sync round too: head office's confirmations ("waiting to sync" goes),
  // late fees and payments taken at other tills arrive that way.
  const lastSyncAt = useTillStore((s) => s.status?.lastSyncAt ?? null);
  useEffect(() => void load(id), [id, load, lastSyncAt]);
  const layby = detail?.id === id ? detail : null;
  const { role } = session.staff;

  const mayPay = layby?.status === 'ACTIVE' && can(role, 'layby.take');
  const releasable = layby?.status === 'COMPLETED' && !layby.itemsReleased;
  const mayRelease = releasable && (layby.releaseBy === 'CASHIER' || can(role, 'layby.supervise'));

  const idle = open === null;
  useShortcut({ code: 'Escape' }, back, idle);
  useShortcut({ code: 'F8' }, () => setOpen('pay'), idle && mayPay);
  useShortcut({ code: 'F9' }, () => setOpen('release'), idle && mayRelease);
  const toCustomer = () => {
    if (!layby) return;
    closeLaybys();
    openCustomer({ screen: 'profile', id: layby.customerId });
  };

  return (
    <div className="laybys-screen" data-testid="screen-layby-detail">
      <header className="customers-header">
        <div>
          <h1 className="customers-title layby-title">
            <span className="mono" data-testid="layby-number">
              {layby?.laybyNumber ?? 'Loading…'}
            </span>
            {layby ? (
              <span
                className={`badge badge--layby-${statusClass(layby)}`}
                data-testid="layby-status"
              >
                {statusLabel(layby)}
              </span>
            ) : null}
          </h1>
          {layby ? (
            <p className="profile-sub">
              <button
                type="button"
                className="link-button"
                onClick={toCustomer}
                data-testid="layby-customer"
              >
                {layby.customerName}
              </button>{' '}
              · <span className="mono">{layby.customerNumber}</span> · opened{' '}
              {formatInstant(layby.createdAt)}
            </p>
          ) : null}
        </div>
        <div className="header-actions">
          {mayPay ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setOpen('pay')}
              data-testid="layby-pay"
              aria-keyshortcuts="F8"
            >
              Take payment <kbd>F8</kbd>
            </button>
          ) : null}
          {releasable ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setOpen('release')}
              disabled={!mayRelease}
              data-testid="layby-release"
              aria-keyshortcuts="F9"
              title={mayRelease ? undefined : 'A supervisor must release these goods'}
            >
              Release goods <kbd>F9</kbd>
            </button>
          ) : null}
          <button
            type="button"
            className="button button--outline"
            onClick={back}
            data-testid="layby-back"
          >
            Back <kbd>Esc</kbd>
          </button>
        </div>
      </header>
      <FormAlert message={error} testId="layby-error" />
      {layby ? (
        <>
          <LaybyBanner layby={layby} mayRelease={mayRelease} />
          <Totals layby={layby} />
          <div className="layby-grid">
            <div className="profile-column">
              <section className="panel" aria-labelledby="schedule-heading">
                <div className="panel-head">
                  <h2 id="schedule-heading" className="panel-title">
                    Payment plan
                  </h2>
                  <span className="muted">
                    {layby.installmentFrequency ? FREQUENCY_LABELS[layby.installmentFrequency] : ''}
                    {layby.completionDueDate
                      ? ` · paid up by ${formatDay(layby.completionDueDate)}`
                      : ''}
                  </span>
                </div>
                <p className="plan-line">
                  Deposit {formatCents(layby.depositAmountCents, layby.currency)}
                  {layby.status === 'ACTIVE' ? (
                    <>
                      {' '}
                      · next{' '}
                      <strong data-testid="layby-minimum">
                        {formatCents(layby.minimumPaymentCents, layby.currency)}
                      </strong>{' '}
                      {layby.overdue ? 'was due' : 'due'}{' '}
                      <strong className={layby.overdue ? 'overdue' : undefined}>
                        {formatDay(layby.nextDueDate)}
                      </strong>
                    </>
                  ) : null}
                </p>
                <ScheduleTable layby={layby} />
              </section>
              <section className="panel" aria-labelledby="payments-heading">
                <h2 id="payments-heading" className="panel-title">
                  Payments
                </h2>
                <PaymentsTable layby={layby} />
              </section>
            </div>
            <div className="profile-column">
              <section className="panel" aria-labelledby="items-heading">
                <h2 id="items-heading" className="panel-title">
                  Items on layby
                </h2>
                <ItemsTable layby={layby} />
              </section>
              <section className="panel" aria-labelledby="fees-heading">
                <h2 id="fees-heading" className="panel-title">
                  Fees
                </h2>
                <FeesList layby={layby} />
              </section>
              {layby.notes ? (
                <section className="panel" aria-labelledby="notes-heading">
                  <h2 id="notes-heading" className="panel-title">
                    Notes
                  </h2>
                  <p>{layby.notes}</p>
                </section>
              ) : null}
              <LaybySlips
                laybyNumber={layby.laybyNumber}
                version={`${layby.totalPaidCents}:${layby.status}:${String(layby.itemsReleased)}`}
              />
              <SupervisorActions layby={layby} role={role} onOpen={setOpen} />
            </div>
          </div>
        </>
      ) : null}
      {layby && open === 'pay' ? (
        <PaymentDialog layby={layby} role={role} onClose={() => setOpen(null)} />
      ) : null}
      {layby && open === 'release' ? (
        <ReleaseDialog layby={layby} onClose={() => setOpen(null)} />
      ) : null}
      {layby && open === 'cancel' ? (
        <CancelDialog layby={layby} onClose={() => setOpen(null)} />
      ) : null}
      {layby && (open === 'hold' || open === 'resume') ? (
        <StatusChangeDialog layby={layby} change={open} onClose={() => setOpen(null)} />
      ) : null}
    </div>
  );
}
