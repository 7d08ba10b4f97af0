import { eq, isNull, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import { users } from '../../db/central/schema';
import type { BootstrapResponse } from '../../shared/contract/server-api';
import { requireTill } from '../auth/principal';
import { loadDivision } from './division-view';

// What a till needs before anyone can sign in: its division and the staff allowed there
// (the division's own staff and head office), with PIN hashes so sign-in works offline.
export function syncBootstrapRoutes(app: FastifyInstance, db: CentralDb): void {
  app.get('/api/sync/bootstrap', async (request, reply) => {
    const till = requireTill(request.principal);
    const division = await loadDivision(db, till.businessId);
    const staff = await db
      .select({
        id: users.id,
        username: users.username,
        fullName: users.fullName,
        role: users.role,
        businessId: users.businessId,
        pinHash: users.pinHash,
        isActive: users.isActive,
      })
      .from(users)
      .where(or(eq(users.businessId, till.businessId), isNull(users.businessId)));
    const body: BootstrapResponse = { division, staff };
    return reply.send(body);
  });
}
