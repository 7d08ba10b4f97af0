import type { TillStatus } from '../../../../shared/contract/till-api';
import { createTillCore } from '../../core';

// A new till as its own process, for tests and benches that kill it (SIGKILL, as a power cut
// does) during its first sync: it enrolls with the one-time code if it has not yet, then syncs
// until it is caught up and exits 0. Started again after a kill, it carries on where the till
// database says it stopped. argv: dataDir, serverUrl, enrollment code.
async function main(): Promise<void> {
  const [dataDir, serverUrl, code] = process.argv.slice(2);
  if (!dataDir || !serverUrl || !code)
    throw new Error('usage: first-sync-till <dataDir> <serverUrl> <code>');
  const core = await createTillCore({ dataDir, syncIntervalMs: 3_600_000 });
  const status = async (method: 'till:status' | 'sync:now') => {
    const result = await core.call(method, {});
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as TillStatus;
  };
  if (!(await status('till:status')).enrolled) {
    const enrolled = await core.call('till:enroll', { serverUrl, code, tillName: 'First sync' });
    if (!enrolled.ok) throw new Error(`enroll: ${enrolled.error.message}`);
  }
  for (;;) {
    const now = await status('sync:now');
    if (now.lastSyncError === null && now.pull?.phase === 'done' && !now.pull.firstSync) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await core.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
