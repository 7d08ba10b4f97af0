import { z } from 'zod';
import { CURRENCIES } from '../../money/money';
import { INSTALLMENT_FREQUENCIES, PAYMENT_METHODS } from '../enums';
import { Reason, text } from '../customers/fields';
import { ShopDate } from './dates';
import { CANCEL_INITIATORS, LaybyRules } from './rules';
import { Schedule } from './schedule';

// The shapes a layby's facts travel in: till API inputs, outbox mutations, the server API.
// One schema each, so the till and the server validate with the same rules.

const Id = z.string().uuid({ message: 'must be an id' });
const Instant = z.iso.datetime({ offset: true });
export const CentsAmount = z
  .number({ message: 'must be an amount in cents' })
  .int({ message: 'must be whole cents' })
  .min(0, { message: 'must not be negative' })
  .max(1_000_000_000_00, { message: 'is too large' });
export const PositiveCents = CentsAmount.refine((c) => c > 0, {
  message: 'must be more than zero',
});

export const LaybyItem = z.object({
  productId: Id.nullable().default(null),
  sku: text(60).nullable().default(null),
  description: z.string().trim().min(1, { message: 'is required' }).max(300),
  /** Thousandths, so 1.5 m of fabric is exact. */
  quantityMilli: z.number().int().min(1, { message: 'must be more than zero' }).max(1_000_000_000),
  unitPriceCents: CentsAmount,
});
export type LaybyItem = z.infer<typeof LaybyItem>;
export const LaybyItems = z
  .array(LaybyItem)
  .min(1, { message: 'add at least one item' })
  .max(200, { message: 'at most 200 items' });

/** A line's amount: quantity × unit price, rounded to the cent half away from zero. */
export const lineAmountCents = (item: Pick<LaybyItem, 'quantityMilli' | 'unitPriceCents'>) =>
  Math.round((item.quantityMilli * item.unitPriceCents) / 1000);
export const itemsTotalCents = (items: readonly LaybyItem[]) =>
  items.reduce((sum, item) => sum + lineAmountCents(item), 0);

export const PlanChoice = z.object({
  frequency: z.enum(INSTALLMENT_FREQUENCIES),
  instalments: z.number().int().min(1, { message: 'must be at least 1' }).max(120),
  intervalDays: z.number().int().min(1).max(365).nullable().default(null),
});
export type PlanChoice = z.infer<typeof PlanChoice>;

export const PaymentMethod = z.enum(PAYMENT_METHODS);
export const Currency = z.enum(CURRENCIES);
export const PaymentReference = text(80).nullable().default(null);

/** Money handed over in the layby's other currency, converted at head office's rate. */
export const Tendered = z.object({
  cents: PositiveCents,
  currency: Currency,
  /**
   * Head office's rate as shops post it, whichever way the money went: ZiG per US dollar,
   * × 1,000,000 (26.7512 → 26751200). Stored as is in exchange_rate_micros.
   */
  rateMicros: z.number().int().positive(),
  rateDate: ShopDate,
});
export type Tendered = z.infer<typeof Tendered>;

// ---- outbox mutations ----

export const LaybyCreatePayload = z.object({
  id: Id,
  laybyNumber: text(40).pipe(z.string().min(1)),
  universalCustomerId: Id,
  divisionAccountId: Id,
  currency: Currency,
  items: LaybyItems,
  plan: PlanChoice,
  startDate: ShopDate,
  depositCents: CentsAmount,
  /** The division's rules as the till applied them: the agreement the customer signed. */
  rules: LaybyRules,
  /** What the till computed; the server recomputes and flags a difference. */
  totalAmountCents: CentsAmount,
  serviceFeeCents: CentsAmount,
  administrationFeeCents: CentsAmount,
  schedule: Schedule,
  /** Ids of the fee rows, born at the till like the layby's. */
  serviceFeeId: Id.nullable(),
  administrationFeeId: Id.nullable(),
  notes: text(500).nullable().default(null),
  actorUserId: Id,
  createdAt: Instant,
});
export type LaybyCreatePayload = z.infer<typeof LaybyCreatePayload>;

export const LaybyPayPayload = z.object({
  id: Id,
  laybyId: Id,
  receiptNumber: text(40).pipe(z.string().min(1)),
  /** In the layby's currency. */
  amountCents: PositiveCents,
  currency: Currency,
  method: PaymentMethod,
  reference: PaymentReference,
  tendered: Tendered.nullable().default(null),
  /** The supervisor who let the cashier take less than the instalment due. */
  approvedBy: Id.nullable().default(null),
  actorUserId: Id,
  paidAt: Instant,
});
export type LaybyPayPayload = z.infer<typeof LaybyPayPayload>;

export const LaybyRefundRecord = z.object({
  id: Id,
  receiptNumber: text(40).pipe(z.string().min(1)),
  amountCents: PositiveCents,
  method: PaymentMethod,
  reference: PaymentReference,
});
export type LaybyRefundRecord = z.infer<typeof LaybyRefundRecord>;

export const LaybyCancelPayload = z.object({
  laybyId: Id,
  initiator: z.enum(CANCEL_INITIATORS),
  reason: Reason,
  cancellationFeeCents: CentsAmount,
  cancellationFeeId: Id.nullable(),
  keptFeesCents: CentsAmount,
  refund: LaybyRefundRecord.nullable(),
  actorUserId: Id,
  cancelledAt: Instant,
});
export type LaybyCancelPayload = z.infer<typeof LaybyCancelPayload>;

export const LaybyReleasePayload = z.object({
  laybyId: Id,
  collectedBy: text(200).nullable().default(null),
  collectorIdNumber: text(40).nullable().default(null),
  actorUserId: Id,
  releasedAt: Instant,
});
export type LaybyReleasePayload = z.infer<typeof LaybyReleasePayload>;

export const LaybyHoldPayload = z.object({
  laybyId: Id,
  reason: Reason,
  actorUserId: Id,
  at: Instant,
});
export type LaybyHoldPayload = z.infer<typeof LaybyHoldPayload>;
