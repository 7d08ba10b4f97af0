import { auditLog, flaggedEvents } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import type { ApplyContext, ApplyOutcome } from '../sync/appliers';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';

// Who is acting on a layby and where: a till's push (tillId, mutationId) or a head-office REST
// call (both null). The operations in ./operations take this, so a till's mutation and a
// head-office request run exactly the same code and rules.

export type LaybyContext = {
  tillId: string | null;
  /** The division the act happens in: the till's own, or the layby's for head office. */
  businessId: string;
  mutationId: string | null;
  now: Date;
};

export const fromApply = (context: ApplyContext): LaybyContext => ({
  tillId: context.tillId,
  businessId: context.businessId,
  mutationId: context.mutationId,
  now: context.now,
});

export const rejected = (reason: string): ApplyOutcome => ({ status: 'rejected', reason });

/** Applied, or flagged when any reason was found: the fact stands either way. */
export const outcome = (reasons: string[], result: unknown): ApplyOutcome =>
  reasons.length === 0
    ? { status: 'applied', result }
    : { status: 'flagged', reason: reasons.join('; '), result };

export type LaybyFlag = {
  kind: string;
  entityId: string;
  message: string;
  details?: unknown;
  entityType?: string;
};

/** A fact kept but worth a supervisor's look; stamped, so it syncs to the division's tills. */
export async function flag(tx: CentralTx, context: LaybyContext, event: LaybyFlag): Promise<void> {
  await tx.insert(flaggedEvents).values({
    id: uuidv7(context.now.getTime()),
    kind: event.kind,
    businessId: context.businessId,
    tillId: context.tillId,
    mutationId: context.mutationId,
    entityType: event.entityType ?? 'customer_layby',
    entityId: event.entityId,
    message: event.message,
    details: event.details ?? null,
    serverSeq: nextServerSeq(),
  });
}

/**
 * The audit row for a layby change, in the same transaction. customers/audit.ts types its
 * entity names to the customer area, so laybys write their own rows here.
 */
export async function audit(
  tx: CentralTx,
  context: LaybyContext,
  entry: {
    entityId: string;
    action: string;
    actorUserId: string | null;
    entityType?: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    id: uuidv7(context.now.getTime()),
    entityType: entry.entityType ?? 'customer_layby',
    entityId: entry.entityId,
    action: entry.action,
    actorUserId: entry.actorUserId,
    tillId: context.tillId,
    businessId: context.businessId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
