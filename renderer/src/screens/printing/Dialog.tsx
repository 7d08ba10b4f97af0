import { useEffect, useRef, type ReactNode } from 'react';
import { useShortcut } from '../../lib/use-shortcut';

export type DialogProps = {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
};

// A modal panel over the screen: Escape or Close leaves it, focus starts inside it.
export function Dialog({ title, onClose, testId, children }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  useShortcut({ code: 'Escape' }, onClose);
  useEffect(() => panel.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
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
            Close
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
