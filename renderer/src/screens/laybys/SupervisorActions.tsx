import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import type { StaffRole } from '../../../../shared/domain/enums';
import { can } from '../../../../shared/domain/staff/permissions';

export type Open = 'pay' | 'release' | 'cancel' | 'hold' | 'resume' | null;

// Hold, resume and cancel: shown to the roles that may take them (the till core refuses
// everyone else anyway); a cashier reads who can.
export function SupervisorActions(props: {
  layby: LaybyDetail;
  role: StaffRole;
  onOpen: (open: Open) => void;
}) {
  const { layby, role, onOpen } = props;
  const { status } = layby;
  const mayCancel =
    ['ACTIVE', 'ON_HOLD', 'DEFAULTED'].includes(status) && can(role, 'layby.cancel');
  const mayHold = status === 'ACTIVE' && can(role, 'layby.supervise');
  const mayResume =
    (status === 'ON_HOLD' || status === 'DEFAULTED') && can(role, 'layby.supervise');
  if (!mayCancel && !mayHold && !mayResume)
    return status === 'CANCELLED' || status === 'COMPLETED' ? null : (
      <p className="muted">A supervisor can put this layby on hold or cancel it.</p>
    );
  return (
    <section
      className="panel"
      aria-labelledby="supervise-heading"
      data-testid="layby-supervisor-actions"
    >
      <h2 id="supervise-heading" className="panel-title">
        Supervisor actions
      </h2>
      <div className="button-row">
        {mayHold ? (
          <button
            type="button"
            className="button button--outline"
            onClick={() => onOpen('hold')}
            data-testid="layby-hold"
          >
            Put on hold
          </button>
        ) : null}
        {mayResume ? (
          <button
            type="button"
            className="button button--outline"
            onClick={() => onOpen('resume')}
            data-testid="layby-resume"
          >
            Resume
          </button>
        ) : null}
        {mayCancel ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => onOpen('cancel')}
            data-testid="layby-cancel"
          >
            Cancel layby…
          </button>
        ) : null}
      </div>
    </section>
  );
}
