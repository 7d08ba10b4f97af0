import type { UniversalCustomerType } from '../enums';
import { fullNameOf } from './normalise';

// Which names a customer needs depends on who they are: a person or an organisation.

export const PERSON_TYPES = [
  'INDIVIDUAL',
  'EMPLOYEE',
  'USER',
] as const satisfies UniversalCustomerType[];
export const isPersonType = (type: UniversalCustomerType) =>
  (PERSON_TYPES as readonly UniversalCustomerType[]).includes(type);

export const CUSTOMER_TYPE_LABELS: Record<UniversalCustomerType, string> = {
  INDIVIDUAL: 'an individual',
  EMPLOYEE: 'an employee',
  USER: 'a system user',
  BUSINESS: 'a business',
  GOVERNMENT: 'a government body',
  NGO: 'an NGO',
};

type NameParts = {
  type: UniversalCustomerType;
  firstName: string | null;
  lastName: string | null;
  companyName: string | null;
};

export type NameIssue = { field: 'firstName' | 'lastName' | 'companyName'; message: string };

/**
 * Who the customer is decides which names are required: a person needs a first and last name
 * unless a full name is given (some people have one name); an organisation needs its name.
 */
export function nameIssues(parts: NameParts, givenFullName: string | null): NameIssue[] {
  const who = CUSTOMER_TYPE_LABELS[parts.type];
  if (!isPersonType(parts.type)) {
    return parts.companyName ? [] : [{ field: 'companyName', message: `is required for ${who}` }];
  }
  if (givenFullName || (parts.firstName && parts.lastName)) return [];
  const message = `is required for ${who} (or give the full name)`;
  const issues: NameIssue[] = [];
  if (!parts.firstName) issues.push({ field: 'firstName', message });
  if (!parts.lastName) issues.push({ field: 'lastName', message });
  return issues;
}

/** fullName as the plan requires it: given, or built from the names or the company name. */
export function deriveFullName(parts: NameParts, givenFullName: string | null): string {
  if (givenFullName) return givenFullName;
  if (isPersonType(parts.type)) return fullNameOf(parts.firstName, parts.lastName);
  return parts.companyName ?? '';
}
