import { formatMoney, money, type Currency } from '../../money/money';
import type { Charge, LaybyRules } from './rules';

// The agreement's words, from the rules the customer signs under: printed on the layby
// agreement, so what the slip says and what the system does come from the same numbers.

const pct = (bp: number) => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;

function describeCharge(charge: Charge, currency: Currency, of: string): string | null {
  switch (charge.kind) {
    case 'NONE':
      return null;
    case 'FIXED':
      return formatMoney(money(charge.cents, currency));
    case 'PERCENT':
      return `${pct(charge.bp)} of ${of}${
        charge.capCents === null
          ? ''
          : ` (at most ${formatMoney(money(charge.capCents, currency))})`
      }`;
  }
}

export function agreementTerms(rules: LaybyRules, currency: Currency): string[] {
  const late = describeCharge(rules.lateFee, currency, 'the missed instalment');
  return [
    'The goods stay with the store until the layby is paid in full, then are released to the customer on collection.',
    'Pay each instalment by its due date. Payments may be made at any till of this division.',
    late
      ? `An instalment not paid ${rules.lateFeeGraceDays} days after its due date is charged a late fee of ${late}.`
      : 'No late fees are charged.',
    `After ${rules.defaultAfterMissed} missed instalments the layby is in default and may be cancelled by the store.`,
  ];
}

export function cancellationTerms(rules: LaybyRules, currency: Currency): string[] {
  const line = (who: string, terms: LaybyRules['cancellation']['CUSTOMER']) => {
    const fee = describeCharge(terms.fee, currency, 'the layby total');
    const keep = terms.keepsFees
      ? 'fees already charged are kept'
      : 'fees already charged are refunded';
    return `${who}: ${fee ? `a cancellation fee of ${fee}; ` : 'no cancellation fee; '}${keep}; the rest of what was paid is refunded.`;
  };
  return [
    line('Cancelled by the customer', rules.cancellation.CUSTOMER),
    line('Cancelled by the store', rules.cancellation.STORE),
    line('Cancelled after default', rules.cancellation.DEFAULT),
  ];
}
