import { z } from 'zod';
import { AccountOpenFields, AccountStatus } from '../../domain/customers/accounts';
import { Reason } from '../../domain/customers/fields';
import { NoteFields } from '../../domain/customers/notes';
import { classifySearch } from '../../domain/customers/search-query';
import { CustomerCreateInput, CustomerUpdateInput } from '../../domain/customers/validate';
import { Id } from '../common';
import { method } from './method';
import { CustomerProfile } from './customer-profile';
import { AccountView, CustomerHit, CustomerView, DuplicateMatchView } from './customer-views';

export { CustomerProfile } from './customer-profile';
export { AccountView, CustomerHit, CustomerView, DuplicateMatchView } from './customer-views';

const SEARCH_KINDS = [
  'empty',
  'customerNumber',
  'divisionNumber',
  'phone',
  'phonePrefix',
  'nationalId',
  'email',
  'name',
] as const satisfies ReturnType<typeof classifySearch>['kind'][];

export const SearchResult = z.object({ kind: z.enum(SEARCH_KINDS), hits: z.array(CustomerHit) });
export type SearchResult = z.infer<typeof SearchResult>;

/** What the create form holds so far; raw text, since the cashier is still typing. */
const DuplicateProbeInput = z.object({
  type: z.string().optional(),
  firstName: z.string().max(200).nullish(),
  lastName: z.string().max(200).nullish(),
  fullName: z.string().max(200).nullish(),
  companyName: z.string().max(200).nullish(),
  primaryPhone: z.string().max(40).nullish(),
  alternatePhone: z.string().max(40).nullish(),
  primaryEmail: z.string().max(254).nullish(),
  nationalId: z.string().max(40).nullish(),
  dateOfBirth: z.string().max(20).nullish(),
  /** The customer being edited, so it is not its own duplicate. */
  excludeId: Id.optional(),
});
export type DuplicateProbeInput = z.infer<typeof DuplicateProbeInput>;

const ById = z.object({ id: Id });
const withReason = ById.extend({ reason: Reason });

export const customerMethods = {
  'customers:search': method({
    input: z.object({ query: z.string().max(100, { message: 'is too long' }) }),
    output: SearchResult,
    permission: 'customer.read',
  }),
  'customers:checkDuplicates': method({
    input: DuplicateProbeInput,
    output: z.object({ matches: z.array(DuplicateMatchView) }),
    permission: 'customer.read',
  }),
  'customers:create': method({
    input: CustomerCreateInput,
    output: CustomerView,
    permission: 'customer.write',
  }),
  'customers:update': method({
    input: CustomerUpdateInput,
    output: CustomerView,
    permission: 'customer.write',
  }),
  'customers:get': method({ input: ById, output: CustomerProfile, permission: 'customer.read' }),
  'customers:setBlacklist': method({
    input: withReason.extend({ isBlacklisted: z.boolean() }),
    output: CustomerView,
    permission: 'customer.blacklist',
  }),
  'customers:deactivate': method({
    input: withReason,
    output: CustomerView,
    permission: 'customer.delete',
  }),
  'customers:reactivate': method({
    input: withReason,
    output: CustomerView,
    permission: 'customer.delete',
  }),
  'customers:link': method({
    input: ById.extend({ linkedUserId: Id.nullish(), linkedEmployeeId: Id.nullish() }).refine(
      (input) => input.linkedUserId !== undefined || input.linkedEmployeeId !== undefined,
      {
        message: 'give a staff user or an employee to link (or null to unlink)',
        path: ['linkedUserId'],
      },
    ),
    output: CustomerView,
    permission: 'customer.link',
  }),
  'accounts:open': method({
    input: AccountOpenFields.extend({ customerId: Id }),
    output: AccountView,
    permission: 'customer.write',
  }),
  'accounts:setStatus': method({
    input: z.object({ accountId: Id, status: AccountStatus, reason: Reason }),
    output: AccountView,
    permission: 'account.status',
  }),
  'notes:add': method({
    input: NoteFields.extend({ customerId: Id }),
    output: z.object({ id: z.string() }),
    permission: 'customer.write',
  }),
} as const;
