import { TextField } from '../../components/TextField';

export type Approval = { username: string; pin: string };
export type ApprovalField = 'username' | 'pin';

export const APPROVAL_LABELS: Record<ApprovalField, string> = {
  username: 'Supervisor user name',
  pin: 'Supervisor PIN',
};

export type ApprovalFieldsProps = {
  id: string;
  reason: string;
  value: Approval;
  onChange: (value: Approval) => void;
  errors: Partial<Record<ApprovalField | 'approval', string>>;
};

// A supervisor signs off at the cashier's till without the cashier signing out: their user
// name and PIN, checked by the till core offline like a sign-in.
export function ApprovalFields({ id, reason, value, onChange, errors }: ApprovalFieldsProps) {
  return (
    <fieldset className="approval" data-testid={`${id}-approval`}>
      <legend className="approval-title">Supervisor approval needed</legend>
      <p className="approval-reason">{reason}</p>
      <div className="approval-row">
        <TextField
          id={`${id}-approval-username`}
          label={APPROVAL_LABELS.username}
          value={value.username}
          onValue={(username) => onChange({ ...value, username })}
          testId={`${id}-approval-username`}
          error={errors.username}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id={`${id}-approval-pin`}
          label={APPROVAL_LABELS.pin}
          type="password"
          inputMode="numeric"
          value={value.pin}
          onValue={(pin) => onChange({ ...value, pin: pin.replace(/\D/g, '') })}
          testId={`${id}-approval-pin`}
          error={errors.pin}
          autoComplete="off"
          maxLength={6}
          className="field-input--pin"
        />
      </div>
      {errors.approval ? (
        <p className="field-error" data-testid={`${id}-approval-error`}>
          {errors.approval}
        </p>
      ) : null}
    </fieldset>
  );
}
