import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import { staffSessions, tills, users } from '../../db/central/schema';
import { AppError } from '../../shared/contract/result';
import { WAITING_HEADER } from '../../shared/contract/sync/protocol';
import type { Principal } from './principal';
import { hashToken, tokenKind } from './tokens';

// Routes anyone may call. Everything else needs a bearer token: a staff session or a till's
// device credential. An unknown or revoked token is a 401, never a silent anonymous request.
const PUBLIC_ROUTES = new Set([
  'GET /health',
  'POST /api/auth/login',
  'POST /api/tills/enroll',
  'GET /openapi.json',
]);

export function installAuthentication(
  app: FastifyInstance,
  db: CentralDb,
  clock: () => Date,
): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    if (PUBLIC_ROUTES.has(route)) return;
    request.principal = await resolvePrincipal(request, db, clock());
  });
}

async function resolvePrincipal(
  request: FastifyRequest,
  db: CentralDb,
  now: Date,
): Promise<Principal> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  const kind = tokenKind(token);
  if (!kind) throw new AppError('UNAUTHENTICATED', 'Missing or malformed credential.');
  const tokenHash = hashToken(token);
  if (kind === 'device') {
    // Found and marked seen in one statement: every sync call passes through here.
    const waiting = waitingOf(request.headers[WAITING_HEADER]);
    const [till] = await db
      .update(tills)
      .set({
        lastSeenAt: now.toISOString(),
        ...(waiting === null ? {} : { waitingMutations: waiting }),
      })
      .where(and(eq(tills.tokenHash, tokenHash), isNull(tills.revokedAt)))
      .returning({ id: tills.id, businessId: tills.businessId, name: tills.name });
    if (!till) throw new AppError('UNAUTHENTICATED', 'Unknown or revoked till credential.');
    return { kind: 'till', tillId: till.id, businessId: till.businessId, name: till.name };
  }
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      role: users.role,
      businessId: users.businessId,
    })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.tokenHash, tokenHash),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now.toISOString()),
        eq(users.isActive, true),
      ),
    );
  if (!row) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
  return { kind: 'staff', ...row };
}

/** The till's outbox length from its header; null when absent or not a count (kept as was). */
function waitingOf(header: string | string[] | undefined): number | null {
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}
