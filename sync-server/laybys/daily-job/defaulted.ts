import { and, asc, count, eq, inArray, max, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { CentralDb } from '../../../db/central/connect';
import {
  businesses,
  customerLaybys as l,
  flaggedEvents,
  universalCustomers as c,
} from '../../../db/central/schema';
import { PageQuery, pageOf } from '../../../shared/contract/head-office/paging';
import { CURRENCIES } from '../../../shared/money/money';
import { DIVISION_CODES } from '../../../shared/domain/enums';
import { shopDate } from '../../../shared/domain/layby/dates';
import { epochMs } from './sql-rows';

// The laybys a division has in default, for the supervisor who decides what happens to the
// goods: who owes what, since when, and the instalment that was missed first.

export const DefaultedQuery = PageQuery.extend({ division: z.enum(DIVISION_CODES).optional() });

const Cents = z.number().int();
export const DefaultedLayby = z.object({
  id: z.string(),
  laybyNumber: z.string(),
  division: z.string(),
  customerId: z.string(),
  customerNumber: z.string(),
  customerName: z.string(),
  currency: z.enum(CURRENCIES),
  totalAmountCents: Cents,
  totalFeesCents: Cents,
  lateFeeCents: Cents,
  totalPaidCents: Cents,
  balanceRemainingCents: Cents,
  /** The first unpaid instalment's shop day. */
  nextDueDate: z.string().nullable(),
  /** When the daily job marked it (its LAYBY_DEFAULTED flag); null if marked otherwise. */
  defaultedAt: z.string().nullable(),
});
export type DefaultedLayby = z.infer<typeof DefaultedLayby>;
export const DefaultedPage = pageOf(DefaultedLayby);

const isoOfMs = (ms: string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** DEFAULTED laybys of one division (or all when businessId is null), oldest first. */
export async function listDefaulted(
  db: CentralDb,
  businessId: string | null,
  page: { limit: number; offset: number },
): Promise<z.infer<typeof DefaultedPage>> {
  const filters: SQL[] = [eq(l.status, 'DEFAULTED')];
  if (businessId) filters.push(eq(l.businessId, businessId));
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: l.id,
        laybyNumber: l.laybyNumber,
        division: businesses.code,
        customerId: c.id,
        customerNumber: c.customerNumber,
        customerName: c.fullName,
        currency: l.currency,
        totalAmountCents: l.totalAmountCents,
        totalFeesCents: l.totalFeesCents,
        lateFeeCents: l.lateFeeCents,
        totalPaidCents: l.totalPaidCents,
        balanceRemainingCents: l.balanceRemainingCents,
        dueMs: epochMs(l.paymentDueDate),
      })
      .from(l)
      .innerJoin(businesses, eq(businesses.id, l.businessId))
      .innerJoin(c, eq(c.id, l.universalCustomerId))
      .where(where)
      .orderBy(asc(l.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(l).where(where),
  ]);
  const flagged = await defaultedAt(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map(({ dueMs, ...row }) => ({
      ...row,
      nextDueDate: dueMs === null ? null : shopDate(new Date(Number(dueMs))),
      defaultedAt: flagged.get(row.id) ?? null,
    })),
    total: total?.n ?? 0,
    limit: page.limit,
    offset: page.offset,
  };
}

async function defaultedAt(db: CentralDb, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: flaggedEvents.entityId, atMs: epochMs(max(flaggedEvents.createdAt)) })
    .from(flaggedEvents)
    .where(
      and(
        eq(flaggedEvents.entityType, 'layby'),
        eq(flaggedEvents.kind, 'LAYBY_DEFAULTED'),
        inArray(flaggedEvents.entityId, ids),
      ),
    )
    .groupBy(flaggedEvents.entityId);
  return new Map(rows.map((row) => [row.id, isoOfMs(row.atMs)]));
}
