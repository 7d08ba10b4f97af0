import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, sum } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { businessOrderLines, businessOrders } from '../../db/central/schema';
import type { CustomerHistory, HistoryQuery } from '../../shared/contract/head-office/history';
import { endBound, startBound } from '../../shared/contract/head-office/paging';
import type { StaffPrincipal } from '../auth/principal';
import { loadDivisions } from './divisions';
import { iso, isoOrNull } from './dto';

// A customer's purchases across divisions (business_orders), newest first, with totals per
// division and currency. Orders moved by a merge are the survivor's, so one id covers them.
// Division staff see their own division's orders only, as with accounts.

const o = businessOrders;

export async function customerHistory(
  db: CentralDb,
  customerId: string,
  query: HistoryQuery,
  staff: StaffPrincipal,
): Promise<CustomerHistory> {
  const divisions = await loadDivisions(db);
  const chosen = query.division ? (divisions.byCode.get(query.division)?.id ?? 'none') : null;
  const where = and(
    eq(o.universalCustomerId, customerId),
    chosen === 'none' ? sql`false` : chosen ? eq(o.businessId, chosen) : undefined,
    staff.businessId ? eq(o.businessId, staff.businessId) : undefined,
    query.from ? gte(o.createdAt, startBound(query.from)) : undefined,
    query.to ? lt(o.createdAt, endBound(query.to)) : undefined,
  );
  const [orders, [counted], totals] = await Promise.all([
    db
      .select()
      .from(o)
      .where(where)
      .orderBy(desc(o.createdAt), desc(o.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(o).where(where),
    db
      .select({
        businessId: o.businessId,
        currency: o.currency,
        orders: count(),
        total: sum(o.totalCents),
        paid: sum(o.paidCents),
      })
      .from(o)
      .where(and(where, ne(o.status, 'VOIDED')))
      .groupBy(o.businessId, o.currency)
      .orderBy(o.businessId, o.currency),
  ]);
  const lines = orders.length
    ? await db
        .select()
        .from(businessOrderLines)
        .where(
          inArray(
            businessOrderLines.orderId,
            orders.map((order) => order.id),
          ),
        )
        .orderBy(asc(businessOrderLines.lineNumber))
    : [];
  const codeOf = (businessId: string) => divisions.byId.get(businessId)?.code ?? '?';
  return {
    customerId,
    limit: query.limit,
    offset: query.offset,
    total: Number(counted?.n ?? 0),
    items: orders.map((order) => ({
      id: order.id,
      orderNumber: order.orderNumber,
      businessId: order.businessId,
      divisionCode: codeOf(order.businessId),
      divisionAccountId: order.divisionAccountId,
      status: order.status,
      paymentStatus: order.paymentStatus,
      subtotalCents: order.subtotalCents,
      discountCents: order.discountCents,
      taxCents: order.taxCents,
      totalCents: order.totalCents,
      paidCents: order.paidCents,
      currency: order.currency,
      createdAt: iso(order.createdAt),
      completedAt: isoOrNull(order.completedAt),
      lines: lines
        .filter((line) => line.orderId === order.id)
        .map((line) => ({
          lineNumber: line.lineNumber,
          sku: line.sku,
          description: line.description,
          quantityMilli: line.quantityMilli,
          unitPriceCents: line.unitPriceCents,
          discountCents: line.discountCents,
          lineTotalCents: line.lineTotalCents,
        })),
    })),
    // sum() of bigint comes back as numeric text; the totals are whole cents.
    summary: totals.map((row) => ({
      divisionCode: codeOf(row.businessId),
      currency: row.currency,
      orders: Number(row.orders),
      totalCents: Number(row.total ?? 0),
      paidCents: Number(row.paid ?? 0),
    })),
  };
}
