import type { LaybyDetail } from '../../../../shared/contract/till/layby-views';
import type {
  InstallmentFrequency,
  LaybyFeeKind,
  LaybyStatus,
  PaymentMethod,
} from '../../../../shared/domain/enums';
import type { CancelInitiator } from '../../../../shared/domain/layby/rules';

// The words a cashier reads for each code the till API sends.

export const STATUS_LABELS: Record<LaybyStatus, string> = {
  ACTIVE: 'Active',
  COMPLETED: 'Paid up',
  CANCELLED: 'Cancelled',
  DEFAULTED: 'Defaulted',
  ON_HOLD: 'On hold',
};

export const FREQUENCY_LABELS: Record<InstallmentFrequency, string> = {
  WEEKLY: 'Weekly',
  FORTNIGHTLY: 'Fortnightly',
  MONTHLY: 'Monthly',
  CUSTOM: 'Every few days',
};

/** The methods a cashier takes at the till; account credit is not a way to pay a layby here. */
export const TENDER_METHODS = ['CASH', 'CARD', 'MOBILE_MONEY', 'BANK_TRANSFER'] as const;
export type TenderMethod = (typeof TENDER_METHODS)[number];

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  CASH: 'Cash',
  CARD: 'Card',
  MOBILE_MONEY: 'Mobile money (EcoCash / OneMoney)',
  BANK_TRANSFER: 'Bank transfer',
  ACCOUNT_CREDIT: 'Account credit',
};

export const SHORT_METHOD_LABELS: Record<PaymentMethod, string> = {
  ...METHOD_LABELS,
  MOBILE_MONEY: 'Mobile money',
};

/** The tender choices: short words on the button, the brands under them. */
export const METHOD_CHOICES: Record<TenderMethod, { label: string; hint?: string }> = {
  CASH: { label: 'Cash' },
  CARD: { label: 'Card' },
  MOBILE_MONEY: { label: 'Mobile money', hint: 'EcoCash · OneMoney' },
  BANK_TRANSFER: { label: 'Bank transfer' },
};

/** A paid-up layby whose goods went home reads "Collected", so nobody hands them over twice. */
export function statusLabel(layby: { status: LaybyStatus; itemsReleased: boolean }): string {
  return layby.status === 'COMPLETED' && layby.itemsReleased
    ? 'Collected'
    : STATUS_LABELS[layby.status];
}

/** The badge's modifier: a layby's status, or "collected" once its goods went home. */
export const statusClass = (layby: { status: LaybyStatus; itemsReleased: boolean }): string =>
  layby.status === 'COMPLETED' && layby.itemsReleased ? 'collected' : layby.status.toLowerCase();

/** What the reference is called for each method, so the cashier knows what to copy. */
export const REFERENCE_LABELS: Record<PaymentMethod, string | null> = {
  CASH: null,
  CARD: 'Card slip approval code',
  MOBILE_MONEY: 'EcoCash / OneMoney transaction ID',
  BANK_TRANSFER: 'Bank transfer reference',
  ACCOUNT_CREDIT: null,
};

export const INSTALMENT_LABELS: Record<LaybyDetail['schedule'][number]['state'], string> = {
  PAID: 'Paid',
  PART_PAID: 'Part paid',
  DUE: 'Due',
  LATE: 'Late',
  UPCOMING: 'Upcoming',
};

export const FEE_LABELS: Record<LaybyFeeKind, string> = {
  SERVICE: 'Service fee',
  ADMINISTRATION: 'Administration fee',
  LATE: 'Late fee',
  CANCELLATION: 'Cancellation fee',
};

export const INITIATOR_LABELS: Record<CancelInitiator, { title: string; text: string }> = {
  CUSTOMER: { title: 'The customer', text: 'The customer asked to cancel.' },
  STORE: { title: 'The store', text: 'We cannot supply the goods, or we made a mistake.' },
  DEFAULT: { title: 'Missed payments', text: 'The customer stopped paying (default).' },
};
