import { eq } from 'drizzle-orm';
import { laybyRules } from '../../../db/till/schema';
import type { LaybyRulesView } from '../../../shared/contract/till/layby-views';
import { laybyRulesFor, type LaybyRules } from '../../../shared/domain/layby/rules';
import type { TillTx } from '../db-types';
import type { TillScope } from '../customers/scope';

type Reader = Pick<TillTx, 'select'>;

/** The division's layby rules: head office's saved row (pulled like any synced row) or the defaults. */
export function readLaybyRules(tx: Reader, scope: TillScope): LaybyRulesView {
  const row = tx
    .select({ rules: laybyRules.rules })
    .from(laybyRules)
    .where(eq(laybyRules.businessId, scope.businessId))
    .get();
  return {
    divisionCode: scope.divisionCode,
    currency: scope.currency,
    rules: laybyRulesFor(scope.divisionCode, row?.rules),
    custom: row !== undefined,
  };
}

/** The rules a layby was agreed under (its terms snapshot), else the division's current ones. */
export function rulesOfLayby(tx: Reader, scope: TillScope, terms: unknown): LaybyRules {
  return terms == null ? readLaybyRules(tx, scope).rules : laybyRulesFor(scope.divisionCode, terms);
}
