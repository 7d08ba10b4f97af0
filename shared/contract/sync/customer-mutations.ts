import { z } from 'zod';
import { AccountRecord, AccountStatus } from '../../domain/customers/accounts';
import { Reason } from '../../domain/customers/fields';
import { NoteRecord } from '../../domain/customers/notes';
import { CustomerRecord, customerFieldShape } from '../../domain/customers/validate';
import { Id } from '../common';

// The customer area's mutations: what a cashier did, in the shared schemas of
// shared/domain/customers, so the server re-validates with the very rules the till ran.
// Every payload names the staff member who acted (the envelope only knows the till).

/**
 * The value a field held before the edit, as the till saw it. Loose on purpose: a row pulled
 * from an old import may hold a value today's rules would reject, and that must not block
 * the edit that fixes it. The server compares it with its own value to merge field by field.
 */
const Previous = z.union([z.string(), z.array(z.string()), z.null()]);

type FieldShape = typeof customerFieldShape;
type ChangeOf<S extends z.ZodType> = z.ZodOptional<z.ZodObject<{ from: typeof Previous; to: S }>>;
type ChangesShape<K extends keyof FieldShape> = { [F in K]: ChangeOf<FieldShape[F]> };

function changesOf<K extends keyof FieldShape>(fields: readonly K[]) {
  const shape = Object.fromEntries(
    fields.map((field) => [
      field,
      z.object({ from: Previous, to: customerFieldShape[field] }).optional(),
    ]),
  );
  // Object.fromEntries forgets the keys; the mapped type above is what it built.
  return z
    .object(shape as ChangesShape<K>)
    .strict()
    .refine((changes) => Object.keys(changes).length > 0, { message: 'must change something' });
}

const EDITABLE_FIELDS = (Object.keys(customerFieldShape) as (keyof FieldShape)[]).filter(
  (field): field is Exclude<keyof FieldShape, 'linkedUserId' | 'linkedEmployeeId'> =>
    field !== 'linkedUserId' && field !== 'linkedEmployeeId',
);

export const CustomerUpdatePayload = z.object({
  id: Id,
  actorUserId: Id,
  changes: changesOf(EDITABLE_FIELDS),
});
export type CustomerUpdatePayload = z.output<typeof CustomerUpdatePayload>;

export const CustomerSetActivePayload = z.object({
  id: Id,
  actorUserId: Id,
  isActive: z.boolean(),
  reason: Reason,
});

export const CustomerSetBlacklistPayload = z.object({
  id: Id,
  actorUserId: Id,
  isBlacklisted: z.boolean(),
  reason: Reason,
});

export const AccountSetStatusPayload = z.object({
  id: Id,
  actorUserId: Id,
  status: AccountStatus,
  previousStatus: AccountStatus,
  reason: Reason,
});

export const CustomerLinkPayload = z.object({
  id: Id,
  actorUserId: Id,
  changes: changesOf(['linkedUserId', 'linkedEmployeeId'] as const),
});

export const customerMutations = {
  /** The full new row, id and UCST number included (both born at the till). */
  'customer.create': CustomerRecord,
  'customer.update': CustomerUpdatePayload,
  /** Soft delete (isActive false) or reactivation; never a hard delete. */
  'customer.setActive': CustomerSetActivePayload,
  'customer.setBlacklist': CustomerSetBlacklistPayload,
  /** The full new division account row, its CLO-CUST number born at the till. */
  'account.open': AccountRecord,
  'account.setStatus': AccountSetStatusPayload,
  'customer.link': CustomerLinkPayload,
  'note.add': NoteRecord,
} as const satisfies Record<string, z.ZodType>;
