import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTillDb } from '../db/till/connect';
import { createCustomer } from '../electron/till/customers/create';
import { statementCache } from '../electron/till/customers/hit-sql';
import { readScope } from '../electron/till/customers/scope';
import { searchCustomers } from '../electron/till/customers/search';
import { CustomerCreateInput } from '../shared/domain/customers/validate';
import { ms, summarise, timeEach } from './lib/stats';
import { tillDataset, workingCopy } from './lib/till-dataset';
import { queryKinds } from './lib/till-queries';

// Customer lookup at the till over a million local customers: p50/p95 per kind of query
// beside a naive LIKE '%…%' scan, and creating a customer (row + audit + outbox, one
// transaction, synchronous=FULL). Targets: lookup p95 ≤ 10 ms, create p95 ≤ 5 ms.

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const PER_KIND = 300;
const BASELINE_RUNS = 8;
// The first ten creates (JIT warm-up of a till that has just started) are not timed.
const CREATES = 300;
const LOOKUP_P95_MS = 10;
const CREATE_P95_MS = 5;

const dataset = await tillDataset(CUSTOMERS);
console.log(
  dataset.built
    ? `Built ${CUSTOMERS.toLocaleString()} customers in ${(dataset.buildMs / 1000).toFixed(1)} s → ${dataset.file}`
    : `Using cached ${dataset.file}`,
);
const dir = mkdtempSync(join(tmpdir(), 'unitill-bench-'));
const handle = openTillDb(workingCopy(dataset, dir));
const statements = statementCache(handle.sqlite);
const { businessId } = readScope(handle.db);
let failed = false;

console.log(`\nLookup over ${CUSTOMERS.toLocaleString()} customers (ms)`);
console.log(`${'query kind'.padEnd(34)}     p50      p95   misses | LIKE p50 LIKE p95   p95 ×`);
for (const kind of queryKinds(handle.sqlite, PER_KIND)) {
  let misses = 0;
  const samples = timeEach(kind.queries, (q) => {
    if (searchCustomers(statements, q, businessId).hits.length === 0) misses += 1;
  });
  const indexed = summarise(samples);
  const naive = summarise(timeEach(kind.queries.slice(0, BASELINE_RUNS), kind.baseline, 1));
  const ok = indexed.p95 <= LOOKUP_P95_MS;
  failed ||= !ok;
  console.log(
    `${kind.label.padEnd(34)}${ms(indexed.p50)} ${ms(indexed.p95)} ${String(misses).padStart(8)} | ${ms(naive.p50)} ${ms(naive.p95)} ${(naive.p95 / indexed.p95).toFixed(0).padStart(7)}${ok ? '' : '  ✗ over target'}`,
  );
}

const actor = {
  staff: {
    id: dataset.seeded.staff.CASHIER.id,
    username: 'clo.cashier',
    fullName: 'Bench',
    role: 'CASHIER' as const,
    businessId,
  },
  scope: readScope(handle.db),
  now: new Date(),
};
const inputs = Array.from({ length: CREATES }, (_, i) =>
  CustomerCreateInput.parse({
    firstName: 'Bench',
    lastName: `Customer ${i}`,
    primaryPhone: `+26377${String(9_000_000 + i).padStart(7, '0')}`,
  }),
);
// The floor under any write on this disk: one tiny committed transaction, fsync included.
const touch = handle.sqlite.prepare(
  `insert into sync_state (key, value) values ('bench.touch', ?) on conflict (key) do update set value = excluded.value`,
);
const floor = summarise(
  timeEach(inputs, () => handle.sqlite.transaction(() => touch.run(String(Math.random())))()),
);
const creates = summarise(
  timeEach(inputs, (input) => createCustomer(handle.db, input, { ...actor, now: new Date() })),
);
const createOk = creates.p95 <= CREATE_P95_MS;
failed ||= !createOk;
console.log(
  `\nBare commit of one row (this disk's fsync floor):  p50 ${ms(floor.p50)}  p95 ${ms(floor.p95)}`,
);
console.log(
  `Create customer + audit + outbox (synchronous=FULL): p50 ${ms(creates.p50)}  p95 ${ms(creates.p95)}  max ${ms(creates.max)}${createOk ? '' : '  ✗ over target'}`,
);
console.log(
  `Targets: lookup p95 ≤ ${LOOKUP_P95_MS} ms, create p95 ≤ ${CREATE_P95_MS} ms → ${failed ? 'FAILED' : 'met'}`,
);

handle.close();
rmSync(dir, { recursive: true, force: true });
if (failed) process.exitCode = 1;
