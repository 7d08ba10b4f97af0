import { uuidv7, type IdGenerator } from '../../shared/ids';
import {
  DIVISION_CODES,
  type CustomerAccountStatus,
  type DivisionCode,
  type PaymentMethod,
} from '../../shared/domain/enums';
import type { Currency } from '../../shared/money/money';
import { sourceDivision, type DemoCustomer } from './customers';
import { DEMO_REFERENCE_TIME, isoTimestamp } from './dates';
import type { DemoDivision } from './divisions';
import { divisionCustomerNumber } from './identifiers';
import type { Rng } from './random';

export type LoyaltyTier = 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM';

/** A CustomerDivisionAccount with the plan's field names; money in integer cents + currency. */
export type DemoDivisionAccount = {
  id: string;
  universalCustomerId: string;
  businessId: string;
  divisionCustomerNumber: string;
  status: CustomerAccountStatus;
  accountType: 'RETAIL' | 'LOYALTY' | 'VIP' | 'WHOLESALE';
  segment: string;
  creditLimitCents: number;
  currentBalanceCents: number;
  availableCreditCents: number;
  totalSpentCents: number;
  currency: Currency;
  loyaltyPoints: number;
  loyaltyTier: LoyaltyTier | null;
  paymentTermsDays: number;
  allowLayby: boolean;
  allowCredit: boolean;
  preferredPaymentMethod: PaymentMethod | null;
  preferredLanguage: 'en' | 'sn' | 'nd';
  marketingConsent: boolean;
  smsConsent: boolean;
  emailConsent: boolean;
  firstPurchaseDate: string | null;
  lastPurchaseDate: string | null;
  isActive: boolean;
  createdAt: string;
};

type Policy = {
  loyalty: boolean;
  layby: boolean;
  /** Chance that a person (not an organisation) is given credit here. */
  personCredit: number;
  /** Lifetime spend range of a typical person, in cents; organisations spend more. */
  spend: readonly [number, number];
  segments: readonly string[];
};

// From the plan's feature matrix: loyalty everywhere but construction, laybys in clothing,
// hardware and construction, credit mostly for organisations in hardware and construction.
const POLICIES: Record<DivisionCode, Policy> = {
  GRO: {
    loyalty: true,
    layby: false,
    personCredit: 0.02,
    spend: [500, 250_000],
    segments: ['household', 'tuckshop-owner', 'bulk-monthly'],
  },
  RST: {
    loyalty: true,
    layby: false,
    personCredit: 0,
    spend: [300, 60_000],
    segments: ['regular', 'corporate-lunch', 'takeaway'],
  },
  CLO: {
    loyalty: true,
    layby: true,
    personCredit: 0.08,
    spend: [1_000, 180_000],
    segments: ['school-parent', 'fashion', 'workwear'],
  },
  HWR: {
    loyalty: true,
    layby: true,
    personCredit: 0.1,
    spend: [1_000, 400_000],
    segments: ['diy', 'contractor', 'farmer'],
  },
  CON: {
    loyalty: false,
    layby: true,
    personCredit: 0.05,
    spend: [5_000, 3_000_000],
    segments: ['home-builder', 'contractor', 'developer'],
  },
};

const STATUS_MIX = [
  ['ACTIVE', 900],
  ['INACTIVE', 50],
  ['SUSPENDED', 20],
  ['PENDING_APPROVAL', 20],
  ['CLOSED', 6],
  ['BLACKLISTED', 4],
] as const satisfies readonly (readonly [CustomerAccountStatus, number])[];
const PERSON_PAYMENT_MIX = [
  ['CASH', 40],
  ['MOBILE_MONEY', 38],
  ['CARD', 15],
  ['BANK_TRANSFER', 2],
  [null, 5],
] as const;
const ORG_PAYMENT_MIX = [
  ['BANK_TRANSFER', 65],
  ['CARD', 10],
  ['CASH', 10],
  ['MOBILE_MONEY', 10],
  [null, 5],
] as const;

export type AccountOptions = { now?: number; newId?: IdGenerator };

export function generateDivisionAccount(
  rng: Rng,
  customer: DemoCustomer,
  division: Pick<DemoDivision, 'id' | 'code'>,
  sequence: number,
  options: AccountOptions = {},
): DemoDivisionAccount {
  const policy = POLICIES[division.code];
  const now = options.now ?? DEMO_REFERENCE_TIME;
  const isOrg = customer.companyName !== null;
  const status = customer.isBlacklisted ? 'BLACKLISTED' : rng.weighted(STATUS_MIX);
  const createdMs = between(rng, Date.parse(customer.createdAt), now);
  const totalSpentCents = status === 'PENDING_APPROVAL' ? 0 : spend(rng, policy, isOrg);
  const loyaltyPoints = policy.loyalty
    ? Math.floor((totalSpentCents / 100) * (0.4 + 0.6 * rng.next()))
    : 0;
  const allowCredit =
    status === 'ACTIVE' &&
    rng.chance(isOrg ? (division.code === 'RST' ? 0.2 : 0.6) : policy.personCredit);
  const creditLimitCents = allowCredit ? creditLimit(rng, isOrg) : 0;
  const smsConsent = rng.chance(0.6);
  const emailConsent = customer.primaryEmail !== null && rng.chance(0.7);
  const firstPurchase = totalSpentCents > 0 ? createdMs : null;
  const tier = policy.loyalty ? loyaltyTier(totalSpentCents) : null;
  return {
    id: (options.newId ?? (() => uuidv7()))(),
    universalCustomerId: customer.id,
    businessId: division.id,
    divisionCustomerNumber: divisionCustomerNumber(division.code, sequence),
    status,
    accountType: isOrg
      ? rng.chance(0.7)
        ? 'WHOLESALE'
        : 'RETAIL'
      : tier === 'PLATINUM'
        ? 'VIP'
        : policy.loyalty && rng.chance(0.45)
          ? 'LOYALTY'
          : 'RETAIL',
    segment:
      isOrg && division.code !== 'RST'
        ? division.code === 'GRO'
          ? 'bulk-monthly'
          : 'contractor'
        : rng.pick(policy.segments),
    creditLimitCents,
    // Balances are derived from money events; a fresh demo account has none outstanding.
    currentBalanceCents: 0,
    availableCreditCents: creditLimitCents,
    totalSpentCents,
    currency: 'USD',
    loyaltyPoints,
    loyaltyTier: tier,
    paymentTermsDays: allowCredit ? (isOrg ? rng.pick([30, 30, 60]) : rng.pick([7, 14, 30])) : 0,
    allowLayby: policy.layby && status !== 'BLACKLISTED',
    allowCredit,
    preferredPaymentMethod: rng.weighted(isOrg ? ORG_PAYMENT_MIX : PERSON_PAYMENT_MIX),
    preferredLanguage: language(rng, customer, isOrg),
    marketingConsent: (smsConsent || emailConsent) && rng.chance(0.5),
    smsConsent,
    emailConsent,
    firstPurchaseDate: firstPurchase === null ? null : isoTimestamp(firstPurchase),
    lastPurchaseDate:
      firstPurchase === null ? null : isoTimestamp(between(rng, firstPurchase, now)),
    isActive: status !== 'INACTIVE' && status !== 'CLOSED',
    createdAt: isoTimestamp(createdMs),
  };
}

/**
 * One to three divisions for a customer, starting with the division whose till registered
 * them, so every source "till:CLO" customer has a CLO account.
 */
export function chooseDivisions(rng: Rng, customer: Pick<DemoCustomer, 'source'>): DivisionCode[] {
  const first = sourceDivision(customer) ?? rng.pick(DIVISION_CODES);
  const count = rng.weighted([
    [1, 55],
    [2, 32],
    [3, 13],
  ] as const);
  const chosen: DivisionCode[] = [first];
  while (chosen.length < count) {
    const next = rng.pick(DIVISION_CODES);
    if (!chosen.includes(next)) chosen.push(next);
  }
  return chosen;
}

export function loyaltyTier(totalSpentCents: number): LoyaltyTier {
  if (totalSpentCents >= 500_000) return 'PLATINUM';
  if (totalSpentCents >= 100_000) return 'GOLD';
  if (totalSpentCents >= 25_000) return 'SILVER';
  return 'BRONZE';
}

/** Log-uniform: many small spenders, a few big ones, as in any till's history. */
function spend(rng: Rng, policy: Policy, isOrg: boolean): number {
  const [low, high] = policy.spend;
  const scale = isOrg ? 5 : 1;
  return Math.round(low * scale * Math.pow(high / low, rng.next()));
}

function creditLimit(rng: Rng, isOrg: boolean): number {
  // Limits are round figures: US$50 steps for people, US$500 steps for organisations.
  return isOrg ? rng.int(2, 50) * 50_000 : rng.int(2, 20) * 5_000;
}

function language(rng: Rng, customer: DemoCustomer, isOrg: boolean): 'en' | 'sn' | 'nd' {
  if (isOrg) return 'en';
  const ndebeleArea =
    customer.state?.startsWith('Matabeleland') === true || customer.city === 'Bulawayo';
  if (ndebeleArea) return rng.chance(0.4) ? 'nd' : 'en';
  return rng.chance(0.3) ? 'sn' : 'en';
}

function between(rng: Rng, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(rng.next() * (to - from));
}
