import { z } from 'zod';
import { Id } from '../../contract/common';
import { UNIVERSAL_CUSTOMER_TYPES } from '../enums';
import {
  CalendarDate,
  Email,
  NationalIdField,
  nullable,
  PassportNumber,
  Phone,
  Tags,
  text,
} from './fields';
import { deriveFullName, nameIssues } from './names';

// The customer identity as it may be created or edited: every UniversalCustomer field of the
// plan, each parsed into its stored form with a message that names the field.

export {
  CUSTOMER_TYPE_LABELS,
  deriveFullName,
  isPersonType,
  nameIssues,
  PERSON_TYPES,
} from './names';

export const CustomerType = z.enum(UNIVERSAL_CUSTOMER_TYPES, {
  message: `must be one of ${UNIVERSAL_CUSTOMER_TYPES.join(', ')}`,
});

/** Every editable identity field, in its stored form. */
export const customerFieldShape = {
  type: CustomerType,
  firstName: nullable(text(80)),
  lastName: nullable(text(80)),
  fullName: text(160),
  companyName: nullable(text(160)),
  dateOfBirth: nullable(CalendarDate),
  gender: nullable(text(30)),
  primaryEmail: nullable(Email),
  primaryPhone: Phone,
  alternatePhone: nullable(Phone),
  address: nullable(text(200)),
  city: nullable(text(80)),
  state: nullable(text(80)),
  country: text(80).pipe(z.string().min(1, { message: 'is required' })),
  postalCode: nullable(text(20)),
  nationalId: nullable(NationalIdField),
  passportNumber: nullable(PassportNumber),
  taxNumber: nullable(text(30)),
  linkedUserId: nullable(Id),
  linkedEmployeeId: nullable(Id),
  source: nullable(text(60)),
  referredBy: nullable(text(120)),
  tags: Tags,
};

export const CustomerFields = z.object(customerFieldShape);
export type CustomerFields = z.output<typeof CustomerFields>;
export type CustomerField = keyof CustomerFields;

export type FieldIssue = { field: CustomerField; message: string };

const report = (issues: FieldIssue[], ctx: z.RefinementCtx) => {
  for (const issue of issues)
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
};

/** What the create form sends. Only the phone is always required; the type decides names. */
export const CustomerCreateInput = CustomerFields.partial()
  .extend({
    type: CustomerType.default('INDIVIDUAL'),
    fullName: nullable(text(160)).optional(),
    primaryPhone: Phone,
    country: customerFieldShape.country.default('Zimbabwe'),
    tags: Tags.default([]),
  })
  .superRefine((input, ctx) => report(nameIssues(withNulls(input), input.fullName ?? null), ctx))
  .transform((input): CustomerFields => {
    const fields = withNulls(input);
    return { ...fields, fullName: deriveFullName(fields, input.fullName ?? null) };
  });
export type CustomerCreateInput = z.input<typeof CustomerCreateInput>;

type CreateParsed = Partial<Omit<CustomerFields, 'fullName'>> & { fullName?: string | null } & Pick<
    CustomerFields,
    'type' | 'primaryPhone' | 'country' | 'tags'
  >;

function withNulls(input: CreateParsed): CustomerFields {
  return {
    type: input.type,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    fullName: input.fullName ?? '',
    companyName: input.companyName ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    gender: input.gender ?? null,
    primaryEmail: input.primaryEmail ?? null,
    primaryPhone: input.primaryPhone,
    alternatePhone: input.alternatePhone ?? null,
    address: input.address ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    country: input.country,
    postalCode: input.postalCode ?? null,
    nationalId: input.nationalId ?? null,
    passportNumber: input.passportNumber ?? null,
    taxNumber: input.taxNumber ?? null,
    linkedUserId: input.linkedUserId ?? null,
    linkedEmployeeId: input.linkedEmployeeId ?? null,
    source: input.source ?? null,
    referredBy: input.referredBy ?? null,
    tags: input.tags,
  };
}

/** Fields an edit may change; links have their own command (each link is unique). */
const { linkedUserId: _u, linkedEmployeeId: _e, ...editableShape } = customerFieldShape;
export const CustomerChanges = z.object(editableShape).partial();
export type CustomerChanges = z.output<typeof CustomerChanges>;

export const CustomerUpdateInput = CustomerChanges.extend({ id: Id });
export type CustomerUpdateInput = z.input<typeof CustomerUpdateInput>;

/** Applies changes to a stored identity and checks the name rules again. */
export function applyCustomerChanges(
  current: CustomerFields,
  changes: CustomerChanges,
): { ok: true; fields: CustomerFields } | { ok: false; issues: FieldIssue[] } {
  const merged: CustomerFields = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  const namesChanged = NAME_FIELDS.some((field) => changes[field] !== undefined);
  // New names without a new full name rebuild it; otherwise the two would disagree.
  const given = changes.fullName ?? (namesChanged ? null : current.fullName);
  const issues = nameIssues(merged, given);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, fields: { ...merged, fullName: deriveFullName(merged, given) } };
}

const NAME_FIELDS = ['type', 'firstName', 'lastName', 'companyName'] as const;

export const CUSTOMER_NUMBER = /^UCST-\d{6,}$/;

/** A stored customer: identity plus the fields only the till and server set. */
export const CustomerRecord = CustomerFields.extend({
  id: Id,
  customerNumber: z.string().regex(CUSTOMER_NUMBER, { message: 'must look like UCST-000001' }),
  isActive: z.boolean(),
  isBlacklisted: z.boolean(),
  blacklistReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: Id.nullable(),
}).superRefine((record, ctx) => report(nameIssues(record, record.fullName), ctx));
export type CustomerRecord = z.output<typeof CustomerRecord>;
