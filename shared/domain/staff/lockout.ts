// Repeated wrong PINs lock a username out for a while. Pure rule shared by till and server;
// each side stores the state in its own database.

export const LOCKOUT_POLICY = { maxFailures: 5, lockMinutes: 5 } as const;

export type LockoutState = { failures: number; lockedUntil: Date | null };

export function isLockedOut(state: LockoutState | undefined, now: Date): boolean {
  return state?.lockedUntil != null && state.lockedUntil.getTime() > now.getTime();
}

/** State after a wrong PIN: the count grows and, at the limit, a lock starts and the count resets. */
export function afterFailure(
  state: LockoutState | undefined,
  now: Date,
  policy = LOCKOUT_POLICY,
): LockoutState {
  const failures = (state && !isLockedOut(state, now) ? state.failures : 0) + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failures, lockedUntil: null };
}

export function lockedOutMessage(lockedUntil: Date): string {
  const hh = lockedUntil.getHours().toString().padStart(2, '0');
  const mm = lockedUntil.getMinutes().toString().padStart(2, '0');
  return `Too many wrong PINs. This user is locked until ${hh}:${mm}; a supervisor can help meanwhile.`;
}

/** One message for an unknown user and a wrong PIN alike, so a guess learns nothing. */
export const BAD_CREDENTIALS_MESSAGE = 'Wrong username or PIN.';
