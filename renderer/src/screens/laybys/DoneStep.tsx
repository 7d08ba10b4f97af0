import { useState } from 'react';
import type { LaybyPaymentResult } from '../../../../shared/contract/till/layby-views';
import { PreviewDialog } from '../printing/PreviewDialog';
import { formatCents, formatDay } from './layby-format';

// The layby is open: its number for the customer's card, the deposit's receipt, and the way
// into the layby itself.
export function DoneStep(props: { result: LaybyPaymentResult; onOpen: () => void }) {
  const { result, onOpen } = props;
  const { layby } = result;
  const [preview, setPreview] = useState<string | null>(null);
  return (
    <section className="wizard-step wizard-done" data-testid="layby-step-done">
      <p className="eyebrow done-eyebrow">Layby opened</p>
      <p className="done-number mono" data-testid="done-layby-number">
        {layby.laybyNumber}
      </p>
      <dl className="pay-facts">
        <div className="pay-fact">
          <dt>Customer</dt>
          <dd>{layby.customerName}</dd>
        </div>
        <div className="pay-fact">
          <dt>Deposit receipt</dt>
          <dd className="mono" data-testid="done-receipt">
            {result.receiptNumber}
          </dd>
        </div>
        <div className="pay-fact">
          <dt>Balance</dt>
          <dd data-testid="done-balance">
            {formatCents(layby.balanceRemainingCents, layby.currency)}
          </dd>
        </div>
        <div className="pay-fact">
          <dt>First payment due</dt>
          <dd data-testid="done-next-due">{formatDay(layby.nextDueDate)}</dd>
        </div>
      </dl>
      <p className="done-note">
        The agreement and the receipt are printing. Give the customer both, and write the layby
        number on their copy.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--primary button--block done-open"
          onClick={onOpen}
          autoFocus
          data-testid="done-open-layby"
        >
          Open the layby <kbd>Enter</kbd>
        </button>
        {result.printJobIds.map((jobId, index) => (
          <button
            key={jobId}
            type="button"
            className="button button--outline"
            onClick={() => setPreview(jobId)}
            data-testid="done-preview"
          >
            Show slip {result.printJobIds.length > 1 ? index + 1 : ''}
          </button>
        ))}
      </div>
      {preview !== null ? <PreviewDialog jobId={preview} onClose={() => setPreview(null)} /> : null}
    </section>
  );
}
