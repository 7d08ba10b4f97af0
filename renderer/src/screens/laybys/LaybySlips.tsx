import { useCallback, useEffect, useState } from 'react';
import type { PrintJobView } from '../../../../shared/contract/till/printing-methods';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { PreviewDialog } from '../printing/PreviewDialog';
import { formatInstant } from './layby-format';

// Every slip this till printed for the layby (agreement, receipts, cancellation, collection)
// with a preview and a reprint, which prints marked REPRINT with the time — never a silent
// duplicate of the original.
export function LaybySlips({ laybyNumber, version }: { laybyNumber: string; version: string }) {
  const [jobs, setJobs] = useState<PrintJobView[] | null>(null);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      call('printing:queue', { view: 'recent', reference: laybyNumber, limit: 30 }).then(
        (result) => {
          if (result.ok) setJobs(result.value.jobs.filter((job) => job.copyLabel === null));
        },
      ),
    [laybyNumber],
  );
  // `version` changes whenever the layby does (a payment prints a new receipt).
  useEffect(() => void load(), [load, version]);

  const reprint = async (job: PrintJobView) => {
    setBusy(true);
    setMessage(null);
    const result = await call('printing:reprint', { jobId: job.id, printer: 'main' });
    setBusy(false);
    if (!result.ok) return setMessage({ text: result.error.message, error: true });
    setMessage(
      result.value.status === 'PRINTED'
        ? { text: `Reprinted ${job.title.toLowerCase()}, marked REPRINT.`, error: false }
        : {
            text: `The reprint is queued: ${result.value.lastError ?? 'the printer has not answered yet'}.`,
            error: true,
          },
    );
  };

  if (jobs === null || jobs.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="slips-heading" data-testid="layby-slips">
      <h2 id="slips-heading" className="panel-title">
        Slips
      </h2>
      {message ? (
        message.error ? (
          <FormAlert message={message.text} testId="slip-error" />
        ) : (
          <p className="muted" role="status">
            {message.text}
          </p>
        )
      ) : null}
      <ul className="layby-slips">
        {jobs.map((job) => (
          <li key={job.id} className="layby-slip" data-testid="layby-slip">
            <span className="layby-slip-title">
              {job.title}
              <span className="cell-sub mono">
                {job.receiptNumber} · {formatInstant(job.createdAt)}
              </span>
            </span>
            <button
              type="button"
              className="button button--outline"
              onClick={() => setPreviewId(job.id)}
              data-testid="slip-preview"
            >
              Preview
            </button>
            <button
              type="button"
              className="button button--outline"
              disabled={busy}
              onClick={() => void reprint(job)}
              data-testid="slip-reprint"
            >
              Reprint
            </button>
          </li>
        ))}
      </ul>
      {previewId !== null ? (
        <PreviewDialog jobId={previewId} onClose={() => setPreviewId(null)} />
      ) : null}
    </section>
  );
}
