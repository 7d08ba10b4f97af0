import type { NewUniversalCustomerRow } from '../../../db/central/schema';
import type { Permission } from '../../../shared/domain/staff/permissions';
import type { ApplyContext, ApplyOutcome } from '../../sync/appliers';
import type { CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { compareClocks, readClocks, writeClocks } from '../clocks';
import { logConflict } from '../conflicts';
import { resolveCustomerId } from '../resolve';
import { lockCustomer, updateCustomer } from '../store';
import { actorMay, clockOf, rejected } from './support';

// customer.setActive and customer.setBlacklist: one flag each, with a reason. Two tills
// flipping the same flag offline: the later clock wins, the other is logged as a conflict.

type FlagChange = {
  action: 'customer.setActive' | 'customer.setBlacklist';
  field: 'isActive' | 'isBlacklisted';
  permission: Permission;
  set: Partial<NewUniversalCustomerRow>;
  value: boolean;
  reason: string;
};

export async function applyFlag(
  tx: CentralTx,
  payload: { id: string; actorUserId: string },
  change: FlagChange,
  context: ApplyContext,
): Promise<ApplyOutcome> {
  const denied = await actorMay(tx, payload.actorUserId, change.permission, context);
  if (denied) return rejected(denied);
  const id = await resolveCustomerId(tx, payload.id);
  const row = id ? await lockCustomer(tx, id) : undefined;
  if (!row) return rejected(`unknown customer ${payload.id}`);
  const clock = clockOf(context);
  const stored = (await readClocks(tx, row.id, [change.field])).get(change.field);
  const current = row[change.field];
  if (current !== change.value && stored && compareClocks(clock, stored) < 0) {
    await logConflict(tx, {
      entityType: 'customer',
      entityId: row.id,
      businessId: context.businessId,
      field: change.field,
      winner: { ...stored, value: current },
      loser: { ...clock, value: change.value },
    });
    await updateCustomer(tx, row.id, {});
    return { status: 'applied', result: { customerId: row.id, superseded: true } };
  }
  await updateCustomer(tx, row.id, current === change.value ? {} : change.set);
  await writeClocks(tx, row.id, [change.field], clock);
  if (current !== change.value) {
    await writeAudit(tx, {
      entityType: 'customer',
      entityId: row.id,
      action: change.action,
      actorUserId: payload.actorUserId,
      tillId: context.tillId,
      businessId: context.businessId,
      before: { [change.field]: current },
      after: { ...change.set, reason: change.reason },
    });
  }
  return { status: 'applied', result: { customerId: row.id } };
}
