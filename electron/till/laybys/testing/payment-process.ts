import { openTillDb } from '../../../../db/till/connect';
import type { StaffMember } from '../../../../shared/contract/common';
import { readScope } from '../../customers/scope';
import { takePayment } from '../pay';

// A till taking one-cent layby payments as fast as it can, for a test that kills it with
// SIGKILL (a power cut) mid-payment. argv: database path, layby id, staff JSON (a supervisor,
// so a cent below the instalment needs no approval). Says "ready" once the database is open.
async function main(): Promise<void> {
  const [path, laybyId, staffJson] = process.argv.slice(2);
  if (!path || !laybyId || !staffJson)
    throw new Error('usage: payment-process <db> <layby> <staff>');
  const staff = JSON.parse(staffJson) as StaffMember;
  const { db } = openTillDb(path);
  process.stdout.write('ready\n');
  for (;;) {
    await takePayment(
      db,
      {
        laybyId,
        tender: { amountCents: 1, currency: 'USD', method: 'CASH', reference: null },
        approval: null,
      },
      { staff, scope: readScope(db), now: new Date() },
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
