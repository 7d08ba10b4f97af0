import { z } from 'zod';
import { INSTALLMENT_FREQUENCIES, LAYBY_FEE_KINDS, LAYBY_STATUSES } from '../../domain/enums';
import { CANCEL_INITIATORS, LaybyRules } from '../../domain/layby/rules';
import { Currency, PaymentMethod } from '../../domain/layby/records';
import { Id } from '../common';

// What the till shows of laybys. Money is integer cents in `currency`.

const Cents = z.number().int();
const Day = z.string();

export const LaybyRulesView = z.object({
  divisionCode: z.string(),
  currency: Currency,
  rules: LaybyRules,
  /** False when head office has saved none and the division runs on the defaults. */
  custom: z.boolean(),
});
export type LaybyRulesView = z.infer<typeof LaybyRulesView>;

export const InstalmentView = z.object({
  dueDate: Day,
  amountCents: Cents,
  paidCents: Cents,
  state: z.enum(['PAID', 'PART_PAID', 'DUE', 'LATE', 'UPCOMING']),
});

export const LaybyQuoteView = z.object({
  currency: Currency,
  itemsTotalCents: Cents,
  serviceFeeCents: Cents,
  administrationFeeCents: Cents,
  totalFeesCents: Cents,
  minDepositCents: Cents,
  depositCents: Cents,
  depositPercentBp: z.number().int(),
  balanceAfterDepositCents: Cents,
  instalmentCents: Cents,
  schedule: z.array(z.object({ dueDate: Day, amountCents: Cents })),
  completionDueDate: Day,
});
export type LaybyQuoteView = z.infer<typeof LaybyQuoteView>;

export const LaybySummary = z.object({
  id: Id,
  laybyNumber: z.string(),
  status: z.enum(LAYBY_STATUSES),
  customerId: Id,
  customerName: z.string(),
  customerNumber: z.string(),
  currency: Currency,
  totalAmountCents: Cents,
  totalFeesCents: Cents,
  totalPaidCents: Cents,
  balanceRemainingCents: Cents,
  nextDueDate: Day.nullable(),
  overdue: z.boolean(),
  itemsReleased: z.boolean(),
  createdAt: z.string(),
});
export type LaybySummary = z.infer<typeof LaybySummary>;

export const LaybyPaymentView = z.object({
  id: Id,
  receiptNumber: z.string(),
  amountCents: Cents,
  currency: Currency,
  method: PaymentMethod,
  reference: z.string().nullable(),
  tenderedCents: Cents.nullable(),
  tenderedCurrency: Currency.nullable(),
  exchangeRateMicros: z.number().int().nullable(),
  isRefund: z.boolean(),
  paidAt: z.string(),
  processedBy: z.string(),
  /** Not yet confirmed by head office. */
  pending: z.boolean(),
});
export type LaybyPaymentView = z.infer<typeof LaybyPaymentView>;

export const LaybyFeeView = z.object({
  id: Id,
  kind: z.enum(LAYBY_FEE_KINDS),
  amountCents: Cents,
  instalmentDueDate: Day.nullable(),
  chargedAt: z.string(),
});

export const LaybyItemView = z.object({
  description: z.string(),
  sku: z.string().nullable(),
  quantityMilli: z.number().int(),
  unitPriceCents: Cents,
  amountCents: Cents,
});

export const CancellationQuoteView = z.object({
  initiator: z.enum(CANCEL_INITIATORS),
  currency: Currency,
  totalPaidCents: Cents,
  keptFeesCents: Cents,
  cancellationFeeCents: Cents,
  refundCents: Cents,
});
export type CancellationQuoteView = z.infer<typeof CancellationQuoteView>;

export const LaybyDetail = LaybySummary.extend({
  divisionAccountId: Id,
  depositAmountCents: Cents,
  installmentFrequency: z.enum(INSTALLMENT_FREQUENCIES).nullable(),
  completionDueDate: Day.nullable(),
  items: z.array(LaybyItemView),
  schedule: z.array(InstalmentView),
  payments: z.array(LaybyPaymentView),
  fees: z.array(LaybyFeeView),
  /** The least a cashier may take without a supervisor. */
  minimumPaymentCents: Cents,
  arrearsCents: Cents,
  itemsReleasedAt: z.string().nullable(),
  itemsReleasedBy: z.string().nullable(),
  cancellationReason: z.string().nullable(),
  cancellationRefundCents: Cents.nullable(),
  notes: z.string().nullable(),
  /** Who may release the goods under the agreement's rules. */
  releaseBy: z.enum(['CASHIER', 'SUPERVISOR']),
});
export type LaybyDetail = z.infer<typeof LaybyDetail>;

export const LaybyPaymentResult = z.object({
  layby: LaybyDetail,
  paymentId: Id,
  receiptNumber: z.string(),
  /** The print job of the receipt (and of the agreement, on creation). */
  printJobIds: z.array(Id),
});
export type LaybyPaymentResult = z.infer<typeof LaybyPaymentResult>;

export const ProductView = z.object({
  id: Id,
  sku: z.string(),
  name: z.string(),
  priceCents: Cents,
  currency: Currency,
});
export type ProductView = z.infer<typeof ProductView>;
