import { eq, sql } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { laybyRules, type CustomerLaybyRow } from '../../db/central/schema';
import type { DivisionCode } from '../../shared/domain/enums';
import { LaybyRules, laybyRulesFor, DEFAULT_LAYBY_RULES } from '../../shared/domain/layby/rules';
import { uuidv7 } from '../../shared/ids';
import { loadDivisions } from '../customers/divisions';
import { nextServerSeq, type CentralTx } from '../sync/change-sequence';

// Each division's layby rules: the row head office saved (synced to the division's tills),
// or the shared defaults when there is none. A layby itself follows the rules it was signed
// under (its `terms` snapshot), not later edits.

type Reader = Pick<CentralDb, 'select'>;
type DivisionKey = { id: string; code: DivisionCode };

export type DivisionRules = { rules: LaybyRules; custom: boolean };

export async function divisionRules(tx: Reader, division: DivisionKey): Promise<DivisionRules> {
  const [row] = await tx
    .select({ rules: laybyRules.rules })
    .from(laybyRules)
    .where(eq(laybyRules.businessId, division.id));
  // A saved row that no longer parses (rules grew a field) runs on the defaults, and says so.
  const custom = row !== undefined && LaybyRules.safeParse(row.rules).success;
  return { rules: laybyRulesFor(division.code, row?.rules), custom };
}

/** The rules a layby was signed under; its division's current rules for rows without a snapshot. */
export async function agreedRules(
  tx: Reader,
  layby: Pick<CustomerLaybyRow, 'terms' | 'businessId'>,
): Promise<LaybyRules> {
  const parsed = LaybyRules.safeParse(layby.terms);
  if (parsed.success) return parsed.data;
  const division = (await loadDivisions(tx)).byId.get(layby.businessId);
  return division ? (await divisionRules(tx, division)).rules : DEFAULT_LAYBY_RULES.CLO;
}

/** Saves a division's rules (one row per division), stamped so its tills pull them. */
export async function saveDivisionRules(
  tx: CentralTx,
  divisionId: string,
  rules: LaybyRules,
  userId: string,
): Promise<void> {
  await tx
    .insert(laybyRules)
    .values({
      id: uuidv7(),
      businessId: divisionId,
      rules,
      updatedBy: userId,
      serverSeq: nextServerSeq(),
    })
    .onConflictDoUpdate({
      target: laybyRules.businessId,
      // The stamp drawn for the insert attempt, so an update takes one value, not two.
      set: { rules, updatedBy: userId, updatedAt: sql`now()`, serverSeq: sql`excluded.server_seq` },
    });
}
