import type { TillDb } from '../../../db/till/connect';
import { tillIdentity } from '../../../db/till/schema';
import { AppError } from '../../../shared/contract/result';
import { uuidv7 } from '../../../shared/ids';
import { writeBootstrap } from '../sync/apply-bootstrap';
import { createServerClient } from '../sync/server-client';
import { readIdentity } from './till-identity';

// Exchanges a one-time code for a device credential bound to a division, then fetches the
// division and its staff so people can sign in. Nothing is written unless both succeed.
export async function enrollTill(
  db: TillDb,
  input: { serverUrl: string; code: string; tillName: string },
  now: Date,
): Promise<void> {
  if (readIdentity(db)) throw new AppError('CONFLICT', 'This till is already enrolled.');
  const tillId = uuidv7(now.getTime());
  const enrolled = await createServerClient(input.serverUrl, null).enroll({
    code: input.code,
    tillName: input.tillName,
    tillId,
  });
  const data = await createServerClient(input.serverUrl, enrolled.deviceToken).bootstrap();
  db.transaction((tx) => {
    tx.insert(tillIdentity)
      .values({
        id: 1,
        tillId: enrolled.tillId,
        tillName: input.tillName,
        businessId: enrolled.division.id,
        serverUrl: input.serverUrl,
        deviceToken: enrolled.deviceToken,
        enrolledAt: now.toISOString(),
      })
      .run();
    writeBootstrap(tx, data, now);
  });
}
