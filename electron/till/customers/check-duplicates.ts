import type { DuplicateProbeInput } from '../../../shared/contract/till/customer-methods';
import type { CustomerHit, DuplicateMatchView } from '../../../shared/contract/till/customer-views';
import {
  findLikelyDuplicates,
  type DuplicateProbe,
  type DuplicateReason,
} from '../../../shared/domain/customers/duplicates';
import {
  fullNameOf,
  normaliseEmail,
  normaliseNationalId,
  normalisePhone,
} from '../../../shared/domain/customers/normalise';
import {
  ACCOUNT_JOIN,
  HIT_COLUMNS,
  LIVE,
  LIVE_ROW,
  toHit,
  type HitRow,
  type Statements,
} from './hit-sql';

const MAX_MATCHES = 10;
const MATCHED_BY = {
  SAME_PHONE: 'phone',
  SAME_EMAIL: 'email',
  SAME_NATIONAL_ID: 'nationalId',
  SIMILAR_NAME_SAME_BIRTH_DATE: 'name',
} as const satisfies Record<DuplicateReason, CustomerHit['matchedBy']>;
// Customers born on one day number a few dozen at a million rows; the name rule then runs in
// memory over them, which also catches typos a prefix search would miss.
const MAX_SAME_BIRTH_DATE = 500;

// Unique fields go through their partial unique index (LIVE); the rest through their own.
const byColumn = (where: string, live = LIVE_ROW, limit = MAX_MATCHES) =>
  `select ${HIT_COLUMNS} from universal_customers c ${ACCOUNT_JOIN} where ${where} and ${live} limit ${limit}`;

const SQL = {
  phone: byColumn(`c.rowid in (select rowid from universal_customers where primary_phone = @value
    union select rowid from universal_customers where alternate_phone = @value)`),
  email: byColumn('c.primary_email = @value', LIVE),
  nationalId: byColumn('c.national_id = @value', LIVE),
  birthDate: byColumn('c.date_of_birth = @value', LIVE_ROW, MAX_SAME_BIRTH_DATE),
};

const valid = <T>(
  raw: string | null | undefined,
  normalise: (s: string) => { ok: true; value: T } | { ok: false },
) => {
  if (!raw?.trim()) return null;
  const result = normalise(raw);
  return result.ok ? result.value : null;
};

/** Customers who look like the one being typed into the create form, with the reasons why. */
export function checkDuplicates(
  statements: Statements,
  input: DuplicateProbeInput,
  businessId: string,
): DuplicateMatchView[] {
  const probe: DuplicateProbe = {
    fullName:
      input.fullName?.trim() ||
      fullNameOf(input.firstName, input.lastName) ||
      (input.companyName ?? ''),
    primaryPhone: valid(input.primaryPhone, normalisePhone),
    alternatePhone: valid(input.alternatePhone, normalisePhone),
    primaryEmail: valid(input.primaryEmail, normaliseEmail),
    nationalId: valid(input.nationalId, normaliseNationalId)?.canonical ?? null,
    dateOfBirth: input.dateOfBirth?.trim() || null,
  };
  const lookups: [string, string | null | undefined][] = [
    [SQL.phone, probe.primaryPhone],
    [SQL.phone, probe.alternatePhone],
    [SQL.email, probe.primaryEmail],
    [SQL.nationalId, probe.nationalId],
    [SQL.birthDate, probe.fullName ? probe.dateOfBirth : null],
  ];
  const candidates = new Map<string, HitRow>();
  for (const [sql, value] of lookups) {
    if (!value) continue;
    for (const row of statements(sql).all({ value, businessId }) as HitRow[])
      candidates.set(row.id, row);
  }
  if (input.excludeId) candidates.delete(input.excludeId);
  return findLikelyDuplicates(probe, [...candidates.values()])
    .slice(0, MAX_MATCHES)
    .map(({ candidate, reasons }) => ({
      customer: toHit(candidate, MATCHED_BY[reasons[0] ?? 'SIMILAR_NAME_SAME_BIRTH_DATE']),
      reasons,
    }));
}
