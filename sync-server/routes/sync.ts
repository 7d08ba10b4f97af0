import type { FastifyInstance } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import { tillCursors } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { PROTOCOL_VERSION } from '../../shared/contract/server-api';
import { LeaseRequest, PullQuery, PushRequest } from '../../shared/contract/sync/protocol';
import { requireTill } from '../auth/principal';
import { parseBody } from '../http/parse';
import { appliers } from '../sync/applier-registry';
import { leaseNextBlock } from '../sync/number-leases';
import { createPageAhead, pullPageJson } from '../sync/pull';
import { applyPush } from '../sync/push';
import { readHorizon } from '../sync/tombstones';

// The oldest till protocol this server still speaks: the current one and the two before it.
export const MIN_PROTOCOL_VERSION = Math.max(1, PROTOCOL_VERSION - 2);
const PROTOCOL_HEADER = 'x-unitill-protocol';

const LONG_POLL_EVERY_MS = 500;

export function syncRoutes(app: FastifyInstance, db: CentralDb, clock: () => Date): void {
  // Every sync call says which protocol the till speaks; an old till gets a clear answer
  // instead of a payload it would misread.
  app.addHook('preHandler', (request, _reply, done) => {
    done(
      request.url.startsWith('/api/sync/')
        ? protocolError(request.headers[PROTOCOL_HEADER])
        : undefined,
    );
  });

  app.post('/api/sync/hello', async (request, reply) => {
    const till = requireTill(request.principal);
    return reply.send({
      tillId: till.tillId,
      serverTime: clock().toISOString(),
      protocolVersion: PROTOCOL_VERSION,
      minProtocolVersion: MIN_PROTOCOL_VERSION,
    });
  });

  app.post('/api/sync/push', async (request, reply) => {
    const till = requireTill(request.principal);
    const { mutations } = parseBody(PushRequest, request.body);
    const response = await applyPush(db, till, mutations, appliers, clock());
    request.log.info(
      { tillId: till.tillId, received: mutations.length, lastAppliedSeq: response.lastAppliedSeq },
      'push',
    );
    return reply.send(response);
  });

  const pagesAhead = createPageAhead();
  app.get('/api/sync/pull', async (request, reply) => {
    const till = requireTill(request.principal);
    const { after, limit, wait, shape } = parseBody(PullQuery, request.query);
    // Below the horizon a purged deletion may be missing from the pages: start again.
    if (after > 0 && after < (await readHorizon(db))) {
      throw new AppError(
        'RESYNC_REQUIRED',
        'This till was away longer than the tombstone window: it downloads its data again.',
      );
    }
    // Asking from `after` means the till has stored everything up to it: its progress.
    const progress = { lastPulledServerSeq: after, lastPullAt: clock().toISOString() };
    let [, page] = await Promise.all([
      db
        .insert(tillCursors)
        .values({ tillId: till.tillId, ...progress })
        .onConflictDoUpdate({ target: tillCursors.tillId, set: progress }),
      // The page arrives as JSON text built by PostgreSQL; it is sent as it is.
      pagesAhead.page(db, till, after, limit, shape),
    ]);
    // A long-poll: hold an empty answer until something this till may see has committed,
    // asking again every half second. (Watching the sequence instead would miss a commit
    // whose stamps were drawn before we looked; an empty page query is a few index probes.)
    const deadline = Date.now() + wait * 1000;
    while (page.changes === 0 && Date.now() < deadline && !request.raw.destroyed) {
      await new Promise((resolve) => setTimeout(resolve, LONG_POLL_EVERY_MS));
      page = await pullPageJson(db, till, after, limit, shape);
    }
    return reply.type('application/json; charset=utf-8').send(page.body);
  });

  app.post('/api/sync/lease', async (request, reply) => {
    const till = requireTill(request.principal);
    const { series, divisionScoped } = parseBody(LeaseRequest, request.body);
    const block = await db.transaction((tx) =>
      leaseNextBlock(tx, {
        series,
        businessId: divisionScoped ? till.businessId : null,
        tillId: till.tillId,
      }),
    );
    return reply.status(201).send(block);
  });
}

/** Why a till speaking this protocol version cannot be served, or undefined when it can. */
export function protocolError(header: string | string[] | undefined): AppError | undefined {
  const version = Number(header ?? PROTOCOL_VERSION);
  if (!Number.isInteger(version) || version < MIN_PROTOCOL_VERSION) {
    return new AppError(
      'UPGRADE_REQUIRED',
      `This till speaks sync protocol ${String(header)}; the server needs ${MIN_PROTOCOL_VERSION} or newer. Update this till.`,
    );
  }
  if (version > PROTOCOL_VERSION) {
    return new AppError(
      'UPGRADE_REQUIRED',
      `This till is newer (protocol ${version}) than the server (${PROTOCOL_VERSION}). Update the server.`,
    );
  }
  return undefined;
}
