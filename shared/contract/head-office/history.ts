import { z } from 'zod';
import { Id } from '../common';
import { CURRENCIES } from '../../money/money';
import { DIVISION_CODES, ORDER_PAYMENT_STATUSES, ORDER_STATUSES } from '../../domain/enums';
import { checkRange, DateOrInstant, PageQuery } from './paging';

// GET /api/customers/:id/history: a customer's purchases across every division, newest first.

export const HistoryQuery = PageQuery.extend({
  division: z.enum(DIVISION_CODES).optional(),
  from: DateOrInstant.optional(),
  to: DateOrInstant.optional().describe('a bare date includes that day'),
}).superRefine((q, ctx) => checkRange(q, ctx, 'to'));
export type HistoryQuery = z.output<typeof HistoryQuery>;

export const OrderLine = z.object({
  lineNumber: z.number().int(),
  sku: z.string().nullable(),
  description: z.string(),
  quantityMilli: z.number().int().describe('thousandths of a unit'),
  unitPriceCents: z.number().int(),
  discountCents: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const HistoryOrder = z.object({
  id: Id,
  orderNumber: z.string(),
  businessId: Id,
  divisionCode: z.string(),
  divisionAccountId: Id.nullable(),
  status: z.enum(ORDER_STATUSES),
  paymentStatus: z.enum(ORDER_PAYMENT_STATUSES),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  taxCents: z.number().int(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  currency: z.enum(CURRENCIES),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  lines: z.array(OrderLine),
});

/** Totals per division and currency over the whole filtered history, voided orders left out. */
export const HistorySummary = z.object({
  divisionCode: z.string(),
  currency: z.enum(CURRENCIES),
  orders: z.number().int(),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
});

export const CustomerHistory = z.object({
  customerId: Id,
  items: z.array(HistoryOrder),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  summary: z.array(HistorySummary),
});
export type CustomerHistory = z.infer<typeof CustomerHistory>;
