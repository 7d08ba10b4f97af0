import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { customerDivisionAccounts } from '../../../db/central/schema';
import { AppError } from '../../../shared/contract/result';
import { shopDate } from '../../../shared/domain/layby/dates';
import { itemsTotalCents, LaybyCreatePayload } from '../../../shared/domain/layby/records';
import { quoteLayby } from '../../../shared/domain/layby/schedule';
import { uuidv7 } from '../../../shared/ids';
import type { StaffPrincipal } from '../../auth/principal';
import type { Divisions } from '../../customers/divisions';
import { assertWritable, lockCustomer } from '../../customers/store';
import type { CentralTx } from '../../sync/change-sequence';
import type { CreateLaybyBody } from '../contract';
import { nextLaybyNumber } from '../numbers';
import { createLayby } from '../operations/create';
import { divisionRules } from '../rules-store';
import { payFromOffice } from './money';
import { lockVisibleLayby, officeContext, orThrow } from './support';

// POST /api/customers/:id/laybys: quoted with the division's current rules, numbered from
// head office's own block, stored by the same operation as a till's layby.create, and its
// deposit taken by the same operation as a till's layby.pay.

// quoteLayby's refusals name its terms; the request names them inside the body.
const BODY_FIELD: Record<string, string> = {
  division: 'divisionId',
  frequency: 'plan.frequency',
  instalments: 'plan.instalments',
  intervalDays: 'plan.intervalDays',
  depositCents: 'deposit.amountCents',
};

export async function createFromOffice(
  tx: CentralTx,
  customerId: string,
  body: z.output<typeof CreateLaybyBody>,
  staff: StaffPrincipal,
  divisions: Divisions,
  now: Date,
): Promise<string> {
  assertWritable(await lockCustomer(tx, customerId), customerId);
  const division = divisions.byId.get(body.divisionId);
  if (!division) throw new AppError('NOT_FOUND', 'divisionId: no such division', 'divisionId');
  if (staff.businessId !== null && staff.businessId !== division.id)
    throw new AppError(
      'FORBIDDEN',
      'divisionId: you may open laybys in your own division only',
      'divisionId',
    );
  const a = customerDivisionAccounts;
  const [account] = await tx
    .select()
    .from(a)
    .where(and(eq(a.universalCustomerId, customerId), eq(a.businessId, division.id)));
  if (!account)
    throw new AppError(
      'CONFLICT',
      `divisionId: the customer has no ${division.code} account; open one first`,
      'divisionId',
    );
  const { rules } = await divisionRules(tx, division);
  const startDate = body.startDate ?? shopDate(now);
  const quoted = quoteLayby(rules, {
    itemsTotalCents: itemsTotalCents(body.items),
    depositCents: body.deposit.amountCents,
    frequency: body.plan.frequency,
    instalments: body.plan.instalments,
    intervalDays: body.plan.intervalDays,
    startDate,
  });
  if (!quoted.ok) {
    const field = BODY_FIELD[quoted.field] ?? quoted.field;
    throw new AppError('INVALID_INPUT', `${field}: ${quoted.message}`, field);
  }
  const { quote } = quoted;
  const feeId = (cents: number) => (cents > 0 ? uuidv7(now.getTime()) : null);
  const payload = LaybyCreatePayload.parse({
    id: uuidv7(now.getTime()),
    laybyNumber: await nextLaybyNumber(tx, division),
    universalCustomerId: customerId,
    divisionAccountId: account.id,
    currency: account.currency,
    items: body.items,
    plan: body.plan,
    startDate,
    depositCents: quote.depositCents,
    rules,
    totalAmountCents: quote.itemsTotalCents,
    serviceFeeCents: quote.serviceFeeCents,
    administrationFeeCents: quote.administrationFeeCents,
    schedule: quote.schedule,
    serviceFeeId: feeId(quote.serviceFeeCents),
    administrationFeeId: feeId(quote.administrationFeeCents),
    notes: body.notes,
    actorUserId: staff.userId,
    createdAt: now.toISOString(),
  });
  const context = officeContext(division.id, now);
  orThrow(await createLayby(tx, payload, context));
  const layby = await lockVisibleLayby(tx, payload.id, staff);
  await payFromOffice(tx, layby, body.deposit, staff, divisions, now);
  return payload.id;
}
