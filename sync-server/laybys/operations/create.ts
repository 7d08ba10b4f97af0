import { eq } from 'drizzle-orm';
import {
  customerDivisionAccounts,
  customerLaybyFees,
  customerLaybys,
} from '../../../db/central/schema';
import type { LaybyFeeKind } from '../../../shared/domain/enums';
import { startOfShopDay } from '../../../shared/domain/layby/dates';
import { projectLayby } from '../../../shared/domain/layby/projection';
import type { LaybyCreatePayload } from '../../../shared/domain/layby/records';
import { uuidv7 } from '../../../shared/ids';
import { actorMay } from '../../customers/apply/support';
import { loadDivisions } from '../../customers/divisions';
import { resolveAccountId, resolveCustomerId } from '../../customers/resolve';
import type { ApplyOutcome } from '../../sync/appliers';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { audit, flag, outcome, rejected, type LaybyContext } from '../context';
import { divisionRules } from '../rules-store';
import { depositPercentBp, termsDifferences } from './terms-check';

const l = customerLaybys;

/**
 * layby.create (and POST /api/customers/:id/laybys): the agreement, numbered where it was
 * born, stored with the till's numbers and the rules it was signed under. Paid 0 here: the
 * deposit arrives as its own payment right after. Refused only when it can never belong in
 * this division (wrong account, unknown customer, staff without the power).
 */
export async function createLayby(
  tx: CentralTx,
  p: LaybyCreatePayload,
  context: LaybyContext,
): Promise<ApplyOutcome> {
  const denied = await actorMay(tx, p.actorUserId, 'layby.take', context);
  if (denied) return rejected(denied);
  const [existing] = await tx.select().from(l).where(eq(l.id, p.id));
  if (existing) {
    return existing.laybyNumber === p.laybyNumber
      ? { status: 'applied', result: { laybyId: existing.id } }
      : rejected(`layby id ${p.id} is already used by ${existing.laybyNumber}`);
  }
  const [numbered] = await tx.select({ id: l.id }).from(l).where(eq(l.laybyNumber, p.laybyNumber));
  if (numbered) return rejected(`layby number ${p.laybyNumber} is already used`);

  const customerId = await resolveCustomerId(tx, p.universalCustomerId);
  if (!customerId) return rejected(`unknown customer ${p.universalCustomerId}`);
  const accountId = await resolveAccountId(tx, p.divisionAccountId);
  const [account] = await tx
    .select()
    .from(customerDivisionAccounts)
    .where(eq(customerDivisionAccounts.id, accountId));
  if (!account) return rejected(`unknown account ${p.divisionAccountId}`);
  if (account.businessId !== context.businessId)
    return rejected("the account belongs to another division than the till's");
  if (account.universalCustomerId !== customerId)
    return rejected('the account belongs to another customer');
  const division = (await loadDivisions(tx)).byId.get(context.businessId);
  if (!division) return rejected('the till’s division is not a trading division');

  const { reasons, quote } = termsDifferences(p, (await divisionRules(tx, division)).rules);
  if (account.status !== 'ACTIVE' || !account.allowLayby) {
    reasons.push(`account ${account.divisionCustomerNumber} is not open for laybys`);
  }
  const feesCents = p.serviceFeeCents + p.administrationFeeCents;
  const ledger = { totalCents: p.totalAmountCents, feesCents, paidCents: 0 };
  const last = p.schedule.at(-1);
  const row = {
    id: p.id,
    laybyNumber: p.laybyNumber,
    universalCustomerId: customerId,
    divisionAccountId: accountId,
    businessId: context.businessId,
    status: 'ACTIVE' as const,
    totalAmountCents: p.totalAmountCents,
    depositAmountCents: p.depositCents,
    depositPercentBp:
      quote?.depositPercentBp ?? depositPercentBp(p.depositCents, p.totalAmountCents),
    currency: p.currency,
    installmentAmountCents: p.schedule[0]?.amountCents ?? null,
    installmentFrequency: p.plan.frequency,
    completionDueDate: last ? startOfShopDay(last.dueDate) : null,
    schedule: p.schedule,
    terms: p.rules,
    serviceFeeCents: p.serviceFeeCents,
    administrationFeeCents: p.administrationFeeCents,
    ...projectLayby(ledger, p.schedule, p.depositCents),
    items: p.items,
    notes: p.notes,
    createdAt: p.createdAt,
    createdBy: p.actorUserId,
    originTillId: context.tillId,
  };
  await tx.insert(l).values({ ...row, serverSeq: nextServerSeq() });
  const fee = async (kind: LaybyFeeKind, id: string | null, amountCents: number) => {
    if (amountCents <= 0) return;
    await tx.insert(customerLaybyFees).values({
      id: id ?? uuidv7(context.now.getTime()),
      laybyId: p.id,
      businessId: context.businessId,
      kind,
      amountCents,
      currency: p.currency,
      chargedAt: p.createdAt,
      chargedBy: p.actorUserId,
      originTillId: context.tillId,
      serverSeq: nextServerSeq(),
    });
  };
  await fee('SERVICE', p.serviceFeeId, p.serviceFeeCents);
  await fee('ADMINISTRATION', p.administrationFeeId, p.administrationFeeCents);
  await audit(tx, context, {
    entityId: p.id,
    action: 'layby.create',
    actorUserId: p.actorUserId,
    after: row,
  });
  if (reasons.length > 0) {
    await flag(tx, context, {
      kind: 'LAYBY_TERMS_MISMATCH',
      entityId: p.id,
      message: `Layby ${p.laybyNumber} was opened on terms the server does not agree with: ${reasons.join('; ')}. The agreement stands; check it with the customer.`,
      details: { reasons, server: quote, till: { schedule: p.schedule, fees: feesCents } },
    });
  }
  return outcome(reasons, { laybyId: p.id, customerId, accountId });
}
