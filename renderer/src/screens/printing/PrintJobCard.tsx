import type { PrintJobView } from '../../../../shared/contract/till/printing-methods';
import { formatSyncTime } from '../../lib/format';

export type JobAction = 'preview' | 'retry' | 'fallback' | 'reprint' | 'dismiss';

const STATUS_TEXT: Record<PrintJobView['status'], string> = {
  PENDING: 'Waiting',
  FAILED: 'Printer fault',
  PRINTED: 'Printed',
  DISMISSED: 'Dismissed',
};

export type PrintJobCardProps = {
  job: PrintJobView;
  busy: boolean;
  hasFallback: boolean;
  onAction: (action: JobAction, job: PrintJobView) => void;
};

// One slip in the queue: what it is, for whom, what happened, and what can be done now.
export function PrintJobCard({ job, busy, hasFallback, onAction }: PrintJobCardProps) {
  const waiting = job.status === 'PENDING' || job.status === 'FAILED';
  const button = (action: JobAction, text: string, primary = false) => (
    <button
      type="button"
      className={`button ${primary ? 'button--primary' : 'button--outline'} job-action`}
      disabled={busy}
      onClick={() => onAction(action, job)}
      data-testid={`job-${action}`}
    >
      {text}
    </button>
  );
  return (
    <li
      className={`job job--${job.status.toLowerCase()}`}
      data-testid="print-job"
      data-status={job.status}
    >
      <div className="job-main">
        <p className="job-title">
          {job.title}
          {job.copyLabel ? (
            <span className="job-copy" data-testid="job-copy-label">
              {job.copyLabel}
            </span>
          ) : null}
        </p>
        <p className="job-facts">
          {job.receiptNumber ? (
            <span data-testid="job-receipt-number">{job.receiptNumber}</span>
          ) : null}
          {job.customerName ? <span>{job.customerName}</span> : null}
          {job.reference ? <span>{job.reference}</span> : null}
          <span>{formatSyncTime(job.createdAt)}</span>
          {job.printer === 'fallback' ? <span>second printer</span> : null}
        </p>
        {job.status === 'FAILED' && job.lastError ? (
          <p className="job-error" data-testid="job-error">
            {job.lastError}
          </p>
        ) : null}
        {job.status === 'DISMISSED' && job.dismissedReason ? (
          <p className="job-note">
            Dismissed by {job.dismissedBy ?? 'staff'}: {job.dismissedReason}
          </p>
        ) : null}
      </div>
      <div className="job-side">
        <span
          className={`job-status job-status--${job.status.toLowerCase()}`}
          data-testid="job-status"
        >
          {STATUS_TEXT[job.status]}
          {job.attempts > 1 && waiting ? ` · ${job.attempts} tries` : ''}
        </span>
        <div className="job-actions">
          {button('preview', 'Preview')}
          {waiting ? button('retry', 'Retry', true) : null}
          {waiting && hasFallback ? button('fallback', 'Second printer') : null}
          {waiting ? null : button('reprint', 'Reprint', true)}
          {waiting ? button('dismiss', 'Dismiss') : null}
        </div>
      </div>
    </li>
  );
}
