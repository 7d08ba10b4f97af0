import type { FormErrors } from '../../lib/form-errors';
import { LABELS, type FormField } from './customer-form-values';

/** The form may be long; the cashier is taken to the first field that needs fixing. */
export function focusFirst(errors: FormErrors<FormField>): void {
  const first = FIELD_ORDER.find((field) => errors.fields[field]);
  if (first) requestAnimationFrame(() => document.getElementById(`customer-${first}`)?.focus());
}

const FIELD_ORDER: FormField[] = [
  'type',
  'firstName',
  'lastName',
  'companyName',
  'primaryPhone',
  'alternatePhone',
  'primaryEmail',
  'nationalId',
  'passportNumber',
  'taxNumber',
  'dateOfBirth',
  'gender',
  'fullName',
  'address',
  'city',
  'state',
  'country',
  'postalCode',
  'referredBy',
  'tags',
  'source',
];

export const fixList = (errors: FormErrors<FormField>) => {
  const bad = FIELD_ORDER.filter((field) => errors.fields[field]).map((field) => LABELS[field]);
  return bad.length > 0 ? `Please fix: ${bad.join(', ')}` : null;
};
