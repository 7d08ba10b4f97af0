import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import { signInAttempts, staffSessions, users } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { LoginRequest, type LoginResponse } from '../../shared/contract/server-api';
import {
  afterFailure,
  BAD_CREDENTIALS_MESSAGE,
  isLockedOut,
  lockedOutMessage,
  type LockoutState,
} from '../../shared/domain/staff/lockout';
import { uuidv7 } from '../../shared/ids';
import { DECOY_PIN_HASH, verifyPin } from '../../shared/node/pin-hash';
import { parseBody } from '../http/parse';
import { hashToken, newToken } from '../auth/tokens';
import type { z } from 'zod';

const SESSION_HOURS = 12;

export function staffLoginRoutes(app: FastifyInstance, db: CentralDb, clock: () => Date): void {
  app.post('/api/auth/login', async (request, reply) => {
    const { username, pin } = parseBody(LoginRequest, request.body);
    const now = clock();
    const [attempts] = await db
      .select()
      .from(signInAttempts)
      .where(eq(signInAttempts.username, username));
    const state: LockoutState | undefined = attempts && {
      failures: attempts.failures,
      lockedUntil: attempts.lockedUntil ? new Date(attempts.lockedUntil) : null,
    };
    if (state?.lockedUntil && isLockedOut(state, now)) {
      throw new AppError('LOCKED_OUT', lockedOutMessage(state.lockedUntil));
    }
    const [user] = await db.select().from(users).where(eq(users.username, username));
    // Verify against a decoy when the user is unknown so timing does not reveal which part was wrong.
    const pinOk = await verifyPin(pin, user?.pinHash ?? DECOY_PIN_HASH);
    if (!user || !user.isActive || !pinOk) {
      const next = afterFailure(state, now);
      const row = {
        username,
        failures: next.failures,
        lockedUntil: next.lockedUntil?.toISOString() ?? null,
        lastFailureAt: now.toISOString(),
      };
      await db
        .insert(signInAttempts)
        .values(row)
        .onConflictDoUpdate({ target: signInAttempts.username, set: row });
      request.log.warn({ username }, 'head-office sign-in failed');
      throw new AppError('BAD_CREDENTIALS', BAD_CREDENTIALS_MESSAGE);
    }
    await db.delete(signInAttempts).where(eq(signInAttempts.username, username));
    const token = newToken('staff');
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await db
      .insert(staffSessions)
      .values({ id: uuidv7(), userId: user.id, tokenHash: hashToken(token), expiresAt });
    const body: z.infer<typeof LoginResponse> = {
      token,
      expiresAt,
      staff: {
        id: user.id,
        username: user.username,
        fullName: user.fullName,
        role: user.role,
        businessId: user.businessId,
      },
    };
    return reply.send(body);
  });
}
