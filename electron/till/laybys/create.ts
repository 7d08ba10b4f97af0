import { and, eq, isNull } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import {
  customerDivisionAccounts,
  customerLaybyFees,
  customerLaybys,
} from '../../../db/till/schema';
import type { TenderInput } from '../../../shared/contract/till/layby-methods';
import type { LaybyPaymentResult } from '../../../shared/contract/till/layby-views';
import { AppError } from '../../../shared/contract/result';
import { AccountOpenFields } from '../../../shared/domain/customers/accounts';
import { customerBlocks } from '../../../shared/domain/customers/eligibility';
import { shopDate, startOfShopDay } from '../../../shared/domain/layby/dates';
import { projectLayby } from '../../../shared/domain/layby/projection';
import type { LaybyItem, PlanChoice } from '../../../shared/domain/layby/records';
import { itemsTotalCents } from '../../../shared/domain/layby/records';
import { quoteLayby } from '../../../shared/domain/layby/schedule';
import { laybyNumber } from '../../../shared/domain/numbering/numbers';
import { uuidv7 } from '../../../shared/ids';
import { formatMoney, money } from '../../../shared/money/money';
import { openAccountIn } from '../customers/accounts';
import { AUDIT_ENTITIES, recordAudit } from '../customers/audit';
import { resolveCustomer } from '../customers/rows';
import type { Actor } from '../customers/scope';
import { takeNumber } from '../sync/number-blocks';
import { appendMutation } from '../sync/outbox';
import { recordPayment } from './record-payment';
import { readLaybyRules } from './rules';
import { agreementSlip, queueSlip, slipHeader } from './slips';
import { checkReference, tenderInLayby } from './tender';
import { toDetail } from './views';

export type CreateLaybyInput = {
  customerId: string;
  /** The deposit the plan was quoted on; the tender must match it (in the layby's currency). */
  depositCents: number | null;
  items: LaybyItem[];
  plan: PlanChoice;
  deposit: TenderInput;
  notes: string | null;
};

/**
 * Opens a layby: checks the customer may have one, applies the division's rules, numbers it
 * from this till's leased block (LAY-CLO-000001, unique without asking the server), takes the
 * deposit, and queues the agreement and the deposit receipt — one SQLite transaction.
 */
export function createLayby(db: TillDb, input: CreateLaybyInput, actor: Actor): LaybyPaymentResult {
  const { scope } = actor;
  const header = slipHeader(db, actor);
  return db.transaction((tx) => {
    const { rules } = readLaybyRules(tx, scope);
    if (!rules.enabled)
      throw new AppError('FORBIDDEN', `${scope.divisionName} does not take laybys.`, 'division');
    const { row: customer } = resolveCustomer(tx, input.customerId);
    const current = tx
      .select()
      .from(customerDivisionAccounts)
      .where(
        and(
          eq(customerDivisionAccounts.universalCustomerId, customer.id),
          eq(customerDivisionAccounts.businessId, scope.businessId),
          isNull(customerDivisionAccounts.deletedAt),
        ),
      )
      .get();
    // No account yet is not a block here: one is opened below.
    const blocks = customerBlocks(
      customer,
      current ?? { status: 'ACTIVE', allowLayby: true, allowCredit: true },
    ).layby;
    if (blocks.length > 0)
      throw new AppError(
        'FORBIDDEN',
        `customerId: ${customer.fullName} cannot open a layby: ${blocks.join('; ')}.`,
        'customerId',
      );
    checkReference(input.deposit, 'deposit.reference');

    const today = shopDate(actor.now);
    const deposit = tenderInLayby(tx, input.deposit, scope.currency, today);
    // The schedule the customer agreed to was quoted on this deposit: taking a different
    // amount in the same currency would print an agreement they never saw.
    if (
      input.depositCents !== null &&
      deposit.tendered === null &&
      deposit.amountCents !== input.depositCents
    ) {
      const agreed = formatMoney(money(input.depositCents, scope.currency));
      throw new AppError(
        'INVALID_INPUT',
        `deposit.amountCents: must be the agreed deposit of ${agreed}`,
        'deposit.amountCents',
      );
    }
    const quoted = quoteLayby(rules, {
      itemsTotalCents: itemsTotalCents(input.items),
      depositCents: deposit.amountCents,
      frequency: input.plan.frequency,
      instalments: input.plan.instalments,
      intervalDays: input.plan.intervalDays,
      startDate: today,
    });
    if (!quoted.ok) {
      const field = quoted.field === 'depositCents' ? 'deposit.amountCents' : quoted.field;
      throw new AppError('INVALID_INPUT', `${field}: ${quoted.message}`, field);
    }
    const { quote } = quoted;
    // The account the layby hangs on: this division's, opened on the way if there is none.
    const account =
      current ??
      openAccountIn(tx, { customerId: customer.id, ...AccountOpenFields.parse({}) }, actor);

    const at = actor.now.toISOString();
    const id = uuidv7(actor.now.getTime());
    const number = laybyNumber(
      scope.divisionCode,
      takeNumber(tx, { series: 'LAYBY', businessId: scope.businessId }),
    );
    const feeIds = {
      service: quote.serviceFeeCents > 0 ? uuidv7(actor.now.getTime()) : null,
      administration: quote.administrationFeeCents > 0 ? uuidv7(actor.now.getTime()) : null,
    };
    const ledger = {
      totalCents: quote.itemsTotalCents,
      feesCents: quote.totalFeesCents,
      paidCents: 0,
    };
    const layby = tx
      .insert(customerLaybys)
      .values({
        id,
        laybyNumber: number,
        universalCustomerId: customer.id,
        divisionAccountId: account.id,
        businessId: scope.businessId,
        status: 'ACTIVE',
        totalAmountCents: quote.itemsTotalCents,
        depositAmountCents: quote.depositCents,
        depositPercentBp: quote.depositPercentBp,
        currency: scope.currency,
        installmentAmountCents: quote.instalmentCents,
        installmentFrequency: input.plan.frequency,
        completionDueDate: startOfShopDay(quote.completionDueDate),
        serviceFeeCents: quote.serviceFeeCents,
        administrationFeeCents: quote.administrationFeeCents,
        ...projectLayby(ledger, quote.schedule, quote.depositCents),
        schedule: quote.schedule,
        terms: rules,
        items: input.items,
        notes: input.notes,
        createdAt: at,
        updatedAt: at,
        createdBy: actor.staff.id,
        originTillId: scope.tillId,
      })
      .returning()
      .get();
    const fees = [
      { id: feeIds.service, kind: 'SERVICE' as const, amountCents: quote.serviceFeeCents },
      {
        id: feeIds.administration,
        kind: 'ADMINISTRATION' as const,
        amountCents: quote.administrationFeeCents,
      },
    ];
    for (const fee of fees) {
      if (!fee.id) continue;
      tx.insert(customerLaybyFees)
        .values({
          id: fee.id,
          laybyId: id,
          businessId: scope.businessId,
          kind: fee.kind,
          amountCents: fee.amountCents,
          currency: scope.currency,
          chargedAt: at,
          chargedBy: actor.staff.id,
          originTillId: scope.tillId,
        })
        .run();
    }
    recordAudit(tx, actor, {
      entityType: AUDIT_ENTITIES.layby,
      entityId: id,
      action: 'layby.create',
      before: null,
      after: {
        laybyNumber: number,
        totalAmountCents: quote.itemsTotalCents,
        fees: quote.totalFeesCents,
      },
    });
    appendMutation(
      tx,
      'layby.create',
      {
        id,
        laybyNumber: number,
        universalCustomerId: customer.id,
        divisionAccountId: account.id,
        currency: scope.currency,
        items: input.items,
        plan: input.plan,
        startDate: today,
        depositCents: quote.depositCents,
        rules,
        totalAmountCents: quote.itemsTotalCents,
        serviceFeeCents: quote.serviceFeeCents,
        administrationFeeCents: quote.administrationFeeCents,
        schedule: quote.schedule,
        serviceFeeId: feeIds.service,
        administrationFeeId: feeIds.administration,
        notes: input.notes,
        actorUserId: actor.staff.id,
        createdAt: at,
      },
      actor.now,
    );
    const slipCustomer = { customerNumber: customer.customerNumber, fullName: customer.fullName };
    const agreementJob = queueSlip(
      tx,
      actor,
      customer.id,
      agreementSlip(
        { ...header, receiptNumber: number },
        layby,
        slipCustomer,
        input.items,
        quote.schedule,
        rules,
      ),
    );
    const paid = recordPayment(tx, actor, {
      layby,
      customer: slipCustomer,
      tender: {
        ...input.deposit,
        amountCents: deposit.amountCents,
        currency: scope.currency,
        tendered: deposit.tendered,
      },
      approvedBy: null,
      header,
      deposit: true,
    });
    return {
      layby: toDetail(tx, scope, paid.layby, actor.now),
      paymentId: paid.paymentId,
      receiptNumber: paid.receiptNumber,
      printJobIds: [agreementJob, paid.printJobId],
    };
  });
}
