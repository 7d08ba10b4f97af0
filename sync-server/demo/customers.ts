import { uuidv7, type IdGenerator } from '../../shared/ids';
import {
  DIVISION_CODES,
  type DivisionCode,
  type UniversalCustomerType,
} from '../../shared/domain/enums';
import {
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  COMPANY_TRADES,
  COUNCIL_FORMS,
  GOVERNMENT_BODIES,
  GOVERNMENT_UNITS,
  NGO_FORMS,
  NGO_WORDS,
} from './companies';
import { DAY_MS, DEMO_REFERENCE_TIME, YEAR_MS, isoDate, isoTimestamp } from './dates';
import { alternatePhone, customerNumber, nationalId, primaryPhone } from './identifiers';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES, UNISEX_FIRST_NAMES } from './names';
import { ID_DISTRICT_CODES, STREETS, TOWNS, type Town } from './places';
import type { Rng } from './random';

export type Gender = 'MALE' | 'FEMALE';

/** A UniversalCustomer as the plan names its fields; dates are ISO strings. */
export type DemoCustomer = {
  id: string;
  customerNumber: string;
  type: UniversalCustomerType;
  firstName: string | null;
  lastName: string | null;
  fullName: string;
  companyName: string | null;
  dateOfBirth: string | null;
  gender: Gender | null;
  primaryEmail: string | null;
  primaryPhone: string;
  alternatePhone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  country: string;
  nationalId: string | null;
  taxNumber: string | null;
  source: string;
  tags: string[];
  isActive: boolean;
  isBlacklisted: boolean;
  blacklistReason: string | null;
  createdAt: string;
};

export type GenerateOptions = {
  /** Reference time in ms; defaults to a fixed instant so output is reproducible. */
  now?: number;
  /** When the record was created; defaults to a random moment in the last four years. */
  createdAt?: number;
  newId?: IdGenerator;
};

const TYPE_MIX = [
  ['INDIVIDUAL', 86],
  ['BUSINESS', 7],
  ['EMPLOYEE', 3],
  ['GOVERNMENT', 2],
  ['NGO', 2],
] as const satisfies readonly (readonly [UniversalCustomerType, number])[];

// Where a customer was first registered: mostly at a division's till.
const SOURCE_MIX = [
  ['till:GRO', 32],
  ['till:CLO', 24],
  ['till:RST', 12],
  ['till:HWR', 14],
  ['till:CON', 6],
  ['head-office', 7],
  ['import', 3],
  ['referral', 2],
] as const;
const ORG_SOURCE_MIX = [
  ['till:HWR', 30],
  ['till:CON', 30],
  ['till:GRO', 15],
  ['till:CLO', 5],
  ['till:RST', 5],
  ['head-office', 15],
] as const;

const PERSON_TAGS = [
  'school-uniforms',
  'diaspora',
  'church',
  'farmer',
  'teacher',
  'nurse',
  'civil-servant',
  'informal-trader',
  'walk-in',
  'bulk-buyer',
] as const;
const ORG_TAGS = [
  'contractor',
  'wholesale',
  'tender',
  'monthly-account',
  'bulk-buyer',
  'delivery',
] as const;
const EMAIL_DOMAINS = [
  ['gmail.com', 62],
  ['yahoo.com', 14],
  ['outlook.com', 8],
  ['icloud.com', 4],
  ['zol.co.zw', 6],
  ['africaonline.co.zw', 3],
  ['hotmail.com', 3],
] as const;
const OUTLYING_AGES = [18, 19, ...Array.from({ length: 30 }, (_, i) => 51 + i)];
const BLACKLIST_REASONS = [
  'Bounced cheque not made good',
  'Three laybys defaulted',
  'Fraudulent EcoCash reversal',
  'Abusive to staff',
] as const;

export function generateCustomer(
  rng: Rng,
  sequence: number,
  options: GenerateOptions = {},
): DemoCustomer {
  const now = options.now ?? DEMO_REFERENCE_TIME;
  const type = rng.weighted(TYPE_MIX);
  const town = pickTown(rng);
  const isPerson = type === 'INDIVIDUAL' || type === 'EMPLOYEE';
  const party = isPerson
    ? person(rng, sequence, now, town)
    : organisation(rng, sequence, type, town);
  const source =
    type === 'EMPLOYEE' ? 'head-office' : rng.weighted(isPerson ? SOURCE_MIX : ORG_SOURCE_MIX);
  const isBlacklisted = rng.chance(0.003);
  const createdAt = options.createdAt ?? now - Math.floor(rng.next() * 4 * YEAR_MS);
  return {
    id: (options.newId ?? (() => uuidv7()))(),
    customerNumber: customerNumber(sequence),
    type,
    ...party,
    primaryPhone: primaryPhone(sequence),
    alternatePhone: rng.chance(isPerson ? 0.15 : 0.5) ? alternatePhone(sequence) : null,
    address: streetAddress(rng, town, isPerson),
    city: town.city,
    state: town.province,
    country: 'Zimbabwe',
    source,
    tags: pickTags(rng, isPerson ? PERSON_TAGS : ORG_TAGS, type === 'EMPLOYEE' ? ['staff'] : []),
    isActive: !isBlacklisted && rng.chance(0.98),
    isBlacklisted,
    blacklistReason: isBlacklisted ? rng.pick(BLACKLIST_REASONS) : null,
    createdAt: isoTimestamp(createdAt),
  };
}

/** The division a customer was registered at, if a till registered them. */
export function sourceDivision(customer: Pick<DemoCustomer, 'source'>): DivisionCode | null {
  const code = customer.source.startsWith('till:') ? customer.source.slice(5) : '';
  return DIVISION_CODES.find((c) => c === code) ?? null;
}

type Party = Pick<
  DemoCustomer,
  | 'firstName'
  | 'lastName'
  | 'fullName'
  | 'companyName'
  | 'dateOfBirth'
  | 'gender'
  | 'primaryEmail'
  | 'nationalId'
  | 'taxNumber'
>;

function person(rng: Rng, sequence: number, now: number, town: Town): Party {
  const gender: Gender = rng.chance(0.52) ? 'FEMALE' : 'MALE';
  const gendered = gender === 'FEMALE' ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES;
  const firstName = rng.chance(0.25) ? rng.pick(UNISEX_FIRST_NAMES) : rng.pick(gendered);
  const lastName = rng.pick(SURNAMES);
  // Adults only: most shoppers are 20–50, a tail up to 80.
  const age = rng.chance(0.8) ? rng.int(20, 50) : rng.pick(OUTLYING_AGES);
  const birth = now - age * YEAR_MS - Math.floor(rng.next() * (YEAR_MS - 2 * DAY_MS));
  const email = rng.chance(0.38)
    ? `${slug(firstName)}.${slug(lastName)}.${sequence}@${rng.weighted(EMAIL_DOMAINS)}`
    : null;
  return {
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    companyName: null,
    dateOfBirth: isoDate(birth),
    gender,
    primaryEmail: email,
    nationalId: rng.chance(0.85)
      ? nationalId(sequence, registrationCode(rng, town), rng.pick(ID_DISTRICT_CODES))
      : null,
    taxNumber: null,
  };
}

function organisation(rng: Rng, sequence: number, type: UniversalCustomerType, town: Town): Party {
  const name =
    type === 'GOVERNMENT'
      ? governmentName(rng, town)
      : type === 'NGO'
        ? ngoName(rng, town)
        : businessName(rng);
  const domain = type === 'GOVERNMENT' ? 'gov.zw' : type === 'NGO' ? 'org.zw' : 'co.zw';
  const mailbox =
    type === 'BUSINESS'
      ? rng.pick(['accounts', 'orders', 'info', 'admin'])
      : rng.pick(['procurement', 'admin', 'finance']);
  const host = emailHost(name, type);
  return {
    firstName: null,
    lastName: null,
    fullName: name,
    companyName: name,
    dateOfBirth: null,
    gender: null,
    primaryEmail: rng.chance(0.8) ? `${mailbox}.${sequence}@${host}.${domain}` : null,
    nationalId: null,
    // ZIMRA taxpayer numbers are ten digits; derived from the sequence so they never repeat.
    taxNumber: type === 'BUSINESS' ? `20${String(sequence).padStart(8, '0')}` : null,
  };
}

function businessName(rng: Rng): string {
  if (rng.chance(0.3)) return `${rng.pick(SURNAMES)} & Sons ${rng.pick(COMPANY_TRADES)}`;
  const suffix = rng.pick(COMPANY_SUFFIXES.filter((s) => s !== '& Sons'));
  return `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_TRADES)} ${suffix}`;
}

function governmentName(rng: Rng, town: Town): string {
  if (rng.chance(0.35)) return rng.pick(COUNCIL_FORMS).replace('{town}', town.city);
  return `${rng.pick(GOVERNMENT_BODIES)} — ${town.city} ${rng.pick(GOVERNMENT_UNITS)}`;
}

function ngoName(rng: Rng, town: Town): string {
  return rng
    .pick(NGO_FORMS)
    .replace('{place}', rng.chance(0.5) ? town.city : rng.pick(town.suburbs))
    .replace('{word}', rng.pick(NGO_WORDS));
}

const TOWN_MIX = TOWNS.map((town) => [town, town.weight] as const);

function pickTown(rng: Rng): Town {
  return rng.weighted(TOWN_MIX);
}

function registrationCode(rng: Rng, town: Town): string {
  // People are mostly registered where they live: Harare's office is 63, Bulawayo's 08.
  if (rng.chance(0.6) && (town.province === 'Harare Metropolitan' || town.city === 'Bulawayo')) {
    return town.city === 'Bulawayo' ? '08' : '63';
  }
  return rng.pick(ID_DISTRICT_CODES);
}

function streetAddress(rng: Rng, town: Town, isPerson: boolean): string {
  const suburb = rng.pick(town.suburbs);
  if (!isPerson) return `${rng.int(1, 250)} ${rng.pick(STREETS)}, ${suburb}`;
  const form = rng.int(0, 2);
  if (form === 0) return `${rng.int(1, 9999)} ${suburb}`;
  if (form === 1) return `Stand ${rng.int(100, 19999)}, ${suburb}`;
  return `${rng.int(1, 180)} ${rng.pick(STREETS)}, ${suburb}`;
}

function pickTags(rng: Rng, pool: readonly string[], always: string[]): string[] {
  const tags = [...always];
  const count = rng.weighted([
    [0, 55],
    [1, 35],
    [2, 10],
  ] as const);
  while (tags.length < always.length + count) {
    const tag = rng.pick(pool);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function emailHost(name: string, type: UniversalCustomerType): string {
  const body = name.split(' — ')[0] ?? name;
  const words = body.split(/\s+/).filter((w) => /^[A-Z]/.test(w));
  // Ministries go by their initials (mhcc.gov.zw); everyone else by their name.
  if (type === 'GOVERNMENT' && words.length > 3)
    return words
      .map((w) => w[0])
      .join('')
      .toLowerCase();
  return slug(
    body.replace(/\(.*?\)|\b(Ltd|Limited|Holdings|Enterprises|Investments)\b|& Sons/g, ''),
  ).slice(0, 24);
}
