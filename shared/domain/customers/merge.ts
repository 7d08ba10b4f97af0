import { z } from 'zod';
import {
  applyCustomerChanges,
  type CustomerField,
  type CustomerFields,
  type FieldIssue,
} from './validate';

// Merging a duplicate customer into its survivor: which identity values the survivor keeps.
// Pure, so the merge endpoint and its tests share one rule. Money is combined by
// merge-accounts.ts.

export const MERGE_FIELDS = [
  'type',
  'firstName',
  'lastName',
  'fullName',
  'companyName',
  'dateOfBirth',
  'gender',
  'primaryEmail',
  'primaryPhone',
  'alternatePhone',
  'address',
  'city',
  'state',
  'country',
  'postalCode',
  'nationalId',
  'passportNumber',
  'taxNumber',
  'linkedUserId',
  'linkedEmployeeId',
  'source',
  'referredBy',
  'tags',
] as const satisfies readonly CustomerField[];
export type MergeField = (typeof MERGE_FIELDS)[number];

// A new identity field must be listed above, or a merge would silently drop it.
type Unlisted = Exclude<CustomerField, MergeField>;
const everyFieldListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFieldListed;

export const MERGE_SIDES = ['survivor', 'merged'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

export const FieldChoices = z
  .partialRecord(
    z.enum(MERGE_FIELDS),
    z.enum(MERGE_SIDES, { message: 'must be survivor or merged' }),
  )
  .describe(
    "for each field, whose value the survivor keeps; unnamed fields keep the survivor's unless it is empty",
  );
export type FieldChoices = z.output<typeof FieldChoices>;

const isEmpty = (value: unknown) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Whose value a field takes: the explicit choice, else the survivor's unless it is empty. */
export function sideFor(
  field: MergeField,
  survivor: CustomerFields,
  merged: CustomerFields,
  choices: FieldChoices,
): MergeSide {
  const chosen = choices[field];
  if (chosen) return chosen;
  return isEmpty(survivor[field]) && !isEmpty(merged[field]) ? 'merged' : 'survivor';
}

export type MergedIdentity =
  /** changed: the fields whose value differs from the survivor's before the merge. */
  { ok: true; fields: CustomerFields; changed: MergeField[] } | { ok: false; issues: FieldIssue[] };

/**
 * The survivor's identity after the merge. Tags are the union of both unless a side is
 * chosen; names are checked again, and a full name not chosen explicitly is rebuilt when the
 * name parts came from different records.
 */
export function mergeIdentity(
  survivor: CustomerFields,
  merged: CustomerFields,
  choices: FieldChoices,
): MergedIdentity {
  const fromMerged = MERGE_FIELDS.filter(
    (field) => sideFor(field, survivor, merged, choices) === 'merged',
  );
  const changes: Partial<CustomerFields> = {};
  for (const field of fromMerged) Object.assign(changes, { [field]: merged[field] });
  if (!choices.tags) changes.tags = [...new Set([...survivor.tags, ...merged.tags])];
  if (choices.fullName)
    changes.fullName = choices.fullName === 'merged' ? merged.fullName : survivor.fullName;
  const { linkedUserId, linkedEmployeeId, ...editable } = changes;
  const applied = applyCustomerChanges(survivor, editable);
  if (!applied.ok) return applied;
  const fields: CustomerFields = {
    ...applied.fields,
    linkedUserId: linkedUserId === undefined ? survivor.linkedUserId : linkedUserId,
    linkedEmployeeId: linkedEmployeeId === undefined ? survivor.linkedEmployeeId : linkedEmployeeId,
  };
  const changed = MERGE_FIELDS.filter(
    (field) => JSON.stringify(fields[field]) !== JSON.stringify(survivor[field]),
  );
  return { ok: true, fields, changed };
}
