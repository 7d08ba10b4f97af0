import type { LaybyStatus } from '../enums';
import { chargeOn, type CancelInitiator, type LaybyRules } from './rules';
import type { Refusal } from './schedule';

// A layby's money, as pure functions over three sums. The database rows are append-only
// (payments, refunds, fees); these are the projections kept on the layby row, and the one
// place their arithmetic lives:
//   balance = total + fees − paid,  paid = payments − refunds,  nothing negative,
//   a cancellation refund never exceeds what was paid.

export type Ledger = {
  /** Goods total. */
  totalCents: number;
  /** Service, administration, late and cancellation fees charged so far. */
  feesCents: number;
  /** Payments less refunds. */
  paidCents: number;
};

export const balanceOf = (l: Ledger): number => l.totalCents + l.feesCents - l.paidCents;

const refuse = (field: string, message: string): Refusal => ({ ok: false, field, message });
const isAmount = (cents: number) => Number.isInteger(cents) && cents > 0;

/** A payment taken at the till: never more than the balance (the till refuses overpayment). */
export function pay(l: Ledger, cents: number): { ok: true; ledger: Ledger } | Refusal {
  if (!isAmount(cents)) return refuse('amountCents', 'must be more than zero');
  if (cents > balanceOf(l))
    return refuse('amountCents', `is more than the balance of ${balanceOf(l)} cents`);
  return { ok: true, ledger: { ...l, paidCents: l.paidCents + cents } };
}

/**
 * A payment the server must keep whatever it finds (two tills took the last instalment
 * offline): the part up to the balance goes on the layby, the rest is excess for account credit.
 */
export function receive(l: Ledger, cents: number): { ledger: Ledger; excessCents: number } {
  if (!Number.isInteger(cents) || cents <= 0) throw new RangeError('a payment is whole cents > 0');
  const applied = Math.min(cents, Math.max(0, balanceOf(l)));
  return { ledger: { ...l, paidCents: l.paidCents + applied }, excessCents: cents - applied };
}

export function refund(l: Ledger, cents: number): { ok: true; ledger: Ledger } | Refusal {
  if (!isAmount(cents)) return refuse('amountCents', 'must be more than zero');
  if (cents > l.paidCents)
    return refuse('amountCents', `is more than the ${l.paidCents} cents paid`);
  return { ok: true, ledger: { ...l, paidCents: l.paidCents - cents } };
}

export function chargeFee(l: Ledger, cents: number): Ledger {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError('a fee is whole cents ≥ 0');
  return { ...l, feesCents: l.feesCents + cents };
}

export type CancellationQuote = {
  initiator: CancelInitiator;
  /** Fees already charged that the store keeps (never more than was paid). */
  keptFeesCents: number;
  cancellationFeeCents: number;
  refundCents: number;
};

/** What cancelling costs and what goes back to the customer, shown before the supervisor confirms. */
export function quoteCancellation(
  rules: LaybyRules,
  initiator: CancelInitiator,
  l: Ledger,
): CancellationQuote {
  const terms = rules.cancellation[initiator];
  const paid = Math.max(0, l.paidCents);
  const keptFeesCents = terms.keepsFees ? Math.min(l.feesCents, paid) : 0;
  const cancellationFeeCents = Math.min(chargeOn(terms.fee, l.totalCents), paid - keptFeesCents);
  return {
    initiator,
    keptFeesCents,
    cancellationFeeCents,
    refundCents: paid - keptFeesCents - cancellationFeeCents,
  };
}

/** The ledger after a cancellation: its fee charged and its refund paid out. */
export function cancel(l: Ledger, quote: CancellationQuote): Ledger {
  const charged = chargeFee(l, quote.cancellationFeeCents);
  return { ...charged, paidCents: charged.paidCents - quote.refundCents };
}

// ---- status ----

export type LaybyAction = 'pay' | 'hold' | 'resume' | 'cancel' | 'release';

const ALLOWED: Record<LaybyAction, readonly LaybyStatus[]> = {
  pay: ['ACTIVE'],
  hold: ['ACTIVE'],
  resume: ['ON_HOLD', 'DEFAULTED'],
  cancel: ['ACTIVE', 'ON_HOLD', 'DEFAULTED'],
  release: ['COMPLETED'],
};

const STATUS_WORDS: Record<LaybyStatus, string> = {
  ACTIVE: 'active',
  COMPLETED: 'paid up',
  CANCELLED: 'cancelled',
  DEFAULTED: 'defaulted',
  ON_HOLD: 'on hold',
};

/** Whether an action is open to a layby in this status; the refusal says why not. */
export function allows(status: LaybyStatus, action: LaybyAction): { ok: true } | Refusal {
  if (ALLOWED[action].includes(status)) return { ok: true };
  return refuse('status', `the layby is ${STATUS_WORDS[status]}`);
}

// A layby held or in default at one till can still be paid off by a payment another till took
// offline; once nothing is owed it is complete whatever paused it. Cancelled stays cancelled.
const COMPLETABLE: readonly LaybyStatus[] = ['ACTIVE', 'ON_HOLD', 'DEFAULTED'];

/** The status after money moved: a layby whose balance reaches zero is COMPLETED. */
export function statusAfterPayment(status: LaybyStatus, l: Ledger): LaybyStatus {
  return COMPLETABLE.includes(status) && balanceOf(l) <= 0 ? 'COMPLETED' : status;
}
