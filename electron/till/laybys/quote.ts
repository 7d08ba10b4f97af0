import type { LaybyQuoteView } from '../../../shared/contract/till/layby-views';
import { AppError } from '../../../shared/contract/result';
import { shopDate } from '../../../shared/domain/layby/dates';
import {
  itemsTotalCents,
  type LaybyItem,
  type PlanChoice,
} from '../../../shared/domain/layby/records';
import { minimumDeposit, quoteLayby } from '../../../shared/domain/layby/schedule';
import type { TillTx } from '../db-types';
import type { TillScope } from '../customers/scope';
import { readLaybyRules } from './rules';

/**
 * The plan the customer is shown before agreeing: fees, deposit and the schedule from
 * today. No deposit given: the rules' minimum.
 */
export function quote(
  tx: Pick<TillTx, 'select'>,
  scope: TillScope,
  input: { items: LaybyItem[]; depositCents: number | null; plan: PlanChoice },
  now: Date,
): LaybyQuoteView {
  const { rules } = readLaybyRules(tx, scope);
  const total = itemsTotalCents(input.items);
  const quoted = quoteLayby(rules, {
    itemsTotalCents: total,
    depositCents: input.depositCents ?? minimumDeposit(rules, total),
    frequency: input.plan.frequency,
    instalments: input.plan.instalments,
    intervalDays: input.plan.intervalDays,
    startDate: shopDate(now),
  });
  if (!quoted.ok)
    throw new AppError('INVALID_INPUT', `${quoted.field}: ${quoted.message}`, quoted.field);
  return { currency: scope.currency, ...quoted.quote };
}
