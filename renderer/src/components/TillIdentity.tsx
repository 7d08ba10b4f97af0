import type { TillStatus } from '../../../shared/contract/till-api';

export type TillIdentityProps = { status: TillStatus };

// Which till is this? A group runs several divisions side by side, so the sign-in screen
// says it in type readable from the queue.
export function TillIdentity({ status }: TillIdentityProps) {
  const division = status.division;
  return (
    <div className="till-identity">
      <p className="eyebrow">Unitill</p>
      <h1 className="split-title" data-testid="signin-division">
        {division ? division.name : 'No division yet'}
        {division ? <span className="division-code">{division.code}</span> : null}
      </h1>
      <p className="till-identity-name">
        Till: <strong data-testid="signin-till-name">{status.tillName ?? 'Unnamed till'}</strong>
      </p>
    </div>
  );
}
