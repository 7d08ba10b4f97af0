import { eq } from 'drizzle-orm';
import { customerDivisionAccounts } from '../../../db/central/schema';
import { changeAccountStatus } from '../../../shared/domain/customers/accounts';
import type { Applier } from '../../sync/appliers';
import { nextServerSeq } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import { compareClocks, readClocks, writeClocks } from '../clocks';
import { logConflict } from '../conflicts';
import { resolveAccountId } from '../resolve';
import { actorMay, clockOf, rejected } from './support';

const a = customerDivisionAccounts;

/**
 * account.setStatus, with the shared transition rule. When the status moved on the server
 * since the till saw previousStatus, the later clock wins (kept per account in the field
 * clocks under `account:<id>:status`), the loser logged.
 */
export const applyAccountSetStatus: Applier<'account.setStatus'> = async (tx, payload, context) => {
  const permission = payload.status === 'BLACKLISTED' ? 'customer.blacklist' : 'account.status';
  const denied = await actorMay(tx, payload.actorUserId, permission, context);
  if (denied) return rejected(denied);
  const [row] = await tx
    .select()
    .from(a)
    .where(eq(a.id, await resolveAccountId(tx, payload.id)))
    .for('update');
  if (!row) return rejected(`unknown account ${payload.id}`);
  if (row.businessId !== context.businessId)
    return rejected("the account belongs to another division than the till's");
  const clock = clockOf(context);
  const key = `account:${row.id}:status`;
  const touch = () => tx.update(a).set({ serverSeq: nextServerSeq() }).where(eq(a.id, row.id));
  if (row.status === payload.status) {
    await touch();
    return { status: 'applied', result: { accountId: row.id } };
  }
  if (row.status !== payload.previousStatus) {
    const stored = (await readClocks(tx, row.universalCustomerId, [key])).get(key) ?? {
      at: '',
      tillId: null,
      mutationId: null,
    };
    const tillWins = compareClocks(clock, stored) > 0;
    const mine = { ...clock, value: payload.status };
    const theirs = { ...stored, value: row.status };
    await logConflict(tx, {
      entityType: 'division_account',
      entityId: row.id,
      businessId: row.businessId,
      field: 'status',
      winner: tillWins ? mine : theirs,
      loser: tillWins ? theirs : mine,
    });
    if (!tillWins) {
      await touch();
      return { status: 'applied', result: { accountId: row.id, superseded: true } };
    }
  }
  const checked = changeAccountStatus(row.status, payload.status, payload.reason);
  if (!checked.ok) return rejected(`${checked.field}: ${checked.message}`);
  const { status, isActive, reason } = checked.change;
  const inactive = isActive
    ? { inactivatedAt: null, inactivatedBy: null, inactivationReason: null }
    : {
        inactivatedAt: context.now.toISOString(),
        inactivatedBy: payload.actorUserId,
        inactivationReason: reason,
      };
  await tx
    .update(a)
    .set({ status, isActive, ...inactive, serverSeq: nextServerSeq() })
    .where(eq(a.id, row.id));
  await writeClocks(tx, row.universalCustomerId, [key], clock);
  await writeAudit(tx, {
    entityType: 'division_account',
    entityId: row.id,
    action: 'account.setStatus',
    actorUserId: payload.actorUserId,
    tillId: context.tillId,
    businessId: row.businessId,
    before: { status: row.status },
    after: { status, reason },
  });
  return { status: 'applied', result: { accountId: row.id } };
};
