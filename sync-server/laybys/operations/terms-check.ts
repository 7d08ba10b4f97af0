import { canonicalJson } from '../../../shared/contract/sync/canonical-json';
import { itemsTotalCents, type LaybyCreatePayload } from '../../../shared/domain/layby/records';
import type { LaybyRules } from '../../../shared/domain/layby/rules';
import { quoteLayby, type LaybyQuote } from '../../../shared/domain/layby/schedule';

// The server re-runs the quote a till showed the customer. A difference never undoes the
// agreement (the customer signed it and paid a deposit); it is flagged for a supervisor.

export const sameJson = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

export function termsDifferences(
  p: LaybyCreatePayload,
  current: LaybyRules,
): { reasons: string[]; quote: LaybyQuote | null } {
  const quoted = quoteLayby(p.rules, {
    itemsTotalCents: itemsTotalCents(p.items),
    depositCents: p.depositCents,
    frequency: p.plan.frequency,
    instalments: p.plan.instalments,
    intervalDays: p.plan.intervalDays,
    startDate: p.startDate,
  });
  const reasons: string[] = [];
  if (!sameJson(p.rules, current)) {
    reasons.push("the till applied other rules than the division's current ones");
  }
  if (!quoted.ok) {
    reasons.push(`the rules refuse these terms (${quoted.field} ${quoted.message})`);
    return { reasons, quote: null };
  }
  const q = quoted.quote;
  const differs = (what: string, server: number, till: number) => {
    if (server !== till)
      reasons.push(`${what} is ${till} cents at the till, ${server} by the rules`);
  };
  differs('the goods total', q.itemsTotalCents, p.totalAmountCents);
  differs('the service fee', q.serviceFeeCents, p.serviceFeeCents);
  differs('the administration fee', q.administrationFeeCents, p.administrationFeeCents);
  if (!sameJson(q.schedule, p.schedule)) reasons.push('the schedule differs from the rules');
  return { reasons, quote: q };
}

/** The deposit as basis points of the goods total, as quoteLayby works it out. */
export function depositPercentBp(depositCents: number, totalCents: number): number {
  if (totalCents <= 0) return 0;
  return Math.min(10_000, Math.floor((depositCents * 10_000) / totalCents));
}
