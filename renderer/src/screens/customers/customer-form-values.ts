import type { CustomerView } from '../../../../shared/contract/till/customer-methods';
import { classifySearch } from '../../../../shared/domain/customers/search-query';
import { isPersonType } from '../../../../shared/domain/customers/validate';
import type { UniversalCustomerType } from '../../../../shared/domain/enums';

// The create/edit form as plain strings (what inputs hold), and the way to and from the
// contract. The contract's own schema checks the form, so its messages are the till's.

export const FORM_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'companyName',
  'dateOfBirth',
  'gender',
  'primaryPhone',
  'alternatePhone',
  'primaryEmail',
  'nationalId',
  'passportNumber',
  'taxNumber',
  'address',
  'city',
  'state',
  'country',
  'postalCode',
  'referredBy',
  'source',
  'tags',
] as const;
export type TextFieldName = (typeof FORM_FIELDS)[number];
export type FormField = TextFieldName | 'type';
export type FormValues = Record<TextFieldName, string> & { type: UniversalCustomerType };

export const LABELS: Record<FormField, string> = {
  type: 'Customer type',
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  companyName: 'Organisation name',
  dateOfBirth: 'Date of birth',
  gender: 'Gender',
  primaryPhone: 'Phone',
  alternatePhone: 'Other phone',
  primaryEmail: 'Email',
  nationalId: 'National ID',
  passportNumber: 'Passport number',
  taxNumber: 'Tax number (BP)',
  address: 'Address',
  city: 'City or town',
  state: 'Province',
  country: 'Country',
  postalCode: 'Postal code',
  referredBy: 'Referred by',
  source: 'Where registered',
  tags: 'Tags',
};

export const TYPE_LABELS: Record<UniversalCustomerType, string> = {
  INDIVIDUAL: 'Individual',
  EMPLOYEE: 'Employee',
  USER: 'System user',
  BUSINESS: 'Business',
  GOVERNMENT: 'Government',
  NGO: 'NGO',
};

export const emptyForm = (): FormValues => ({
  ...(Object.fromEntries(FORM_FIELDS.map((f) => [f, ''])) as Record<TextFieldName, string>),
  type: 'INDIVIDUAL',
  country: 'Zimbabwe',
});

/** Starts a new customer from what the cashier searched for: a phone, an id, an email or a name. */
export function prefillFrom(query: string): FormValues {
  const form = emptyForm();
  const q = classifySearch(query);
  if (q.kind === 'phone' || q.kind === 'phonePrefix') form.primaryPhone = query.trim();
  else if (q.kind === 'nationalId') form.nationalId = q.canonical;
  else if (q.kind === 'email') form.primaryEmail = q.email;
  else if (q.kind === 'name') {
    const words = query
      .trim()
      .split(/\s+/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1));
    form.firstName = words.slice(0, -1).join(' ') || (words[0] ?? '');
    form.lastName = words.length > 1 ? (words.at(-1) ?? '') : '';
  }
  return form;
}

export function fromCustomer(customer: CustomerView): FormValues {
  const text = Object.fromEntries(
    FORM_FIELDS.map((f) => {
      const value = f === 'tags' ? customer.tags.join(', ') : customer[f];
      return [f, value ?? ''];
    }),
  ) as Record<TextFieldName, string>;
  return { ...text, type: customer.type };
}

const HIDDEN_FOR_ORGANISATIONS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'gender',
  'passportNumber',
];

/**
 * The form as contract input. A new customer leaves blank boxes out; an edit sends only what
 * the cashier changed (a blank box clears the field), so an unchanged full name is rebuilt
 * by the till when the name parts change.
 */
export function toInput(values: FormValues, initial: FormValues | null): Record<string, unknown> {
  const hidden = new Set(isPersonType(values.type) ? ['companyName'] : HIDDEN_FOR_ORGANISATIONS);
  const input: Record<string, unknown> = {};
  if (!initial || initial.type !== values.type) input.type = values.type;
  for (const field of FORM_FIELDS) {
    const raw = hidden.has(field) ? '' : values[field].trim();
    if (initial && raw === initial[field].trim()) continue;
    if (field === 'tags')
      input.tags = raw
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    else if (raw !== '') input[field] = raw;
    else if (initial) input[field] = null;
  }
  return input;
}
