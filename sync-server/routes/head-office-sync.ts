import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CentralDb } from '../../db/central/connect';
import {
  businesses,
  conflictLog,
  flaggedEvents,
  tillCursors,
  tills,
} from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { apiRoute, type ApiDocs } from '../openapi/api-route';
import { latestServerSeq, lockChangeSequence, nextServerSeq } from '../sync/change-sequence';

const LIMIT = 500;
const TAG = 'Sync';

const IdParams = z.object({ id: z.string().uuid({ message: 'must be a UUID' }) });
const ResolveBody = z.object({
  resolution: z
    .string()
    .trim()
    .min(3, { message: 'must say what was done (at least 3 characters)' })
    .max(500),
});

// Head office's view of the sync: every till with how far behind it is and what waits in its
// outbox, the conflict log (field edits that lost) to review, and the flagged money events to
// resolve. A resolved flag is re-stamped, so the division's tills pull the resolution and
// their status bars stop counting it.
export function headOfficeSyncRoutes(
  app: FastifyInstance,
  { db, docs, clock }: { db: CentralDb; docs: ApiDocs; clock: () => Date },
): void {
  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/tills',
      summary: 'Every enrolled till: last seen, lag, mutations waiting, protocol version',
      description:
        'lagChanges: changes committed since the till last pulled. waitingMutations: the ' +
        'outbox length the till reported with its last call (null before it first did).',
      tags: [TAG],
      permission: 'headoffice.admin',
      responses: { 200: { description: 'Tills by division and name' } },
    },
    async () => {
      const latest = await latestServerSeq(db);
      const rows = await db
        .select({
          id: tills.id,
          name: tills.name,
          division: businesses.code,
          protocolVersion: tills.protocolVersion,
          enrolledAt: tills.enrolledAt,
          lastSeenAt: tills.lastSeenAt,
          waitingMutations: tills.waitingMutations,
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
      return { latestServerSeq: latest, tills: view };
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/sync/conflicts',
      summary: 'Profile edits that lost to another till’s, not yet reviewed',
      tags: [TAG],
      permission: 'headoffice.admin',
      responses: { 200: { description: `Newest first, at most ${LIMIT}` } },
    },
    async () => {
      const rows = await db
        .select()
        .from(conflictLog)
        .where(isNull(conflictLog.reviewedAt))
        .orderBy(desc(conflictLog.at))
        .limit(LIMIT);
      return { conflicts: rows };
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/sync/conflicts/:id/review',
      summary: 'Marks a conflict reviewed (the winning value stays)',
      tags: [TAG],
      permission: 'headoffice.admin',
      params: IdParams,
      responses: {
        200: { description: 'The conflict, reviewed' },
        404: { description: 'No such conflict' },
        409: { description: 'Already reviewed' },
      },
    },
    async ({ params, staff }) => {
      const [row] = await db
        .update(conflictLog)
        .set({ reviewedAt: clock().toISOString(), reviewedBy: staff.userId })
        .where(and(eq(conflictLog.id, params.id), isNull(conflictLog.reviewedAt)))
        .returning();
      if (row) return { conflict: row };
      await explainMissing(db, conflictLog, eq(conflictLog.id, params.id), 'conflict', 'reviewed');
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'GET',
      url: '/api/sync/flags',
      summary: 'Flagged money events and sync refusals not yet resolved',
      description: 'Division staff see their division’s; head office sees every division’s.',
      tags: [TAG],
      permission: 'staff.view',
      responses: { 200: { description: `Newest first, at most ${LIMIT}` } },
    },
    async ({ staff }) => {
      const open = isNull(flaggedEvents.resolvedAt);
      const rows = await db
        .select()
        .from(flaggedEvents)
        .where(staff.businessId ? and(open, eq(flaggedEvents.businessId, staff.businessId)) : open)
        .orderBy(desc(flaggedEvents.createdAt))
        .limit(LIMIT);
      return { flags: rows };
    },
  );

  apiRoute(
    app,
    docs,
    {
      method: 'POST',
      url: '/api/sync/flags/:id/resolve',
      summary: 'Resolves a flag, saying what was done; the division’s tills see it go',
      tags: [TAG],
      permission: 'headoffice.admin',
      params: IdParams,
      body: ResolveBody,
      responses: {
        200: { description: 'The flag, resolved' },
        400: { description: 'No resolution given' },
        404: { description: 'No such flag' },
        409: { description: 'Already resolved' },
      },
    },
    async ({ params, body, staff }) => {
      const row = await db.transaction(async (tx) => {
        await lockChangeSequence(tx);
        const [updated] = await tx
          .update(flaggedEvents)
          .set({
            resolvedAt: clock().toISOString(),
            resolvedBy: staff.userId,
            resolution: body.resolution,
            serverSeq: nextServerSeq(),
          })
          .where(and(eq(flaggedEvents.id, params.id), isNull(flaggedEvents.resolvedAt)))
          .returning();
        return updated;
      });
      if (row) return { flag: row };
      await explainMissing(db, flaggedEvents, eq(flaggedEvents.id, params.id), 'flag', 'resolved');
    },
  );
}

/** After an update found nothing to change: 404 when there is no such row, else 409. */
async function explainMissing(
  db: CentralDb,
  table: typeof conflictLog | typeof flaggedEvents,
  where: SQL,
  what: string,
  done: string,
): Promise<never> {
  const [row] = await db.select({ id: table.id }).from(table).where(where);
  if (!row) throw new AppError('NOT_FOUND', `No ${what} with that id.`, 'id');
  throw new AppError('CONFLICT', `That ${what} was already ${done}.`);
}
