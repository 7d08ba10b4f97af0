import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { CentralHandle } from '../../db/central/connect';
import { Health, PROTOCOL_VERSION } from '../../shared/contract/server-api';
import type { z } from 'zod';

export function healthRoutes(
  app: FastifyInstance,
  central: CentralHandle,
  clock: () => Date,
): void {
  app.get('/health', async (_request, reply) => {
    // Touch the database so a load balancer stops sending tills to a server that lost it.
    await central.db.execute(sql`select 1`);
    const body: z.infer<typeof Health> = {
      status: 'ok',
      database: central.kind,
      protocolVersion: PROTOCOL_VERSION,
      time: clock().toISOString(),
    };
    return reply.send(body);
  });
}
