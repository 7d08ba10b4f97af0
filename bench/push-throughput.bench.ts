import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import type { CentralDb } from '../db/central/connect';
import {
  businesses,
  customerDivisionAccounts,
  universalCustomers,
  users,
} from '../db/central/schema';
import { createTestCentralDb } from '../db/testing/pg';
import { mutationPayloads, type MutationName } from '../shared/contract/sync/mutations';
import {
  MAX_PUSH_BATCH,
  type MutationEnvelope,
  type PushResponse,
} from '../shared/contract/sync/protocol';
import { DEFAULT_LAYBY_RULES } from '../shared/domain/layby/rules';
import { itemsTotalCents, type LaybyItem } from '../shared/domain/layby/records';
import { quoteLayby } from '../shared/domain/layby/schedule';
import { uuidv7 } from '../shared/ids';
import { waitForHttp } from '../scripts/lib/processes';
import { seedDemo } from '../sync-server/demo/seed';
import { enrollTestTill } from '../sync-server/sync/testing/sync-fixture';
import { rowsOf } from '../sync-server/sync/push-bulk';
import { summarise } from './lib/stats';

// Push throughput (issue 4): 20 enrolled tills push their outboxes at once over HTTP to one
// sync server process on 127.0.0.1, against a fresh PostgreSQL database. Every mutation goes
// through the whole protocol: auth, envelope and payload validation, the change-sequence
// lock, the real appliers, the idempotency record, the till's cursor. Each till pushes
// note.add with a share of customer.update (its own customers' city) and layby.pay (on
// laybys it opened, untimed, before the clock starts). The raw baseline, in the same run,
// writes the rows a note.add leaves (note, audit row, idempotency record) for as many
// mutations, with plain multi-row INSERTs of 500 through `pg`, one transaction per 500, no
// protocol. Target: ≥ 10,000 mutations/s applied.
//
// The server runs in its own process (sync-server/main.ts, as in production): the load
// generator's JSON and HTTP work would otherwise share the server's one event loop and the
// figure would measure both. Request bodies are built before the clock starts. The load
// average and the CPU time the server and its PostgreSQL backends used are printed too: on a
// shared machine they say how much of it the run had.
//
// BENCH_TILLS, BENCH_PER_TILL, BENCH_BATCH, BENCH_UPDATE_PCT and BENCH_PAY_PCT (the mix; the
// rest is note.add), BENCH_CUSTOMERS; BENCH_SERVER_NODE_ARGS='--cpu-prof' profiles the server.

const TILLS = Number(process.env.BENCH_TILLS ?? 20);
const PER_TILL = Number(process.env.BENCH_PER_TILL ?? 5_000);
const BATCH = Math.min(MAX_PUSH_BATCH, Number(process.env.BENCH_BATCH ?? MAX_PUSH_BATCH));
// The mix, in percent of mutations: the rest are note.add.
const UPDATE_PCT = Number(process.env.BENCH_UPDATE_PCT ?? 1);
const PAY_PCT = Number(process.env.BENCH_PAY_PCT ?? 1);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const LAYBYS_PER_TILL = 10;
const TARGET_PER_SECOND = 10_000;

const START = new Date().toISOString().slice(0, 10);
const ITEMS: LaybyItem[] = [
  {
    productId: null,
    sku: 'DRS-01',
    description: 'Evening dress',
    quantityMilli: 1000,
    unitPriceCents: 80_000,
  },
  {
    productId: null,
    sku: 'SHO-02',
    description: 'Heels',
    quantityMilli: 1000,
    unitPriceCents: 20_000,
  },
];
const CITIES = [
  'Harare',
  'Bulawayo',
  'Mutare',
  'Gweru',
  'Kwekwe',
  'Kadoma',
  'Masvingo',
  'Chinhoyi',
];

type World = {
  divisionId: string;
  cashierId: string;
  /** Customers with a clothing account: notes name the account now and then. */
  owners: { customerId: string; accountId: string }[];
  /** Every customer, for notes. */
  customerIds: string[];
  cities: Map<string, string | null>;
};

/** One till's outbox, as the till builds it: payloads checked by the shared schemas. */
class Outbox {
  readonly envelopes: MutationEnvelope[] = [];
  constructor(readonly index: number) {}
  add(name: MutationName, payload: Record<string, unknown>): void {
    const checked = mutationPayloads[name].safeParse(payload);
    if (!checked.success) throw new Error(`${name}: ${checked.error.message}`);
    this.envelopes.push({
      id: uuidv7(),
      seq: this.envelopes.length + 1,
      name,
      payload,
      createdAt: new Date().toISOString(),
      hlc: null,
    });
  }
}

async function loadWorld(db: CentralDb): Promise<World> {
  const [division] = await db.select().from(businesses).where(eq(businesses.code, 'CLO'));
  const [cashier] = await db.select().from(users).where(eq(users.username, 'clo.cashier'));
  if (!division || !cashier) throw new Error('demo data has no CLO division or cashier');
  const owners = await db
    .select({
      customerId: customerDivisionAccounts.universalCustomerId,
      accountId: customerDivisionAccounts.id,
    })
    .from(customerDivisionAccounts)
    .where(
      and(
        eq(customerDivisionAccounts.businessId, division.id),
        eq(customerDivisionAccounts.status, 'ACTIVE'),
        eq(customerDivisionAccounts.allowLayby, true),
      ),
    );
  const customers = await db
    .select({ id: universalCustomers.id, city: universalCustomers.city })
    .from(universalCustomers);
  return {
    divisionId: division.id,
    cashierId: cashier.id,
    owners,
    customerIds: customers.map((c) => c.id),
    cities: new Map(customers.map((c) => [c.id, c.city])),
  };
}

let receipts = 0;

function laybyCreate(world: World, owner: World['owners'][number], till: number) {
  const rules = DEFAULT_LAYBY_RULES.CLO;
  const plan = { frequency: 'MONTHLY' as const, instalments: 3, intervalDays: null };
  const quoted = quoteLayby(rules, {
    itemsTotalCents: itemsTotalCents(ITEMS),
    depositCents: 20_000,
    frequency: plan.frequency,
    instalments: plan.instalments,
    startDate: START,
  });
  if (!quoted.ok) throw new Error(`quote refused: ${quoted.message}`);
  receipts += 1;
  return {
    id: uuidv7(),
    laybyNumber: `LAY-CLO-B${till}-${receipts}`,
    universalCustomerId: owner.customerId,
    divisionAccountId: owner.accountId,
    currency: 'USD',
    items: ITEMS,
    plan,
    startDate: START,
    depositCents: 20_000,
    rules,
    totalAmountCents: quoted.quote.itemsTotalCents,
    serviceFeeCents: quoted.quote.serviceFeeCents,
    administrationFeeCents: quoted.quote.administrationFeeCents,
    schedule: quoted.quote.schedule,
    serviceFeeId: quoted.quote.serviceFeeCents > 0 ? uuidv7() : null,
    administrationFeeId: quoted.quote.administrationFeeCents > 0 ? uuidv7() : null,
    notes: null,
    actorUserId: world.cashierId,
    createdAt: new Date().toISOString(),
  };
}

function laybyPay(world: World, laybyId: string, amountCents: number, till: number) {
  receipts += 1;
  return {
    id: uuidv7(),
    laybyId,
    receiptNumber: `CLO-RCT-B${till}-${receipts}`,
    amountCents,
    currency: 'USD',
    method: receipts % 3 === 0 ? 'CARD' : 'CASH',
    reference: null,
    tendered: null,
    approvedBy: null,
    actorUserId: world.cashierId,
    paidAt: new Date().toISOString(),
  };
}

function noteAdd(world: World, n: number) {
  const owner = n % 4 === 0 ? world.owners[n % world.owners.length] : undefined;
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    universalCustomerId:
      owner?.customerId ?? world.customerIds[(n * 7919) % world.customerIds.length]!,
    divisionAccountId: owner?.accountId ?? null,
    businessId: world.divisionId,
    createdBy: world.cashierId,
    createdAt: now,
    updatedAt: now,
    noteType: n % 5 === 0 ? 'FOLLOW_UP' : 'GENERAL',
    subject: n % 3 === 0 ? null : `Visit ${n}`,
    content: `Asked about the new season's stock; prefers to be called after 17:00. Ref ${n}.`,
    priority: n % 7 === 0 ? 'HIGH' : 'NORMAL',
    isPrivate: false,
    isAlert: false,
  };
}

/** A till's outbox: layby openings (pushed before the clock starts), then the timed mix. */
function buildOutbox(world: World, till: number) {
  const outbox = new Outbox(till);
  const mine = world.owners.filter((_, i) => i % TILLS === till).slice(0, LAYBYS_PER_TILL);
  const laybyIds: string[] = [];
  for (const owner of mine) {
    const create = laybyCreate(world, owner, till);
    outbox.add('layby.create', create);
    outbox.add('layby.pay', laybyPay(world, create.id, create.depositCents, till));
    laybyIds.push(create.id);
  }
  const setup = outbox.envelopes.length;
  // Each till edits its own customers (a till edits who is at its counter), each edit from
  // the value the till last saw.
  const edited = world.customerIds.filter((_, i) => i % TILLS === till).slice(0, 50);
  const seen = new Map(edited.map((id) => [id, world.cities.get(id) ?? null]));
  for (let n = 0; n < PER_TILL; n += 1) {
    const roll = (n * 37 + till * 11) % 100;
    if (roll < PAY_PCT && laybyIds.length > 0) {
      outbox.add(
        'layby.pay',
        laybyPay(world, laybyIds[n % laybyIds.length]!, 100 + (n % 50), till),
      );
    } else if (roll < PAY_PCT + UPDATE_PCT && edited.length > 0) {
      const id = edited[n % edited.length]!;
      const from = seen.get(id) ?? null;
      const to = CITIES[(n + till) % CITIES.length]!;
      const city = to === from ? `${to} Central` : to;
      seen.set(id, city);
      outbox.add('customer.update', {
        id,
        actorUserId: world.cashierId,
        changes: { city: { from, to: city } },
      });
    } else {
      outbox.add('note.add', noteAdd(world, till * PER_TILL + n));
    }
  }
  return { envelopes: outbox.envelopes, setup };
}

const batchesOf = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

async function push(url: string, token: string, body: string): Promise<PushResponse> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  if (!response.ok) throw new Error(`push answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as PushResponse;
}

type TillRun = { latencies: number[]; statuses: Record<string, number> };

async function runTill(
  url: string,
  token: string,
  bodies: { body: string; lastSeq: number }[],
): Promise<TillRun> {
  const run: TillRun = { latencies: [], statuses: {} };
  for (const { body, lastSeq } of bodies) {
    const started = performance.now();
    const answer = await push(url, token, body);
    run.latencies.push(performance.now() - started);
    if (answer.lastAppliedSeq !== lastSeq)
      throw new Error(`push stopped at ${answer.lastAppliedSeq}, expected ${lastSeq}`);
    for (const r of answer.results) run.statuses[r.status] = (run.statuses[r.status] ?? 0) + 1;
  }
  return run;
}

/** The rows a note.add leaves, written flat out on one connection with no protocol. */
async function rawBaseline(databaseUrl: string, world: World, tillId: string, total: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!
    .pid;
  const notes = Array.from({ length: total }, (_, n) => noteAdd(world, n));
  const pgBefore = cpuSeconds(backend);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  for (const batch of batchesOf(notes, BATCH)) {
    await client.query('begin');
    const noteCols = 14;
    await client.query(
      `insert into customer_notes (id, universal_customer_id, division_account_id, business_id,
        note_type, subject, content, priority, is_private, is_alert, created_by, created_at,
        updated_at, origin_till_id, server_seq) values ${batch
          .map((_, i) => {
            const b = i * noteCols;
            return `(${Array.from({ length: noteCols }, (_, c) => `$${b + c + 1}`).join(', ')}, nextval('server_change_seq'))`;
          })
          .join(', ')}`,
      batch.flatMap((n) => [
        n.id,
        n.universalCustomerId,
        n.divisionAccountId,
        n.businessId,
        n.noteType,
        n.subject,
        n.content,
        n.priority,
        n.isPrivate,
        n.isAlert,
        n.createdBy,
        n.createdAt,
        n.updatedAt,
        tillId,
      ]),
    );
    await client.query(
      `insert into audit_log (id, entity_type, entity_id, action, actor_user_id, till_id,
        business_id, after) values ${batch
          .map(
            (_, i) =>
              `($${i * 8 + 1}, $${i * 8 + 2}, $${i * 8 + 3}, $${i * 8 + 4}, $${i * 8 + 5}, $${i * 8 + 6}, $${i * 8 + 7}, $${i * 8 + 8})`,
          )
          .join(', ')}`,
      batch.flatMap((n) => [
        uuidv7(),
        'customer_note',
        n.id,
        'note.add',
        n.createdBy,
        tillId,
        world.divisionId,
        JSON.stringify(n),
      ]),
    );
    await client.query(
      `insert into processed_mutations (till_id, mutation_id, seq, name, payload_hash, result)
       values ${batch
         .map(
           (_, i) =>
             `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
         )
         .join(', ')}`,
      batch.flatMap((n, i) => [
        tillId,
        n.id,
        i + 1,
        'note.add',
        'x'.repeat(64),
        JSON.stringify({ id: n.id, seq: i + 1, status: 'applied', result: { noteId: n.id } }),
      ]),
    );
    await client.query('commit');
  }
  const ms = performance.now() - started;
  const clientCpu = process.cpuUsage(clientBefore);
  const cpu = {
    pg: cpuSeconds(backend) - pgBefore,
    client: (clientCpu.user + clientCpu.system) / 1e6,
  };
  await client.end();
  return { ms, cpu };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 if gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function backendPids(db: CentralDb): Promise<number[]> {
  const result = await db.execute(
    sql`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rowsOf<{ pid: number }>(result).map((r) => r.pid);
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  console.log(`load average before: ${load()} on ${cpus().length} CPUs`);
  const database = await createTestCentralDb();
  if (!database.databaseUrl)
    throw new Error('push-throughput bench needs a real PostgreSQL (TEST_DATABASE_URL)');
  let server: ChildProcess | null = null;
  let failed = false;
  try {
    const db = database.handle.db;
    await seedDemo(db, { customers: CUSTOMERS });
    const world = await loadWorld(db);
    const tills = [];
    for (let i = 0; i < TILLS; i += 1)
      tills.push(await enrollTestTill(db, world.divisionId, `Bench till ${i + 1}`));
    const outboxes = tills.map((_, i) => buildOutbox(world, i));
    const total = outboxes.reduce((sum, o) => sum + o.envelopes.length - o.setup, 0);
    const mix: Record<string, number> = {};
    for (const o of outboxes)
      for (const e of o.envelopes.slice(o.setup)) mix[e.name] = (mix[e.name] ?? 0) + 1;

    const baselineTill = await enrollTestTill(db, world.divisionId, 'Baseline');
    const raw = await rawBaseline(database.databaseUrl, world, baselineTill.tillId, total);
    const rawMs = raw.ms;

    const port = String(44_000 + Math.floor(Math.random() * 1_000));
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'sync-server/main.ts'], {
      env: {
        ...process.env,
        PORT: port,
        DATABASE_URL: database.databaseUrl,
        DEMO_DATA: 'off',
        LOG_LEVEL: 'warn',
        LAYBY_LATE_FEE_JOB: 'off',
      },
      stdio: 'inherit',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 60_000);

    const body = (envelopes: MutationEnvelope[]) => ({
      body: JSON.stringify({ mutations: envelopes }),
      lastSeq: envelopes.at(-1)!.seq,
    });
    // Untimed: each till opens its laybys (with their deposits), which warms the server too.
    await Promise.all(
      tills.map((till, i) =>
        runTill(url, till.token, [body(outboxes[i]!.envelopes.slice(0, outboxes[i]!.setup))]),
      ),
    );
    const requests = outboxes.map((o) => batchesOf(o.envelopes.slice(o.setup), BATCH).map(body));

    console.log(`load average at start: ${load()}`);
    const pids = await backendPids(db);
    const pgBefore = new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
    const serverBefore = cpuSeconds(server.pid!);
    const started = performance.now();
    const runs = await Promise.all(tills.map((till, i) => runTill(url, till.token, requests[i]!)));
    const pushMs = performance.now() - started;
    const serverCpu = cpuSeconds(server.pid!) - serverBefore;
    let pgCpu = 0;
    for (const pid of new Set([...pids, ...(await backendPids(db))]))
      pgCpu += cpuSeconds(pid) - (pgBefore.get(pid) ?? 0);

    const [applied] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from processed_mutations where till_id in ${tills.map((t) => t.tillId)}`,
      ),
    );
    const setupCount = outboxes.reduce((sum, o) => sum + o.setup, 0);
    if (applied?.n !== total + setupCount)
      throw new Error(`server recorded ${applied?.n} mutations, expected ${total + setupCount}`);
    const latency = summarise(runs.flatMap((r) => r.latencies));
    const statuses: Record<string, number> = {};
    for (const r of runs)
      for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;

    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
    const fmt = (n: number) => n.toLocaleString('en-US');
    console.log(
      `mix          : ${Object.entries(mix)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}; ${TILLS} tills × ${fmt(PER_TILL)} in batches of ${BATCH}`,
    );
    console.log(
      `raw baseline : ${fmt(total)} note rows (+ audit + idempotency rows) in ${(rawMs / 1000).toFixed(1)} s = ${fmt(rate(total, rawMs))} rows/s (multi-row INSERT ×${BATCH}, one connection)`,
    );
    console.log(
      `unitill push : ${fmt(total)} mutations in ${(pushMs / 1000).toFixed(1)} s = ${fmt(rate(total, pushMs))} mutations/s applied (${Object.entries(
        statuses,
      )
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')})`,
    );
    console.log(
      `batch latency: p50 ${latency.p50.toFixed(0)} ms, p95 ${latency.p95.toFixed(0)} ms, max ${latency.max.toFixed(0)} ms over ${latency.n} batches`,
    );
    const perK = (seconds: number) => `${((seconds * 1000 * 1000) / total).toFixed(0)} ms`;
    console.log(
      `CPU per 1,000: push: server process ${perK(serverCpu)}, PostgreSQL backends ${perK(pgCpu)}; baseline: PostgreSQL ${perK(raw.cpu.pg)}, client ${perK(raw.cpu.client)}`,
    );
    const perSecond = rate(total, pushMs);
    failed = perSecond < TARGET_PER_SECOND;
    console.log(
      `ratio        : push at ${(rawMs / pushMs).toFixed(2)}x the baseline's rate; target ≥ ${fmt(TARGET_PER_SECOND)}/s: ${failed ? 'MISSED' : 'met'}`,
    );
    console.log(`load average after: ${load()}`);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.drop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
