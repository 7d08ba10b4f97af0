import { eq } from 'drizzle-orm';
import { flaggedEvents, users } from '../../../db/central/schema';
import type { StaffRole } from '../../../shared/domain/enums';
import { can, type Permission } from '../../../shared/domain/staff/permissions';
import { uuidv7 } from '../../../shared/ids';
import type { ApplyContext, ApplyOutcome } from '../../sync/appliers';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { clockAt, type FieldClock } from '../clocks';

// What every customer applier shares: the server re-checks that the staff member named in
// the payload may do this in this till's division (the till checked too, but a till is not
// trusted to be the only guard), the clock of the change, and flags for head office.

export const rejected = (reason: string): ApplyOutcome => ({ status: 'rejected', reason });

/** Null when allowed, else why not. Deactivated staff are not refused: the work was done. */
export async function actorMay(
  tx: CentralTx,
  userId: string,
  permission: Permission,
  context: Pick<ApplyContext, 'businessId'>,
): Promise<string | null> {
  const [user] = await tx
    .select({ role: users.role, businessId: users.businessId })
    .from(users)
    .where(eq(users.id, userId));
  return staffVerdict(user, userId, permission, context);
}

/** actorMay's rule on a users row already read (bulk appliers read many at once). */
export function staffVerdict(
  user: { role: StaffRole; businessId: string | null } | undefined,
  userId: string,
  permission: Permission,
  context: Pick<ApplyContext, 'businessId'>,
): string | null {
  if (!user) return `unknown staff member ${userId}`;
  if (user.businessId !== null && user.businessId !== context.businessId) {
    return 'the staff member belongs to another division';
  }
  return can(user.role, permission)
    ? null
    : `the staff member's role may not do this (${permission})`;
}

export const clockOf = (context: ApplyContext): FieldClock => ({
  // The till's HLC stamp (its clock corrected to head office's); older tills sent only their
  // wall time, which a skewed clock makes wrong.
  at: context.hlc ?? clockAt(context.recordedAt, context.now),
  tillId: context.tillId,
  mutationId: context.mutationId,
});

/** A fact accepted but worth a person's look; synced back to the division's tills. */
export async function flag(
  tx: CentralTx,
  context: ApplyContext,
  event: { kind: string; entityType: string; entityId: string; message: string; details?: unknown },
): Promise<void> {
  await tx.insert(flaggedEvents).values({
    id: uuidv7(context.now.getTime()),
    kind: event.kind,
    businessId: context.businessId,
    tillId: context.tillId,
    mutationId: context.mutationId,
    entityType: event.entityType,
    entityId: event.entityId,
    message: event.message,
    details: event.details ?? null,
    serverSeq: nextServerSeq(),
  });
}

export const same = (a: unknown, b: unknown) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
