import { auditLog } from '../../../db/till/schema';
import { uuidv7 } from '../../../shared/ids';
import type { TillTx } from '../db-types';
import type { Actor } from './scope';

export const AUDIT_ENTITIES = {
  customer: 'universal_customer',
  account: 'customer_division_account',
  note: 'customer_note',
  layby: 'customer_layby',
} as const;

type AuditEntity = (typeof AUDIT_ENTITIES)[keyof typeof AUDIT_ENTITIES];

/** Who, when, which till, before and after: written in the caller's transaction. */
export function recordAudit(
  tx: TillTx,
  actor: Actor,
  entry: {
    entityType: AuditEntity;
    entityId: string;
    action: string;
    before: unknown;
    after: unknown;
  },
): void {
  tx.insert(auditLog)
    .values({
      id: uuidv7(actor.now.getTime()),
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      actorUserId: actor.staff.id,
      tillId: actor.scope.tillId,
      businessId: actor.scope.businessId,
      at: actor.now.toISOString(),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
