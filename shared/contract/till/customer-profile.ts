import { z } from 'zod';
import { CURRENCIES } from '../../money/money';
import { LAYBY_STATUSES, ORDER_STATUSES } from '../../domain/enums';
import { AccountTotals, AccountView, CustomerView, NoteView } from './customer-views';

// The 360° profile: who the customer is, what they hold with every division the till knows,
// what they owe and bought, what staff must know (alerts first), and who changed what.

const currency = z.enum(CURRENCIES);

export const LaybySummary = z.object({
  id: z.string(),
  laybyNumber: z.string(),
  status: z.enum(LAYBY_STATUSES),
  totalAmountCents: z.number().int(),
  totalPaidCents: z.number().int(),
  balanceRemainingCents: z.number().int(),
  currency,
  paymentDueDate: z.string().nullable(),
  createdAt: z.string(),
});

export const OrderSummary = z.object({
  id: z.string(),
  orderNumber: z.string(),
  status: z.enum(ORDER_STATUSES),
  totalCents: z.number().int(),
  currency,
  createdAt: z.string(),
});

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  tillId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Why a new layby or credit may not be taken, each a sentence for the cashier. */
export const Blocks = z.object({
  layby: z.array(z.string()),
  credit: z.array(z.string()),
});

export const CustomerProfile = z.object({
  customer: CustomerView,
  /** Set when the id asked for was merged into this customer. */
  redirectedFrom: z.string().nullable(),
  accounts: z.array(z.discriminatedUnion('detail', [AccountView, AccountTotals])),
  /** Outstanding balances by currency: division accounts plus open laybys. */
  balances: z.array(z.object({ currency, owedCents: z.number().int() })),
  laybys: z.array(LaybySummary),
  recentOrders: z.array(OrderSummary),
  notes: z.array(NoteView),
  blocks: Blocks,
  audit: z.array(AuditEntry),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;
