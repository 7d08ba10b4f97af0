import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTillDb, type TillHandle } from '../../../db/till/connect';
import type { DivisionCode, StaffRole } from '../../../shared/domain/enums';
import { statementCache } from '../customers/hit-sql';
import { readScope, type Actor } from '../customers/scope';
import { seedCustomerNumberBlocks } from './seed-number-blocks';
import { seedTill, type SeededTill } from './seed-till';

// Tests only: a real till database file, enrolled into clothing, with numbers to hand out.
export type CustomerFixture = SeededTill & {
  handle: TillHandle;
  /** The database file, for tests that hand it to another process. */
  path: string;
  statements: ReturnType<typeof statementCache>;
  actor(role?: StaffRole, now?: Date): Actor;
  close(): void;
};

export async function openCustomerFixture(
  options: { pins?: boolean; division?: DivisionCode } = {},
): Promise<CustomerFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'unitill-customers-'));
  const path = join(dir, 'till.sqlite');
  const handle = openTillDb(path);
  const seeded = await seedTill(handle.db, options.division ?? 'CLO', { pins: options.pins });
  seedCustomerNumberBlocks(handle.db, seeded.businessId);
  return {
    ...seeded,
    handle,
    path,
    statements: statementCache(handle.sqlite),
    actor: (role = 'CASHIER', now = new Date()) => ({
      staff: seeded.staff[role],
      scope: readScope(handle.db),
      now,
    }),
    close: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
