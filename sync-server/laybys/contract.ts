import { z } from 'zod';
import { Id } from '../../shared/contract/common';
import { PageQuery, pageOf } from '../../shared/contract/head-office/paging';
import {
  LaybyDetail as TillLaybyDetail,
  LaybyPaymentView as TillPaymentView,
  LaybySummary as TillLaybySummary,
} from '../../shared/contract/till/layby-views';
import { DIVISION_CODES, LAYBY_STATUSES } from '../../shared/domain/enums';
import { Reason, text } from '../../shared/domain/customers/fields';
import { ShopDate } from '../../shared/domain/layby/dates';
import {
  LaybyItems,
  PaymentMethod,
  PaymentReference,
  PlanChoice,
  PositiveCents,
  Tendered,
} from '../../shared/domain/layby/records';
import { CANCEL_INITIATORS } from '../../shared/domain/layby/rules';

// The head-office layby API (the plan's appendix, "Layby Management"). Bodies reuse the
// shared layby field rules, so a field is valid here exactly when it is valid at a till;
// views are the till's, plus the division, since head office sees every division.

export { LaybyRulesView } from '../../shared/contract/till/layby-views';

export const LaybyIdParams = z.object({ id: Id });
export const DivisionCodeParams = z.object({
  code: z.enum(DIVISION_CODES, { message: `must be one of ${DIVISION_CODES.join(', ')}` }),
});

export const LaybyListQuery = PageQuery.extend({
  status: z.enum(LAYBY_STATUSES).optional(),
  division: z.enum(DIVISION_CODES).optional(),
  customerId: Id.optional(),
  overdue: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only laybys with an instalment due before today and not paid'),
});
export type LaybyListQuery = z.output<typeof LaybyListQuery>;

const division = { divisionId: Id, divisionCode: z.enum(DIVISION_CODES) };

export const LaybySummary = TillLaybySummary.extend(division);
export type LaybySummary = z.infer<typeof LaybySummary>;
export const LaybyPage = pageOf(LaybySummary);

export const LaybyPaymentView = TillPaymentView.extend({
  /** The payment an overpayment's credit came out of; null for a cancellation refund. */
  refundedPaymentId: Id.nullable(),
  notes: z.string().nullable(),
});
export type LaybyPaymentView = z.infer<typeof LaybyPaymentView>;

export const LaybyDetail = TillLaybyDetail.extend({
  ...division,
  payments: z.array(LaybyPaymentView),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type LaybyDetail = z.infer<typeof LaybyDetail>;

/** Money handed over at head office, in the layby's currency (tendered: paid in the other one). */
export const PaymentBody = z.object({
  amountCents: PositiveCents,
  method: PaymentMethod.default('CASH'),
  reference: PaymentReference,
  tendered: Tendered.nullable().default(null),
});

export const CreateLaybyBody = z.object({
  divisionId: Id,
  items: LaybyItems,
  plan: PlanChoice,
  /** The day the layby is opened; today (shop time) when left out. */
  startDate: ShopDate.optional(),
  deposit: PaymentBody,
  notes: text(500).nullable().default(null),
});

export const CompleteBody = z.object({
  collectedBy: text(200).nullable().default(null),
  collectorIdNumber: text(40).nullable().default(null),
});

export const CancelBody = z.object({
  initiator: z.enum(CANCEL_INITIATORS).default('CUSTOMER'),
  reason: Reason,
  refundMethod: PaymentMethod.default('CASH'),
  refundReference: PaymentReference,
});

export const PaymentResult = z.object({
  layby: LaybyDetail,
  payment: LaybyPaymentView,
  /** Why the payment needs a supervisor's look, when it does. */
  flagged: z.string().nullable(),
});

export const PaymentList = z.object({ laybyId: Id, items: z.array(LaybyPaymentView) });
