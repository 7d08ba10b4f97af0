import { useEffect, useRef, type ReactNode } from 'react';
import { useShortcut } from '../../lib/use-shortcut';

export type DialogProps = {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
  /** Extra classes for the panel (a wider layout, say). */
  className?: string;
  /** Wraps the content when given (a scrolling body). */
  bodyClassName?: string;
};

// A modal panel over the screen: Escape or Close leaves it. Focus starts inside it, unless a
// field inside already asked for it (autoFocus), so the cashier can type at once.
export function Dialog({
  title,
  onClose,
  testId,
  children,
  className,
  bodyClassName,
}: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  useShortcut({ code: 'Escape' }, onClose);
  useEffect(() => {
    const box = panel.current;
    if (box && !box.contains(document.activeElement)) box.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
        tabIndex={-1}
        ref={panel}
        data-testid={testId}
      >
        <header className="dialog-header">
          <h2 className="dialog-title" id={`${testId}-title`}>
            {title}
          </h2>
          <button
            type="button"
            className="button button--outline"
            onClick={onClose}
            data-testid={`${testId}-close`}
          >
            Close <kbd>Esc</kbd>
          </button>
        </header>
        {bodyClassName ? <div className={bodyClassName}>{children}</div> : children}
      </div>
    </div>
  );
}
