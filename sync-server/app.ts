import Fastify, { type FastifyInstance } from 'fastify';
import type { CentralHandle } from '../db/central/connect';
import { installAuthentication } from './auth/authenticate';
import { customerRoutes } from './customers/routes/index';
import { installErrorHandler } from './http/errors';
import { installSyncCompression } from './http/compression';
import { installOverloadGuard } from './http/overload';
import { SERVER_TIME_HEADER } from '../shared/contract/sync/protocol';
import { laybyOfficeRoutes } from './laybys/report/routes';
import { laybyRoutes } from './laybys/routes/index';
import { createApiDocs } from './openapi/api-route';
import { openApiRoutes } from './openapi/routes';
import { divisionRoutes } from './routes/divisions';
import { enrollmentRoutes } from './routes/enrollment';
import { healthRoutes } from './routes/health';
import { staffLoginRoutes } from './routes/staff-login';
import { headOfficeSyncRoutes } from './routes/head-office-sync';
import { syncRoutes } from './routes/sync';
import { syncBootstrapRoutes } from './routes/sync-bootstrap';

export type AppOptions = {
  central: CentralHandle;
  clock?: () => Date;
  /** pino level; tests pass 'silent'. */
  logLevel?: string;
  /** Sync calls in progress at once before tills are told to come back later (429). */
  maxSyncInFlight?: number;
};

// The server is stateless: everything lives in PostgreSQL, so several can run behind a load
// balancer. Tests call this app directly (app.inject) without a listening port.
export function buildApp({
  central,
  clock = () => new Date(),
  logLevel = 'info',
  maxSyncInFlight = 64,
}: AppOptions): FastifyInstance {
  const app = Fastify({
    logger: { level: logLevel, redact: ['req.headers.authorization'] },
    bodyLimit: 5 * 1024 * 1024,
  });
  installErrorHandler(app);
  installSyncCompression(app, { prefix: '/api/sync/', minBytes: 16 * 1024 });
  installOverloadGuard(app, {
    prefix: '/api/sync/',
    maxInFlight: maxSyncInFlight,
    retryAfterSeconds: 5,
  });
  // Tills measure their clock's offset from this (shared/domain/sync/hlc).
  app.addHook('onSend', async (_request, reply) => {
    reply.header(SERVER_TIME_HEADER, String(clock().getTime()));
  });
  installAuthentication(app, central.db, clock);
  healthRoutes(app, central, clock);
  staffLoginRoutes(app, central.db, clock);
  enrollmentRoutes(app, central.db, clock);
  syncBootstrapRoutes(app, central.db);
  divisionRoutes(app, central.db);
  syncRoutes(app, central.db, clock);
  // Head-office REST API, described at GET /openapi.json from the same zod schemas.
  const docs = createApiDocs();
  customerRoutes(app, { db: central.db, clock, docs });
  laybyOfficeRoutes(app, { db: central.db, clock, docs });
  laybyRoutes(app, { db: central.db, clock, docs });
  headOfficeSyncRoutes(app, { db: central.db, clock, docs });
  openApiRoutes(app, docs);
  return app;
}
