import type { LaybyHoldPayload } from '../../../shared/domain/layby/records';
import { allows, statusAfterPayment } from '../../../shared/domain/layby/ledger';
import { actorMay } from '../../customers/apply/support';
import type { ApplyOutcome } from '../../sync/appliers';
import type { CentralTx } from '../../sync/change-sequence';
import { audit, rejected, type LaybyContext } from '../context';
import { ledgerOf, lockLayby, reproject } from '../rows';

/**
 * layby.hold / layby.resume: a supervisor pauses a layby or brings it back (also out of
 * DEFAULTED). Two tills doing the same offline is not a conflict: the second finds the layby
 * already there and is applied as it is. A payment that pays a held layby up completes it
 * (statusAfterPayment); resume runs the same rule, so a layby whose balance is nil for any
 * other reason never goes back to ACTIVE with nothing to pay.
 */
export async function setHold(
  tx: CentralTx,
  h: LaybyHoldPayload,
  action: 'hold' | 'resume',
  context: LaybyContext,
): Promise<ApplyOutcome> {
  const denied = await actorMay(tx, h.actorUserId, 'layby.supervise', context);
  if (denied) return rejected(denied);
  const layby = await lockLayby(tx, h.laybyId);
  if (!layby) return rejected(`unknown layby ${h.laybyId}`);
  if (layby.businessId !== context.businessId)
    return rejected("the layby belongs to another division than the till's");
  const target = action === 'hold' ? 'ON_HOLD' : 'ACTIVE';
  if (layby.status === target) {
    // Re-stamped so the till that asked pulls the row as it stands.
    await reproject(tx, layby);
    return { status: 'applied', result: { laybyId: layby.id, status: layby.status } };
  }
  const allowed = allows(layby.status, action);
  if (!allowed.ok) return rejected(`cannot ${action}: ${allowed.message}`);
  const status =
    target === 'ACTIVE' ? statusAfterPayment(target, (await ledgerOf(tx, layby)).ledger) : target;
  const { row } = await reproject(tx, layby, {
    status,
    ...(status === 'COMPLETED' ? { completedAt: context.now.toISOString() } : {}),
  });
  await audit(tx, context, {
    entityId: layby.id,
    action: `layby.${action}`,
    actorUserId: h.actorUserId,
    before: { status: layby.status },
    after: { status: row.status, reason: h.reason, at: h.at },
  });
  return { status: 'applied', result: { laybyId: layby.id, status: row.status } };
}
