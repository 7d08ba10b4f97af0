import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { CentralDb } from '../../db/central/connect';
import { businesses } from '../../db/central/schema';
import { toDivision, type Division } from '../../shared/contract/common';
import { AppError } from '../../shared/contract/result';

// The group's divisions, for head-office screens (choosing where a till enrolls, filters).
export function divisionRoutes(app: FastifyInstance, db: CentralDb): void {
  app.get('/api/divisions', async (request, reply) => {
    if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    const rows = await db
      .select()
      .from(businesses)
      .where(eq(businesses.kind, 'DIVISION'))
      .orderBy(businesses.code);
    const divisions: Division[] = rows.flatMap((row) => toDivision(row) ?? []);
    return reply.send({ divisions });
  });
}
