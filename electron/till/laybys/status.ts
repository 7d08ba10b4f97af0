import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { customerLaybys } from '../../../db/till/schema';
import type { LaybyDetail } from '../../../shared/contract/till/layby-views';
import { AppError } from '../../../shared/contract/result';
import { allows } from '../../../shared/domain/layby/ledger';
import { can } from '../../../shared/domain/staff/permissions';
import type { LaybyStatus } from '../../../shared/domain/enums';
import { AUDIT_ENTITIES, recordAudit } from '../customers/audit';
import type { Actor } from '../customers/scope';
import { appendMutation } from '../sync/outbox';
import { rulesOfLayby } from './rules';
import { collectionSlip, queueSlip, slipHeader } from './slips';
import { itemsOf, loadLayby, readCustomerBit, toDetail } from './views';

/**
 * Hands over the goods of a paid-up layby: who and when, and a collection slip. The
 * agreement's rules say whether a cashier may do it or a supervisor must.
 */
export function releaseLayby(
  db: TillDb,
  input: { laybyId: string; collectedBy: string | null; collectorIdNumber: string | null },
  actor: Actor,
): LaybyDetail {
  const header = slipHeader(db, actor);
  return db.transaction((tx) => {
    const { scope } = actor;
    const layby = loadLayby(tx, scope, input.laybyId);
    const open = allows(layby.status, 'release');
    if (!open.ok)
      throw new AppError('CONFLICT', `laybyId: ${open.message}, not paid up`, 'laybyId');
    if (layby.itemsReleased)
      throw new AppError(
        'CONFLICT',
        `laybyId: the goods were released on ${layby.itemsReleasedAt}`,
        'laybyId',
      );
    const rules = rulesOfLayby(tx, scope, layby.terms);
    if (rules.releaseBy === 'SUPERVISOR' && !can(actor.staff.role, 'layby.supervise'))
      throw new AppError(
        'FORBIDDEN',
        'Only a supervisor may release layby goods in this division.',
      );
    const at = actor.now.toISOString();
    const updated = tx
      .update(customerLaybys)
      .set({
        itemsReleased: true,
        itemsReleasedAt: at,
        itemsReleasedBy: actor.staff.id,
        updatedAt: at,
      })
      .where(eq(customerLaybys.id, layby.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.layby,
      entityId: layby.id,
      action: 'layby.release',
      before: { itemsReleased: false },
      after: { itemsReleased: true, collectedBy: input.collectedBy },
    });
    appendMutation(
      tx,
      'layby.release',
      {
        laybyId: layby.id,
        collectedBy: input.collectedBy,
        collectorIdNumber: input.collectorIdNumber,
        actorUserId: actor.staff.id,
        releasedAt: at,
      },
      actor.now,
    );
    queueSlip(
      tx,
      actor,
      layby.universalCustomerId,
      collectionSlip(
        { ...header, receiptNumber: `${layby.laybyNumber}-C` },
        updated,
        readCustomerBit(tx, layby.universalCustomerId),
        itemsOf(layby),
        { collectedBy: input.collectedBy, collectorIdNumber: input.collectorIdNumber },
      ),
    );
    return toDetail(tx, scope, updated, actor.now);
  });
}

/** ON_HOLD (late fees and default paused) and back to ACTIVE: supervisor, with a reason. */
export function holdOrResume(
  db: TillDb,
  input: { laybyId: string; reason: string },
  action: 'hold' | 'resume',
  actor: Actor,
): LaybyDetail {
  return db.transaction((tx) => {
    const { scope } = actor;
    const layby = loadLayby(tx, scope, input.laybyId);
    const open = allows(layby.status, action);
    if (!open.ok) throw new AppError('CONFLICT', `laybyId: ${open.message}`, 'laybyId');
    const status: LaybyStatus = action === 'hold' ? 'ON_HOLD' : 'ACTIVE';
    const at = actor.now.toISOString();
    const updated = tx
      .update(customerLaybys)
      .set({ status, updatedAt: at })
      .where(eq(customerLaybys.id, layby.id))
      .returning()
      .get();
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.layby,
      entityId: layby.id,
      action: `layby.${action}`,
      before: { status: layby.status },
      after: { status, reason: input.reason },
    });
    appendMutation(
      tx,
      action === 'hold' ? 'layby.hold' : 'layby.resume',
      { laybyId: layby.id, reason: input.reason, actorUserId: actor.staff.id, at },
      actor.now,
    );
    return toDetail(tx, scope, updated, actor.now);
  });
}
