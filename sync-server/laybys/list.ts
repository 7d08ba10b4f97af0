import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { customerLaybys, universalCustomers } from '../../db/central/schema';
import { shopDate, startOfShopDay } from '../../shared/domain/layby/dates';
import type { StaffPrincipal } from '../auth/principal';
import type { Divisions } from '../customers/divisions';
import { resolveCustomerId } from '../customers/resolve';
import type { LaybyListQuery, LaybySummary } from './contract';
import { toSummary } from './dto';

// GET /api/laybys: newest first, narrowed by filters. Division staff see their own division's
// laybys only, as their tills do; head office sees all.

const l = customerLaybys;
const OPEN = ['ACTIVE', 'DEFAULTED'] as const;

/** Laybys that can fall behind, with an unpaid instalment due before today (shop time). */
function overdueFilter(overdue: boolean | undefined, today: string): SQL | undefined {
  if (overdue === undefined) return undefined;
  const dueBefore = startOfShopDay(today);
  const behind = and(inArray(l.status, [...OPEN]), lt(l.paymentDueDate, dueBefore));
  return overdue
    ? behind
    : or(
        notInArray(l.status, [...OPEN]),
        isNull(l.paymentDueDate),
        gte(l.paymentDueDate, dueBefore),
      );
}

export async function listLaybys(
  db: CentralDb,
  query: LaybyListQuery,
  staff: StaffPrincipal,
  divisions: Divisions,
  now: Date,
): Promise<{ items: LaybySummary[]; total: number }> {
  const today = shopDate(now);
  const divisionId = query.division
    ? (divisions.byCode.get(query.division)?.id ?? null)
    : undefined;
  const customerId = query.customerId ? await resolveCustomerId(db, query.customerId) : undefined;
  const where = and(
    staff.businessId === null ? undefined : eq(l.businessId, staff.businessId),
    divisionId === undefined
      ? undefined
      : divisionId === null
        ? sql`false`
        : eq(l.businessId, divisionId),
    query.status ? eq(l.status, query.status) : undefined,
    customerId === undefined
      ? undefined
      : customerId === null
        ? sql`false`
        : eq(l.universalCustomerId, customerId),
    overdueFilter(query.overdue, today),
  );
  const rows = await db
    .select({
      layby: l,
      fullName: universalCustomers.fullName,
      customerNumber: universalCustomers.customerNumber,
    })
    .from(l)
    .innerJoin(universalCustomers, eq(universalCustomers.id, l.universalCustomerId))
    .where(where)
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await db.select({ n: count() }).from(l).where(where);
  return {
    items: rows.map((r) => toSummary(r.layby, r, divisions, today)),
    total: Number(counted?.n ?? 0),
  };
}
