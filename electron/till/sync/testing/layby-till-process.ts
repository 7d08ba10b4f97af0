import { createTillCore } from '../../core';

// A till as its own process, for a test that SIGKILLs it at random moments: it takes small
// payments on one layby through the till API and syncs every other payment, until killed.
// argv: dataDir, laybyId, username, pin. Says "ready" once signed in.
async function main(): Promise<void> {
  const [dataDir, laybyId, username, pin] = process.argv.slice(2);
  if (!dataDir || !laybyId || !username || !pin)
    throw new Error('usage: layby-till-process <dataDir> <laybyId> <username> <pin>');
  const core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
  const signedIn = await core.call('session:signIn', { username, pin });
  if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.error)}`);
  process.stdout.write('ready\n');
  for (let i = 0; ; i += 1) {
    const paid = await core.call('laybys:pay', {
      laybyId,
      tender: { amountCents: 7, currency: 'USD', method: 'CASH', reference: null },
      approval: null,
    });
    if (!paid.ok) throw new Error(`payment failed: ${JSON.stringify(paid.error)}`);
    if (i % 2 === 1) await core.call('sync:now', {});
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
