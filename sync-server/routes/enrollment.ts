import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { CentralDb } from '../../db/central/connect';
import { enrollmentCodes, tills } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import {
  EnrollmentCodeRequest,
  EnrollRequest,
  PROTOCOL_VERSION,
  type EnrollmentCodeResponse,
  type EnrollResponse,
} from '../../shared/contract/server-api';
import { requireStaff } from '../auth/principal';
import { hashToken, newEnrollmentCode, newToken } from '../auth/tokens';
import { parseBody } from '../http/parse';
import { loadDivision } from './division-view';

const CODE_HOURS = 24;

// A head-office admin issues a one-time code bound to a division; a till exchanges it for a
// device credential. The code is stored hashed and can be used once, before it expires.
export function enrollmentRoutes(app: FastifyInstance, db: CentralDb, clock: () => Date): void {
  app.post('/api/enrollment-codes', async (request, reply) => {
    const admin = requireStaff(request.principal, 'till.enroll');
    const { divisionId } = parseBody(EnrollmentCodeRequest, request.body);
    await loadDivision(db, divisionId);
    const code = newEnrollmentCode();
    const expiresAt = new Date(clock().getTime() + CODE_HOURS * 3_600_000).toISOString();
    await db.insert(enrollmentCodes).values({
      codeHash: hashToken(code),
      businessId: divisionId,
      createdBy: admin.userId,
      expiresAt,
    });
    request.log.info({ divisionId, by: admin.username }, 'enrollment code issued');
    const body: z.infer<typeof EnrollmentCodeResponse> = { code, divisionId, expiresAt };
    return reply.status(201).send(body);
  });

  app.post('/api/tills/enroll', async (request, reply) => {
    const input = parseBody(EnrollRequest, request.body);
    if (input.protocolVersion > PROTOCOL_VERSION) {
      throw new AppError(
        'CONFLICT',
        'This till is newer than the server. Update the server first.',
        'protocolVersion',
      );
    }
    const now = clock().toISOString();
    const deviceToken = newToken('device');
    const division = await db.transaction(async (tx) => {
      const [used] = await tx
        .update(enrollmentCodes)
        .set({ usedAt: now, usedByTillId: input.tillId })
        .where(
          and(
            eq(enrollmentCodes.codeHash, hashToken(input.code)),
            isNull(enrollmentCodes.usedAt),
            gt(enrollmentCodes.expiresAt, now),
          ),
        )
        .returning({ businessId: enrollmentCodes.businessId });
      if (!used)
        throw new AppError(
          'BAD_CREDENTIALS',
          'That enrollment code is wrong, used or expired.',
          'code',
        );
      await tx.insert(tills).values({
        id: input.tillId,
        name: input.tillName,
        businessId: used.businessId,
        tokenHash: hashToken(deviceToken),
        protocolVersion: input.protocolVersion,
        lastSeenAt: now,
      });
      return loadDivision(tx, used.businessId);
    });
    request.log.info({ tillId: input.tillId, division: division.code }, 'till enrolled');
    const body: z.infer<typeof EnrollResponse> = { tillId: input.tillId, deviceToken, division };
    return reply.status(201).send(body);
  });
}
