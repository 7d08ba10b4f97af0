import { auditLog } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import type { CentralTx } from '../sync/change-sequence';

// Every change to customer data is audited in the same transaction as the change: who, when,
// which till (null for head office), before and after.

export type AuditEntry = {
  entityType: 'customer' | 'division_account' | 'customer_merge' | 'customer_note';
  entityId: string;
  /** The verb in the mutation's words: customer.update, customer.merge, … */
  action: string;
  actorUserId: string | null;
  tillId?: string | null;
  businessId?: string | null;
  before?: unknown;
  after?: unknown;
};

export async function writeAudit(tx: Pick<CentralTx, 'insert'>, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: uuidv7(),
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorUserId: entry.actorUserId,
    tillId: entry.tillId ?? null,
    businessId: entry.businessId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** Only the fields that differ, as { before, after }, so an audit row says what changed. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    was[key] = before[key];
    now[key] = after[key];
  }
  return { before: was, after: now };
}
