import { useState } from 'react';
import type { LaybyPaymentResult } from '../../../../shared/contract/till/layby-views';
import { LaybyDialog } from './LaybyDialog';
import { PreviewDialog } from '../printing/PreviewDialog';
import { formatCents, formatDay } from './layby-format';

// What the cashier reads back to the customer: the receipt number, what is left, and when
// the next payment falls due (or that the goods can now be collected).
export function PaymentDone(props: { result: LaybyPaymentResult; onClose: () => void }) {
  const { result, onClose } = props;
  const { layby } = result;
  const [preview, setPreview] = useState<string | null>(null);
  const receiptJob = result.printJobIds[0] ?? null;
  if (preview !== null) return <PreviewDialog jobId={preview} onClose={() => setPreview(null)} />;
  const paidUp = layby.status === 'COMPLETED';
  return (
    <LaybyDialog title="Payment taken" onClose={onClose} testId="pay-done">
      <div className="done-body">
        <p className="done-lead">
          Receipt{' '}
          <strong className="mono" data-testid="pay-done-receipt">
            {result.receiptNumber}
          </strong>{' '}
          is printing.
        </p>
        <dl className="pay-facts">
          <div className="pay-fact pay-fact--big">
            <dt>New balance</dt>
            <dd data-testid="pay-done-balance">
              {formatCents(layby.balanceRemainingCents, layby.currency)}
            </dd>
          </div>
          <div className="pay-fact pay-fact--big">
            <dt>{paidUp ? 'Status' : 'Next payment due'}</dt>
            <dd data-testid="pay-done-next">{paidUp ? 'Paid up' : formatDay(layby.nextDueDate)}</dd>
          </div>
        </dl>
        {paidUp ? (
          <p className="done-note done-note--ok" data-testid="pay-done-paid-up">
            Paid in full. The goods can be released to the customer now.
          </p>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={onClose}
            autoFocus
            data-testid="pay-done-close"
          >
            Done <kbd>Enter</kbd>
          </button>
          {receiptJob ? (
            <button
              type="button"
              className="button button--outline"
              onClick={() => setPreview(receiptJob)}
              data-testid="pay-done-preview"
            >
              Show receipt
            </button>
          ) : null}
        </div>
      </div>
    </LaybyDialog>
  );
}
