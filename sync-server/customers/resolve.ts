import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { customerAccountRedirects, universalCustomers } from '../../db/central/schema';

// A merged customer keeps a redirect (mergedIntoId) to its survivor, and an account closed by
// a merge one to the account that absorbed it. Tills that still hold the old ids keep
// landing their work: appliers and routes resolve ids through these first.

type Reader = Pick<CentralDb, 'select'>;

// Merges flatten chains (customers merged into X are re-pointed when X is merged), so more
// than a couple of hops means a cycle, which would be a bug worth stopping on.
const MAX_HOPS = 8;

/** The live customer an id stands for: itself, or the survivor it was merged into. Null if unknown. */
export async function resolveCustomerId(tx: Reader, id: string): Promise<string | null> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const [row] = await tx
      .select({ mergedIntoId: universalCustomers.mergedIntoId })
      .from(universalCustomers)
      .where(eq(universalCustomers.id, current));
    if (!row) return null;
    if (row.mergedIntoId === null) return current;
    current = row.mergedIntoId;
  }
  throw new Error(`customer ${id}: merge redirects do not end (cycle?)`);
}

/** The account an account id stands for after merges: itself unless a merge closed it. */
export async function resolveAccountId(tx: Reader, id: string): Promise<string> {
  let current = id;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const [row] = await tx
      .select({ into: customerAccountRedirects.intoAccountId })
      .from(customerAccountRedirects)
      .where(eq(customerAccountRedirects.accountId, current));
    if (!row) return current;
    current = row.into;
  }
  throw new Error(`account ${id}: merge redirects do not end (cycle?)`);
}
