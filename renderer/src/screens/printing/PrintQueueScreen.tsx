import { useCallback, useEffect, useState } from 'react';
import type { PrintJobView } from '../../../../shared/contract/till/printing-methods';
import type { SessionInfo } from '../../../../shared/contract/till-api';
import { can } from '../../../../shared/domain/staff/permissions';
import { call } from '../../api/till-client';
import { FormAlert } from '../../components/FormAlert';
import { useShortcut } from '../../lib/use-shortcut';
import { DismissDialog } from './DismissDialog';
import { Notice, type NoticeState } from './Notice';
import { PreviewDialog } from './PreviewDialog';
import { PrintJobCard, type JobAction } from './PrintJobCard';
import { usePrinting } from './printing-store';

type Tab = 'waiting' | 'recent';
const REFRESH_MS = 3_000;

// Slips waiting for the printer, and recent ones to reprint. A fault never blocks a sale:
// the cashier carries on and deals with the slip here (retry, second printer, dismiss).
export function PrintQueueScreen({ session }: { session: SessionInfo }) {
  const close = usePrinting((s) => s.close);
  const open = usePrinting((s) => s.open);
  const summary = usePrinting((s) => s.summary);
  const refreshSummary = usePrinting((s) => s.refreshSummary);
  const [tab, setTab] = useState<Tab>('waiting');
  const [jobs, setJobs] = useState<PrintJobView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [dismissing, setDismissing] = useState<PrintJobView | null>(null);
  const dialogOpen = previewId !== null || dismissing !== null;
  useShortcut({ code: 'Escape' }, close, !dialogOpen);

  const load = useCallback(
    () =>
      call('printing:queue', { view: tab, limit: 50 }).then((result) => {
        if (result.ok) {
          setJobs(result.value.jobs);
          setError(null);
        } else setError(result.error.message);
      }),
    [tab],
  );

  useEffect(() => {
    const refresh = () => void load();
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const after = async (text: string | null, failure: string | null) => {
    setNotice(text === null ? null : { text, tone: 'ok' });
    setError(failure);
    await Promise.all([load(), refreshSummary()]);
  };

  const onAction = async (action: JobAction, job: PrintJobView) => {
    if (action === 'preview') return setPreviewId(job.id);
    if (action === 'dismiss') return setDismissing(job);
    setBusy(true);
    setNotice({
      text: action === 'reprint' ? 'Sending the reprint…' : 'Sending to the printer…',
      tone: 'busy',
    });
    const result =
      action === 'reprint'
        ? await call('printing:reprint', { jobId: job.id, printer: 'main' })
        : await call('printing:retry', {
            jobId: job.id,
            printer: action === 'fallback' ? 'fallback' : 'main',
          });
    setBusy(false);
    if (!result.ok) return after(null, result.error.message);
    const done = result.value;
    if (done.status === 'PRINTED')
      return after(action === 'reprint' ? 'Reprint printed, marked REPRINT.' : 'Printed.', null);
    return after(
      null,
      `Not printed yet: ${done.lastError ?? 'the printer has not answered'}. The slip keeps its place in the queue.`,
    );
  };

  const waiting = summary?.waiting ?? 0;
  return (
    <div className="printing" data-testid="screen-print-queue">
      <header className="printing-header">
        <button
          type="button"
          className="button button--outline"
          onClick={close}
          data-testid="printing-back"
        >
          ← Back
        </button>
        <div className="printing-heading">
          <h1 className="printing-title">Printer queue</h1>
          <p className="printing-sub" data-testid="queue-summary">
            {summary === null
              ? ' '
              : !summary.configured
                ? 'No printer is set up for this till yet.'
                : waiting === 0
                  ? 'Every slip has printed.'
                  : `${waiting} slip${waiting === 1 ? '' : 's'} waiting${summary.lastError ? ` · ${summary.lastError}` : ''}`}
          </p>
        </div>
        {can(session.staff.role, 'printer.configure') ? (
          <button
            type="button"
            className="button button--outline"
            onClick={() => open('settings')}
            data-testid="open-printer-settings"
          >
            Printer settings
          </button>
        ) : null}
      </header>
      <div className="printing-body">
        <div className="queue-tabs" role="tablist" aria-label="Which slips">
          {(['waiting', 'recent'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              className={`queue-tab ${tab === t ? 'queue-tab--on' : ''}`}
              onClick={() => setTab(t)}
              data-testid={`queue-tab-${t}`}
            >
              {t === 'waiting' ? `Waiting (${waiting})` : 'Recent slips'}
            </button>
          ))}
        </div>
        <Notice notice={notice} testId="queue-notice" />
        <FormAlert message={error} testId="queue-error" />
        {jobs !== null && jobs.length === 0 ? (
          <p className="queue-empty" data-testid="queue-empty">
            {tab === 'waiting' ? 'Nothing is waiting for the printer.' : 'No slips printed yet.'}
          </p>
        ) : null}
        <ul className="job-list" data-testid="job-list">
          {(jobs ?? []).map((job) => (
            <PrintJobCard
              key={job.id}
              job={job}
              busy={busy}
              hasFallback={summary?.fallback ?? false}
              onAction={(action, j) => void onAction(action, j)}
            />
          ))}
        </ul>
      </div>
      {previewId ? <PreviewDialog jobId={previewId} onClose={() => setPreviewId(null)} /> : null}
      {dismissing ? (
        <DismissDialog
          job={dismissing}
          onClose={() => setDismissing(null)}
          onDone={() => {
            setDismissing(null);
            void after('Slip dismissed.', null);
          }}
        />
      ) : null}
    </div>
  );
}
