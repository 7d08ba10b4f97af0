import { z } from 'zod';
import { Pin, Username, Id } from '../common';
import { LAYBY_STATUSES } from '../../domain/enums';
import { Reason, text } from '../../domain/customers/fields';
import { CANCEL_INITIATORS } from '../../domain/layby/rules';
import {
  CentsAmount,
  Currency,
  LaybyItems,
  PaymentMethod,
  PaymentReference,
  PlanChoice,
  PositiveCents,
} from '../../domain/layby/records';
import { Empty, method } from './method';
import {
  CancellationQuoteView,
  LaybyDetail,
  LaybyPaymentResult,
  LaybyQuoteView,
  LaybyRulesView,
  LaybySummary,
  ProductView,
} from './layby-views';

export * from './layby-views';

// Laybys at the till, offline as well as online: quote, open with a deposit, take payments,
// release, cancel, hold and resume. Every money method commits its rows, the audit entry,
// the outbox mutation and the slip's print job in one SQLite transaction.

/** What the customer hands over: an amount in either currency, how, and its reference. */
export const TenderInput = z.object({
  amountCents: PositiveCents,
  /** The layby's currency, or the other one (converted at head office's rate of the day). */
  currency: Currency,
  method: PaymentMethod,
  reference: PaymentReference,
});
export type TenderInput = z.infer<typeof TenderInput>;

/** A supervisor's sign-off at a cashier's till: their username and PIN, checked offline. */
export const SupervisorApproval = z.object({ username: Username, pin: Pin });

const QuoteInput = z.object({
  items: LaybyItems,
  depositCents: CentsAmount.nullable().default(null),
  plan: PlanChoice,
});

const ByLayby = z.object({ laybyId: Id });

export const laybyMethods = {
  'laybys:rules': method({ input: Empty, output: LaybyRulesView, permission: 'customer.read' }),
  'laybys:quote': method({ input: QuoteInput, output: LaybyQuoteView, permission: 'layby.take' }),
  'laybys:create': method({
    input: QuoteInput.extend({
      customerId: Id,
      deposit: TenderInput,
      notes: text(500).nullable().default(null),
    }),
    output: LaybyPaymentResult,
    permission: 'layby.take',
  }),
  'laybys:list': method({
    input: z.object({
      status: z.enum(LAYBY_STATUSES).nullable().default(null),
      due: z.enum(['THIS_WEEK', 'OVERDUE']).nullable().default(null),
      customerId: Id.nullable().default(null),
      /** Layby number or customer name fragment. */
      query: z.string().trim().max(100).default(''),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(LaybySummary), total: z.number().int() }),
    permission: 'customer.read',
  }),
  'laybys:get': method({
    input: z.object({ id: Id }),
    output: LaybyDetail,
    permission: 'customer.read',
  }),
  'laybys:pay': method({
    input: ByLayby.extend({
      tender: TenderInput,
      /** Needed to take less than the instalment due, unless the signed-in staff is a supervisor. */
      approval: SupervisorApproval.nullable().default(null),
    }),
    output: LaybyPaymentResult,
    permission: 'layby.take',
  }),
  'laybys:release': method({
    input: ByLayby.extend({
      collectedBy: text(200).nullable().default(null),
      collectorIdNumber: text(40).nullable().default(null),
    }),
    output: LaybyDetail,
    permission: 'layby.take',
  }),
  'laybys:cancelQuote': method({
    input: ByLayby.extend({ initiator: z.enum(CANCEL_INITIATORS) }),
    output: CancellationQuoteView,
    permission: 'layby.cancel',
  }),
  'laybys:cancel': method({
    input: ByLayby.extend({
      initiator: z.enum(CANCEL_INITIATORS),
      reason: Reason,
      refundMethod: PaymentMethod,
      refundReference: PaymentReference,
    }),
    output: LaybyDetail,
    permission: 'layby.cancel',
  }),
  'laybys:hold': method({
    input: ByLayby.extend({ reason: Reason }),
    output: LaybyDetail,
    permission: 'layby.supervise',
  }),
  'laybys:resume': method({
    input: ByLayby.extend({ reason: Reason }),
    output: LaybyDetail,
    permission: 'layby.supervise',
  }),
  'catalogue:search': method({
    input: z.object({ query: z.string().trim().max(100) }),
    output: z.object({ products: z.array(ProductView) }),
    permission: 'customer.read',
  }),
} as const;
