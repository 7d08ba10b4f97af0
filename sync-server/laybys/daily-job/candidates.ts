import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { customerLaybys as l } from '../../../db/central/schema';
import {
  daysBetween,
  shopDate,
  startOfShopDay,
  type ShopDate,
} from '../../../shared/domain/layby/dates';
import { DEFAULT_LAYBY_RULES } from '../../../shared/domain/layby/rules';
import type { DivisionRules } from './division-rules';
import { epochMs } from './sql-rows';

// Which laybys the day's run must look at. payment_due_date is the start of the first unpaid
// instalment's day, so a layby can only owe a late fee (or be in default) when that day is
// more than its grace period before today: a later instalment cannot be late if the first
// unpaid one is not. SQL narrows to ACTIVE laybys due before today; the grace check, which
// differs per agreement, is made here on two small columns.

type Candidate = { id: string; businessId: string; dueMs: string | null; grace: unknown };

/** The ids of ACTIVE laybys whose first unpaid instalment may be past its grace period, in id order. */
export async function findCandidates(
  db: Pick<CentralDb, 'select'>,
  day: ShopDate,
  divisions: Map<string, DivisionRules>,
): Promise<string[]> {
  const rows: Candidate[] = await db
    .select({
      id: l.id,
      businessId: l.businessId,
      dueMs: epochMs(l.paymentDueDate),
      grace: sql<unknown>`${l.terms} -> 'lateFeeGraceDays'`,
    })
    .from(l)
    .where(and(eq(l.status, 'ACTIVE'), lt(l.paymentDueDate, startOfShopDay(day))))
    .orderBy(asc(l.id));
  return rows.filter((row) => pastGrace(row, day, divisions)).map((row) => row.id);
}

function pastGrace(row: Candidate, day: ShopDate, divisions: Map<string, DivisionRules>): boolean {
  const division = divisions.get(row.businessId);
  if (!division || row.dueMs === null) return false;
  const dueDay = shopDate(new Date(Number(row.dueMs)));
  // The smallest grace the layby could be judged by (its terms, its division's rules, or the
  // defaults its terms fall back to when they no longer parse). The exact rules are applied
  // when it is charged, so erring wide only costs a look.
  const own = typeof row.grace === 'number' && Number.isInteger(row.grace) ? row.grace : Infinity;
  const grace = Math.min(
    own,
    division.rules.lateFeeGraceDays,
    DEFAULT_LAYBY_RULES[division.code].lateFeeGraceDays,
  );
  return daysBetween(dueDay, day) > grace;
}
