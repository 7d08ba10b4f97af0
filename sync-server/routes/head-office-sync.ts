import { desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import {
  businesses,
  conflictLog,
  flaggedEvents,
  tillCursors,
  tills,
} from '../../db/central/schema';
import { requireStaff } from '../auth/principal';
import { latestServerSeq } from '../sync/change-sequence';

const LIMIT = 500;

// Head office's view of the sync: every till with how far behind it is, the conflict log
// (field edits that lost), and the flagged events waiting for a supervisor.
export function headOfficeSyncRoutes(app: FastifyInstance, db: CentralDb): void {
  app.get('/api/tills', async (request, reply) => {
    requireStaff(request.principal, 'headoffice.admin');
    const latest = await latestServerSeq(db);
    const rows = await db
      .select({
        id: tills.id,
        name: tills.name,
        division: businesses.code,
        protocolVersion: tills.protocolVersion,
        enrolledAt: tills.enrolledAt,
        lastSeenAt: tills.lastSeenAt,
        revokedAt: tills.revokedAt,
        lastPushedSeq: tillCursors.lastPushedSeq,
        lastPulledServerSeq: tillCursors.lastPulledServerSeq,
        lastPushAt: tillCursors.lastPushAt,
        lastPullAt: tillCursors.lastPullAt,
      })
      .from(tills)
      .innerJoin(businesses, eq(businesses.id, tills.businessId))
      .leftJoin(tillCursors, eq(tillCursors.tillId, tills.id))
      .orderBy(businesses.code, tills.name);
    const view = rows.map((row) => ({
      ...row,
      lagChanges: Math.max(0, latest - (row.lastPulledServerSeq ?? 0)),
    }));
    return reply.send({ latestServerSeq: latest, tills: view });
  });

  app.get('/api/sync/conflicts', async (request, reply) => {
    requireStaff(request.principal, 'headoffice.admin');
    const rows = await db
      .select()
      .from(conflictLog)
      .where(isNull(conflictLog.reviewedAt))
      .orderBy(desc(conflictLog.at))
      .limit(LIMIT);
    return reply.send({ conflicts: rows });
  });

  app.get('/api/sync/flags', async (request, reply) => {
    const staff = requireStaff(request.principal, 'staff.view');
    const open = isNull(flaggedEvents.resolvedAt);
    const rows = await db
      .select()
      .from(flaggedEvents)
      .where(
        staff.businessId
          ? sql`${open} and ${flaggedEvents.businessId} = ${staff.businessId}`
          : open,
      )
      .orderBy(desc(flaggedEvents.createdAt))
      .limit(LIMIT);
    return reply.send({ flags: rows });
  });
}
