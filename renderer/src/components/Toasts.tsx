import { useToastStore } from '../state/toast-store';

export function Toasts() {
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.tone}`} data-testid="toast">
          <span className="toast-text">{t.text}</span>
          <button
            type="button"
            className="toast-dismiss"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss message"
            data-testid="toast-dismiss"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
