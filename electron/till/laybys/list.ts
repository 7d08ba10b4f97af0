import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { customerLaybys, universalCustomers } from '../../../db/till/schema';
import type { LaybySummary } from '../../../shared/contract/till/layby-views';
import { addDays, shopDate, startOfShopDay } from '../../../shared/domain/layby/dates';
import type { LaybyStatus } from '../../../shared/domain/enums';
import type { TillTx } from '../db-types';
import { escapeLike } from '../sql-like';
import type { TillScope } from '../customers/scope';
import { toSummary } from './views';

type Reader = Pick<TillTx, 'select'>;

export type LaybyListInput = {
  status: LaybyStatus | null;
  due: 'THIS_WEEK' | 'OVERDUE' | null;
  customerId: string | null;
  query: string;
  limit: number;
};

/** The division's laybys, soonest due first: by status, due this week, overdue, customer or number/name. */
export function listLaybys(
  tx: Reader,
  scope: TillScope,
  input: LaybyListInput,
  now: Date,
): { rows: LaybySummary[]; total: number } {
  const today = shopDate(now);
  const startOfToday = startOfShopDay(today);
  const conditions: SQL[] = [eq(customerLaybys.businessId, scope.businessId)];
  if (input.status) conditions.push(eq(customerLaybys.status, input.status));
  if (input.customerId) conditions.push(eq(customerLaybys.universalCustomerId, input.customerId));
  if (input.due === 'OVERDUE')
    conditions.push(
      eq(customerLaybys.status, 'ACTIVE'),
      lt(customerLaybys.paymentDueDate, startOfToday),
    );
  if (input.due === 'THIS_WEEK') {
    conditions.push(
      eq(customerLaybys.status, 'ACTIVE'),
      sql`${customerLaybys.paymentDueDate} >= ${startOfToday}`,
      lt(customerLaybys.paymentDueDate, startOfShopDay(addDays(today, 7))),
    );
  }
  const query = input.query.trim();
  if (query) {
    const pattern = `%${escapeLike(query)}%`;
    const match = or(
      sql`${customerLaybys.laybyNumber} like ${pattern} escape '\\'`,
      sql`${universalCustomers.fullName} like ${pattern} escape '\\'`,
    );
    if (match) conditions.push(match);
  }
  const where = and(...conditions);
  const rows = tx
    .select({
      layby: customerLaybys,
      fullName: universalCustomers.fullName,
      customerNumber: universalCustomers.customerNumber,
    })
    .from(customerLaybys)
    .innerJoin(universalCustomers, eq(universalCustomers.id, customerLaybys.universalCustomerId))
    .where(where)
    .orderBy(
      sql`${customerLaybys.paymentDueDate} is null`,
      customerLaybys.paymentDueDate,
      desc(customerLaybys.createdAt),
    )
    .limit(input.limit)
    .all();
  const total =
    tx
      .select({ n: sql<number>`count(*)` })
      .from(customerLaybys)
      .innerJoin(universalCustomers, eq(universalCustomers.id, customerLaybys.universalCustomerId))
      .where(where)
      .get()?.n ?? 0;
  return {
    rows: rows.map((r) => toSummary(r.layby, r, today)),
    total,
  };
}
