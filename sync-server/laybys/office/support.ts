import type { CustomerLaybyRow } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import type { StaffPrincipal } from '../../auth/principal';
import type { Divisions } from '../../customers/divisions';
import type { ApplyOutcome } from '../../sync/appliers';
import type { CentralTx } from '../../sync/change-sequence';
import type { LaybyContext } from '../context';
import { lockLayby } from '../rows';

// Head office acting on laybys (office/*.ts). It does what a till does — quotes with the
// shared rules, numbers from its own leased blocks, builds the same mutation payload — and
// then runs the very operation a till's push runs (../operations). Being online, head office
// also refuses up front what a till would refuse (an overpayment, a quote outside the rules)
// with a 400 naming the field.

/** Head office has no till and no mutation; it acts in the layby's division. */
export const officeContext = (businessId: string, now: Date): LaybyContext => ({
  tillId: null,
  businessId,
  mutationId: null,
  now,
});

/** An operation's refusal becomes a 409 (the layby's state does not allow it), rolled back. */
export function orThrow(outcome: ApplyOutcome): ApplyOutcome {
  if (outcome.status === 'rejected') throw new AppError('CONFLICT', outcome.reason);
  return outcome;
}

/** The layby if this staff member may see it (division staff: their own division), else 404. */
export function assertVisible(
  row: CustomerLaybyRow | undefined,
  id: string,
  staff: StaffPrincipal,
): CustomerLaybyRow {
  if (!row || (staff.businessId !== null && staff.businessId !== row.businessId))
    throw new AppError('NOT_FOUND', `No layby ${id}.`, 'id');
  return row;
}

/** The layby, locked for this transaction, if the staff member may see it. */
export const lockVisibleLayby = async (tx: CentralTx, id: string, staff: StaffPrincipal) =>
  assertVisible(await lockLayby(tx, id), id, staff);

export function divisionOf(divisions: Divisions, layby: CustomerLaybyRow) {
  const division = divisions.byId.get(layby.businessId);
  if (!division) throw new Error(`layby ${layby.id} is not in a division`);
  return division;
}
