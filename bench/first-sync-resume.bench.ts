import { runFirstSyncWithKills } from '../electron/till/sync/testing/first-sync-resume';

// Issue 4's proof at full size: a first sync of 1,000,000 customers into a real till process
// that is SIGKILLed three times (at 25% and 60% of the snapshot, and while it builds its
// indexes), then left to finish; it must end with exactly the server's customers, searchable,
// with every index and trigger back. electron/till/sync/first-sync-resume.test.ts runs the same
// at 200,000 in CI. BENCH_CUSTOMERS overrides the size.
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);

async function main(): Promise<void> {
  const started = performance.now();
  const outcome = await runFirstSyncWithKills({
    customers: CUSTOMERS,
    kills: [0.25, 0.6, 'finishing'],
    log: (line) => console.log(`  ${line}`),
  });
  const failures = [
    outcome.generated === CUSTOMERS ? null : `generated ${outcome.generated}`,
    outcome.tillCustomers === outcome.serverCustomers
      ? null
      : `till holds ${outcome.tillCustomers} customers, the server ${outcome.serverCustomers}`,
    outcome.kills.every((k) => k.snapshot) ? null : 'a kill came outside the snapshot',
    outcome.changesAfterCursor === 0 && outcome.cursorRowHeld ? null : 'the till is not caught up',
    outcome.snapshotLeft === null ? null : 'the snapshot record was left behind',
    outcome.schemaDifferences.length === 0 ? null : outcome.schemaDifferences.join('; '),
    outcome.probe.found ? null : `name search did not find ${outcome.probe.name}`,
  ].filter((f): f is string => f !== null);
  console.log(
    `first sync with ${outcome.kills.length} kills: ${outcome.tillCustomers.toLocaleString('en-US')} customers on the till, ` +
      `${outcome.serverCustomers.toLocaleString('en-US')} on the server; till processes ran ${(outcome.totalSyncMs / 1000).toFixed(1)} s ` +
      `(last run ${(outcome.finalRunMs / 1000).toFixed(1)} s); whole bench ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (failures.length > 0) throw new Error(failures.join('\n'));
  console.log('resumed after every kill and ended with exactly the register: OK');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
