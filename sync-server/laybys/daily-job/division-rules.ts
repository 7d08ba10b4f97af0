import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../../db/central/connect';
import { businesses, laybyRules } from '../../../db/central/schema';
import { DIVISION_CODES, type DivisionCode } from '../../../shared/domain/enums';
import { laybyRulesFor, type LaybyRules } from '../../../shared/domain/layby/rules';

// The rules each layby is judged by: its own `terms` (the agreement the customer signed)
// or, for laybys signed before terms were kept, its division's current rules.

export type DivisionRules = { code: DivisionCode; rules: LaybyRules };

/** Every division's rules: its layby_rules row, or the defaults for its code. */
export async function loadDivisionRules(
  db: Pick<CentralDb, 'select'>,
): Promise<Map<string, DivisionRules>> {
  const rows = await db
    .select({ id: businesses.id, code: businesses.code, stored: laybyRules.rules })
    .from(businesses)
    .leftJoin(laybyRules, eq(laybyRules.businessId, businesses.id))
    .where(eq(businesses.kind, 'DIVISION'));
  const byBusiness = new Map<string, DivisionRules>();
  for (const row of rows) {
    const code = DIVISION_CODES.find((c) => c === row.code);
    if (code) byBusiness.set(row.id, { code, rules: laybyRulesFor(code, row.stored) });
  }
  return byBusiness;
}

/**
 * Resolves a layby's rules from its terms text. Most laybys of a division share the same
 * snapshot, so each distinct text is parsed once per run rather than once per layby.
 */
export function rulesResolver(divisions: Map<string, DivisionRules>) {
  const parsed = new Map<string, LaybyRules>();
  return (businessId: string, termsText: string | null): LaybyRules | null => {
    const division = divisions.get(businessId);
    if (!division) return null;
    if (termsText === null) return division.rules;
    const key = `${division.code}:${termsText}`;
    let rules = parsed.get(key);
    if (!rules) {
      rules = laybyRulesFor(division.code, JSON.parse(termsText));
      parsed.set(key, rules);
    }
    return rules;
  };
}
