import { sql } from 'drizzle-orm';
import { openCentralDb } from '../../db/central/connect';
import { buildApp } from '../../sync-server/app';

// The sync server as the benchmark runs it: its own process on 127.0.0.1, so the load
// generator does not share its event loop. It adds one route, the naive search a first
// version would write (ILIKE '%…%' on every identifier), as the baseline.

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const central = await openCentralDb({ databaseUrl });
const app = buildApp({ central, logLevel: 'warn' });

app.get('/bench/naive-search', async (request, reply) => {
  if (!request.principal) return reply.status(401).send();
  const { q } = request.query as { q?: unknown };
  const pattern = `%${typeof q === 'string' ? q : ''}%`;
  const result = await central.db.execute(sql`
    select id, customer_number, full_name, primary_phone, count(*) over () as total
    from universal_customers
    where deleted_at is null and merged_into_id is null and (
      full_name ilike ${pattern} or customer_number ilike ${pattern} or primary_phone ilike ${pattern}
      or national_id ilike ${pattern} or primary_email ilike ${pattern})
    order by created_at desc limit 20`);
  const rows = (result as { rows?: { total: string }[] }).rows ?? [];
  return reply.send({ items: rows, total: Number(rows[0]?.total ?? 0) });
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
const stop = async () => {
  await app.close();
  await central.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
