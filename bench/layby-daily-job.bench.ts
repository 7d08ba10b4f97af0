import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { openCentralDb, type CentralDb } from '../db/central/connect';
import { businesses, users } from '../db/central/schema';
import { dropTestDatabase } from '../db/testing/pg';
import { addDays, shopDate, startOfShopDay } from '../shared/domain/layby/dates';
import { DEFAULT_LAYBY_RULES } from '../shared/domain/layby/rules';
import { uuidv7 } from '../shared/ids';
import { findCandidates } from '../sync-server/laybys/daily-job/candidates';
import { loadDivisionRules } from '../sync-server/laybys/daily-job/division-rules';
import { runLateFeeJob } from '../sync-server/laybys/daily-job/run';
import { rowsOf } from '../sync-server/laybys/daily-job/sql-rows';
import { laybyReport } from '../sync-server/laybys/report/report';
import { summarise } from './lib/stats';

// The daily late-fee job over a million laybys in a real PostgreSQL: most ACTIVE and paid to
// date, about 7 % behind by one to three instalments (some still in their grace period, some
// far enough behind to default). Timed: the job (target under 60 s), a rerun of the same day
// (must write nothing), and as the baseline one raw SQL statement doing a comparable pass over
// the same overdue rows (a flat fee inserted and the balance bumped, rolled back), so the
// figures say what the shared rules, batching and stamping cost on top of the bare writes.
// The database is created fresh and dropped at the end (BENCH_DATABASE_URL reuses one, and keeps it).

const LAYBYS = Number(process.env.BENCH_LAYBYS ?? 1_000_000);
const CUSTOMERS = Math.max(1, Math.min(50_000, Math.floor(LAYBYS / 20)));
const BATCH = Number(process.env.BENCH_BATCH ?? 2_000);
const TARGET_S = 60;
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DAY = shopDate(new Date());

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const reuse = process.env.BENCH_DATABASE_URL;
  if (reuse) return { url: reuse, drop: () => Promise.resolve() };
  const name = `unitill_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropTestDatabase(SERVER_URL, name) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perSecond = (rows: number, ms: number) =>
  `${Math.round(rows / (ms / 1000)).toLocaleString()} rows/s`;
const count = async (db: CentralDb, query: ReturnType<typeof sql>) =>
  Number(rowsOf<{ n: string }>(await db.execute(query))[0]?.n ?? 0);

/** Three divisions, one admin, customers with an account in each division: all in SQL. */
async function seedOwners(db: CentralDb): Promise<{ divisions: string[]; adminId: string }> {
  const umbrella = uuidv7();
  const divisions = [uuidv7(), uuidv7(), uuidv7()];
  await db.insert(businesses).values([
    { id: umbrella, kind: 'UMBRELLA', code: 'GRP', name: 'Bench Group' },
    ...['CLO', 'HWR', 'CON'].map((code, i) => ({
      id: divisions[i] ?? '',
      kind: 'DIVISION' as const,
      code,
      name: `Bench ${code}`,
      parentId: umbrella,
    })),
  ]);
  const adminId = uuidv7();
  await db.insert(users).values({
    id: adminId,
    username: 'admin',
    fullName: 'Admin',
    role: 'HEAD_OFFICE_ADMIN',
    pinHash: 'x',
  });
  await db.execute(sql`
    insert into universal_customers (id, customer_number, full_name, primary_phone, server_seq)
    select md5('c' || c)::uuid, 'UCST-' || lpad(c::text, 7, '0'), 'Bench Customer ' || c,
           '0772' || lpad(c::text, 6, '0'), nextval('server_change_seq')
      from generate_series(1, ${CUSTOMERS}) c`);
  await db.execute(sql`
    insert into customer_division_accounts
      (id, universal_customer_id, business_id, division_customer_number, currency, server_seq)
    select md5('a' || c || '-' || d)::uuid, md5('c' || c)::uuid,
           (${sql.raw(`array['${divisions.join("','")}']::uuid[]`)})[d + 1],
           'B-CUST-' || lpad(c::text, 7, '0'), 'USD', nextval('server_change_seq')
      from generate_series(1, ${CUSTOMERS}) c, generate_series(0, 2) d`);
  return { divisions, adminId };
}

/**
 * Laybys first..last: four instalments of 2,500 every 30 days from a start 0–119 days ago.
 * Up to date unless i falls in the 10 % behind (by 1–3 instalments, as many as have fallen
 * due); 2 % COMPLETED, 2 % CANCELLED, 2 % ON_HOLD; 5 % in ZiG; 10 % carry their own terms.
 */
async function insertLaybys(
  db: CentralDb,
  owners: { divisions: string[]; adminId: string },
  first: number,
  last: number,
): Promise<void> {
  const divisionArray = sql.raw(`array['${owners.divisions.join("','")}']::uuid[]`);
  const terms = JSON.stringify(DEFAULT_LAYBY_RULES.CLO);
  const idOf = (i: SQL) => sql`('00000000-0000-7000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
  // A bench load, not an app write: foreign-key triggers are skipped for speed (the ids are
  // made to match), in this transaction only.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
    with base as (
      select i,
             ${DAY}::date - ((i::bigint * 7919) % 120)::int as s,
             i % 3 as d,
             1 + (i % ${CUSTOMERS}) as c,
             case when i % 50 = 0 then 'COMPLETED' when i % 50 = 1 then 'CANCELLED'
                  when i % 50 = 2 then 'ON_HOLD' else 'ACTIVE' end as status
        from generate_series(${first}::int, ${last}::int) i
    ), due as (
      select *, least(3, (${DAY}::date - s) / 30) as due_count from base
    ), paid as (
      select *, case when status = 'COMPLETED' then 4
                     when (i::bigint * 31) % 100 < 10 then greatest(0, due_count - (1 + i % 3))
                     else due_count end as paid_k
        from due
    )
    insert into customer_laybys (
      id, layby_number, universal_customer_id, division_account_id, business_id, status,
      total_amount_cents, deposit_amount_cents, deposit_percent_bp, balance_remaining_cents,
      total_paid_cents, currency, installment_amount_cents, installment_frequency,
      payment_due_date, completion_due_date, schedule, terms, administration_fee_cents,
      total_fees_cents, items, created_by, server_seq)
    select ${idOf(sql`i`)},
           'LAY-B-' || lpad(i::text, 7, '0'),
           md5('c' || c)::uuid, md5('a' || c || '-' || d)::uuid, (${divisionArray})[d + 1],
           status::layby_status, 12300, 2500, 2032, 12500 - (2500 + 2500 * paid_k),
           2500 + 2500 * paid_k, case when i % 20 = 13 then 'ZWG' else 'USD' end, 2500, 'CUSTOM',
           case when paid_k < 4 then ((s + 30 * (paid_k + 1))::timestamp - interval '2 hours') at time zone 'UTC' end,
           ((s + 120)::timestamp - interval '2 hours') at time zone 'UTC',
           (select jsonb_agg(jsonb_build_object('dueDate', to_char(s + 30 * k, 'YYYY-MM-DD'), 'amountCents', 2500) order by k)
              from generate_series(1, 4) k),
           case when i % 10 = 0 then ${terms}::jsonb end,
           200, 200,
           '[{"productId":null,"sku":null,"description":"Bench coat","quantityMilli":1000,"unitPriceCents":12300}]'::jsonb,
           ${owners.adminId}::uuid, nextval('server_change_seq')
      from paid`);
    // The money rows the cached columns are sums of: the deposit and each instalment paid
    // (2,500 each), and the administration fee charged at opening.
    await tx.execute(sql`
    insert into customer_layby_payments
      (id, layby_id, business_id, receipt_number, amount_cents, currency, payment_method,
       payment_date, processed_by, server_seq)
    select md5(l.id::text || '-' || k)::uuid, l.id, l.business_id, l.layby_number || '-R' || k,
           2500, l.currency, 'CASH', l.created_at, l.created_by, nextval('server_change_seq')
      from customer_laybys l, generate_series(0, l.total_paid_cents / 2500 - 1) k
     where l.id between ${idOf(sql`${first}::int`)} and ${idOf(sql`${last}::int`)}`);
    await tx.execute(sql`
    insert into customer_layby_fees
      (id, layby_id, business_id, kind, amount_cents, currency, server_seq)
    select md5(l.id::text || '-fee')::uuid, l.id, l.business_id, 'ADMINISTRATION', 200,
           l.currency, nextval('server_change_seq')
      from customer_laybys l
     where l.id between ${idOf(sql`${first}::int`)} and ${idOf(sql`${last}::int`)}`);
  });
}

async function load(db: CentralDb): Promise<void> {
  const existing = await count(db, sql`select count(*) as n from customer_laybys`);
  if (existing >= LAYBYS) {
    console.log(`Reusing ${existing.toLocaleString()} laybys.`);
    return;
  }
  const started = performance.now();
  const owners = await seedOwners(db);
  // Two halves side by side (two cores), each its own transaction.
  const half = Math.floor(LAYBYS / 2);
  await Promise.all([
    insertLaybys(db, owners, 1, half),
    insertLaybys(db, owners, half + 1, LAYBYS),
  ]);
  await db.execute(
    sql`vacuum (analyze) customer_laybys, customer_layby_payments, customer_layby_fees, customer_division_accounts, universal_customers`,
  );
  console.log(
    `Loaded ${LAYBYS.toLocaleString()} laybys (${CUSTOMERS.toLocaleString()} customers) in ${seconds(performance.now() - started)}.`,
  );
}

/** The baseline: one statement, a flat late fee on every overdue row and the balance bumped. */
async function rawBaseline(db: CentralDb): Promise<{ rows: number; ms: number }> {
  const cutoff = startOfShopDay(addDays(DAY, -DEFAULT_LAYBY_RULES.CLO.lateFeeGraceDays));
  let result = { rows: 0, ms: 0 };
  await db
    .transaction(async (tx) => {
      const started = performance.now();
      const answer = await tx.execute(sql`
        with late as (
          select id, business_id, currency, payment_due_date from customer_laybys
           where status = 'ACTIVE' and payment_due_date < ${cutoff}::timestamptz
        ), fees as (
          insert into customer_layby_fees
            (id, layby_id, business_id, kind, amount_cents, currency, instalment_due_date, server_seq)
          select gen_random_uuid(), id, business_id, 'LATE', 100, currency,
                 ((payment_due_date at time zone 'UTC') + interval '2 hours')::date,
                 nextval('server_change_seq')
            from late
          on conflict (layby_id, instalment_due_date) where kind = 'LATE' do nothing
        )
        update customer_laybys l
           set late_fee_cents = l.late_fee_cents + 100, total_fees_cents = l.total_fees_cents + 100,
               balance_remaining_cents = l.balance_remaining_cents + 100,
               server_seq = nextval('server_change_seq')
          from late where l.id = late.id`);
      result = {
        rows: (answer as { rowCount?: number | null }).rowCount ?? 0,
        ms: performance.now() - started,
      };
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  return result;
}
class RolledBack extends Error {}

async function timeCandidates(db: CentralDb): Promise<{ n: number; ms: number }> {
  const divisions = await loadDivisionRules(db);
  const started = performance.now();
  const ids = await findCandidates(db, DAY, divisions);
  return { n: ids.length, ms: performance.now() - started };
}

const database = await freshDatabase();
let failed = false;
console.log(
  `Load average before: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs; shop day ${DAY}; batch ${BATCH.toLocaleString()} laybys`,
);
try {
  const central = await openCentralDb({ databaseUrl: database.url });
  const db = central.db;
  try {
    await load(db);
    const active = await count(
      db,
      sql`select count(*) as n from customer_laybys where status = 'ACTIVE'`,
    );
    const overdue = await count(
      db,
      sql`select count(*) as n from customer_laybys where status = 'ACTIVE' and payment_due_date < ${startOfShopDay(DAY)}::timestamptz`,
    );
    console.log(
      `${LAYBYS.toLocaleString()} laybys: ${active.toLocaleString()} ACTIVE, ${overdue.toLocaleString()} of them behind (${((overdue / LAYBYS) * 100).toFixed(1)} %).`,
    );

    const baseline = await rawBaseline(db);
    await db.execute(sql`vacuum (analyze) customer_laybys, customer_layby_fees`);
    const candidates = await timeCandidates(db);

    const batchMs: number[] = [];
    const job = await runLateFeeJob(db, {
      day: DAY,
      batchSize: BATCH,
      afterBatch: (batch) => void batchMs.push(batch.ms),
    });
    const rerun = await runLateFeeJob(db, { day: DAY, batchSize: BATCH });
    const batches = summarise(batchMs);

    console.log(`\nDaily late-fee job, ${DAY}:`);
    console.log(
      `  run          ${seconds(job.ms).padStart(9)}  ${job.candidates.toLocaleString()} laybys past grace checked, ${job.laybysChanged.toLocaleString()} changed: ${job.feesCharged.toLocaleString()} fees (${JSON.stringify(job.feesCents)} cents), ${job.defaulted.toLocaleString()} defaulted`,
    );
    console.log(
      `               ${perSecond(job.laybysChecked, job.ms)} checked, ${perSecond(LAYBYS, job.ms)} of the whole book; ${job.batches} batches, each holding the change-sequence lock p50 ${batches.p50.toFixed(0)} ms, max ${batches.max.toFixed(0)} ms`,
    );
    console.log(
      `  rerun        ${seconds(rerun.ms).padStart(9)}  ${rerun.laybysChecked.toLocaleString()} checked, ${rerun.laybysChanged} changed, ${rerun.feesCharged} fees (idempotent: ${rerun.laybysChanged === 0 && rerun.feesCharged === 0 ? 'yes' : 'NO'})`,
    );
    console.log(
      `  baseline     ${seconds(baseline.ms).padStart(9)}  one raw UPDATE … FROM + INSERT … ON CONFLICT over the ${baseline.rows.toLocaleString()} rows past 7 days' grace (rolled back): ${perSecond(baseline.rows, baseline.ms)}`,
    );
    console.log(
      `  candidates   ${seconds(candidates.ms).padStart(9)}  the pre-filter query alone (${candidates.n.toLocaleString()} ids) with the existing indexes`,
    );

    // The partial index proposed for the migration: the pre-filter becomes an index range.
    await db.execute(
      sql`create index if not exists customer_laybys_active_due_idx on customer_laybys (payment_due_date) where status = 'ACTIVE'`,
    );
    await db.execute(sql`analyze customer_laybys`);
    const indexed = await timeCandidates(db);
    console.log(
      `  candidates   ${seconds(indexed.ms).padStart(9)}  the same with a partial index on (payment_due_date) where status = 'ACTIVE' (proposal)`,
    );
    const reportStarted = performance.now();
    await laybyReport(db, { businessId: null, division: null }, DAY);
    console.log(
      `  report       ${seconds(performance.now() - reportStarted).padStart(9)}  GET /api/reports/laybys over the whole book (two aggregates)`,
    );

    const ratio = job.ms / Math.max(1, baseline.ms);
    failed = job.ms > TARGET_S * 1000 || rerun.laybysChanged > 0 || rerun.feesCharged > 0;
    console.log(
      `\nJob ${seconds(job.ms)} for ${LAYBYS.toLocaleString()} laybys (target < ${TARGET_S} s: ${job.ms > TARGET_S * 1000 ? 'MISSED' : 'met'}), ${ratio.toFixed(1)}x the raw single statement.`,
    );
  } finally {
    await central.close();
  }
} finally {
  await database.drop();
  console.log(
    `Load average after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}
process.exit(failed ? 1 : 0);
