import { eq } from 'drizzle-orm';
import { customerNotes } from '../../../../db/till/schema';
import { writeNote } from './note-writer';
import { inTill, type SyncHarness, type Till } from './sync-harness';

// Tests and benches only: how long a change made at one till takes to show at another, with
// nobody pressing "sync now" — live sync alone (push on write, long-poll on the other side).

export async function timeToVisible(
  h: SyncHarness,
  from: Till,
  to: Till,
  content: string,
  timeoutMs = 10_000,
): Promise<number> {
  const author = {
    customerId: h.fixture.customerIds[0]!,
    businessId: h.fixture.division.id,
    staffId: h.fixture.cashier.id,
  };
  const started = performance.now();
  const id = writeNote(from.file, author, content);
  for (;;) {
    const seen = inTill(to, (db) =>
      db.select({ id: customerNotes.id }).from(customerNotes).where(eq(customerNotes.id, id)).get(),
    );
    const elapsed = performance.now() - started;
    if (seen) return elapsed;
    if (elapsed > timeoutMs)
      throw new Error(`"${content}" did not reach the other till in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
