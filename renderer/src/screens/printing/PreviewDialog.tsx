import { useEffect, useState } from 'react';
import type { SlipPreview } from '../../../../shared/contract/till/printing-methods';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { ReceiptPreview } from '../../components/receipt-preview/ReceiptPreview';
import { Dialog } from './Dialog';

// The slip on screen before (or instead of) paper: the same lines the printer gets, at the
// till's paper width, or the other width to see how it would look there.
export function PreviewDialog({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const [width, setWidth] = useState<32 | 48 | null>(null);
  const [slip, setSlip] = useState<SlipPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('printing:preview', width === null ? { jobId } : { jobId, width }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setSlip(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [jobId, width]);

  const shown = slip?.width ?? width;
  return (
    <Dialog
      title={slip ? `Preview: ${slip.title}` : 'Preview'}
      onClose={onClose}
      testId="preview-dialog"
    >
      <div className="preview-widths" role="group" aria-label="Paper width">
        {([48, 32] as const).map((w) => (
          <button
            key={w}
            type="button"
            className={`button ${shown === w ? 'button--primary' : 'button--outline'}`}
            aria-pressed={shown === w}
            onClick={() => setWidth(w)}
            data-testid={`preview-width-${w}`}
          >
            {w === 48 ? '80 mm' : '58 mm'}
          </button>
        ))}
      </div>
      <FormAlert message={error} testId="preview-error" />
      <div className="preview-scroll">{slip ? <ReceiptPreview slip={slip} /> : null}</div>
    </Dialog>
  );
}
