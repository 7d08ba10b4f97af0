export type NoticeTone = 'busy' | 'ok' | 'warn';
export type NoticeState = { text: string; tone: NoticeTone } | null;

// What the last printing action did, announced politely (role=status): in progress, done,
// or done but the slip is still waiting. Errors use FormAlert.
export function Notice({ notice, testId }: { notice: NoticeState; testId: string }) {
  return (
    <p
      className={`queue-notice${notice ? ` queue-notice--${notice.tone}` : ''}`}
      role="status"
      data-testid={testId}
    >
      {notice?.text ?? ''}
    </p>
  );
}
