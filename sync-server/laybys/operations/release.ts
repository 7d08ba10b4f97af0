import type { LaybyReleasePayload } from '../../../shared/domain/layby/records';
import { allows } from '../../../shared/domain/layby/ledger';
import { actorMay } from '../../customers/apply/support';
import type { ApplyOutcome } from '../../sync/appliers';
import type { CentralTx } from '../../sync/change-sequence';
import { audit, rejected, type LaybyContext } from '../context';
import { lockLayby, reproject } from '../rows';
import { agreedRules } from '../rules-store';

/**
 * layby.release (and POST /api/laybys/:id/complete): the goods of a paid-up layby handed
 * over, once. Not money, so a release that cannot stand is refused and the till pulls the
 * layby back. Whether a cashier may release, or only a supervisor, is the agreement's rule.
 */
export async function releaseLayby(
  tx: CentralTx,
  r: LaybyReleasePayload,
  context: LaybyContext,
): Promise<ApplyOutcome> {
  const layby = await lockLayby(tx, r.laybyId);
  if (!layby) return rejected(`unknown layby ${r.laybyId}`);
  if (layby.businessId !== context.businessId)
    return rejected("the layby belongs to another division than the till's");
  const rules = await agreedRules(tx, layby);
  const permission = rules.releaseBy === 'SUPERVISOR' ? 'layby.supervise' : 'layby.take';
  const denied = await actorMay(tx, r.actorUserId, permission, context);
  if (denied) return rejected(denied);
  const allowed = allows(layby.status, 'release');
  if (!allowed.ok) return rejected(`the goods cannot be released: ${allowed.message}`);
  if (layby.itemsReleased)
    return rejected(`the goods of ${layby.laybyNumber} were already released`);
  const { row } = await reproject(tx, layby, {
    itemsReleased: true,
    itemsReleasedAt: r.releasedAt,
    itemsReleasedBy: r.actorUserId,
  });
  await audit(tx, context, {
    entityId: layby.id,
    action: 'layby.release',
    actorUserId: r.actorUserId,
    before: { itemsReleased: false },
    after: {
      itemsReleased: true,
      itemsReleasedAt: row.itemsReleasedAt,
      collectedBy: r.collectedBy,
      collectorIdNumber: r.collectorIdNumber,
    },
  });
  return { status: 'applied', result: { laybyId: layby.id } };
}
