import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { signInAttempts, users } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import type { SessionInfo } from '../../../shared/contract/till-api';
import {
  afterFailure,
  BAD_CREDENTIALS_MESSAGE,
  isLockedOut,
  lockedOutMessage,
  type LockoutState,
} from '../../../shared/domain/staff/lockout';
import { DECOY_PIN_HASH, verifyPin } from '../../../shared/node/pin-hash';

// Offline sign-in: the PIN is checked against the hash the till received with its staff
// list, so a till with no network still lets its cashiers in.
export async function signIn(
  db: TillDb,
  credentials: { username: string; pin: string },
  now: Date,
): Promise<SessionInfo> {
  const { username, pin } = credentials;
  const attempts = db
    .select()
    .from(signInAttempts)
    .where(eq(signInAttempts.username, username))
    .get();
  const state: LockoutState | undefined = attempts && {
    failures: attempts.failures,
    lockedUntil: attempts.lockedUntil ? new Date(attempts.lockedUntil) : null,
  };
  if (state?.lockedUntil && isLockedOut(state, now)) {
    throw new AppError('LOCKED_OUT', lockedOutMessage(state.lockedUntil));
  }
  const user = db.select().from(users).where(eq(users.username, username)).get();
  const pinOk = await verifyPin(pin, user?.pinHash ?? DECOY_PIN_HASH);
  if (!user || !user.isActive || !pinOk) {
    const next = afterFailure(state, now);
    const row = {
      username,
      failures: next.failures,
      lockedUntil: next.lockedUntil?.toISOString() ?? null,
      lastFailureAt: now.toISOString(),
    };
    db.insert(signInAttempts)
      .values(row)
      .onConflictDoUpdate({ target: signInAttempts.username, set: row })
      .run();
    throw new AppError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
  }
  db.delete(signInAttempts).where(eq(signInAttempts.username, username)).run();
  return {
    staff: {
      id: user.id,
      username: user.username,
      fullName: user.fullName,
      role: user.role,
      businessId: user.businessId,
    },
    signedInAt: now.toISOString(),
  };
}
