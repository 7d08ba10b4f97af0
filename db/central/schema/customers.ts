import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { universalCustomerType } from './enums';
import { employees, users } from './org';
import { createdAt, deletedAt, syncColumns, updatedAt } from './columns';

// The plan's UniversalCustomer: one identity per person or company, shared by every division.
export const universalCustomers = pgTable(
  'universal_customers',
  {
    id: uuid('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    type: universalCustomerType('type').notNull().default('INDIVIDUAL'),

    firstName: text('first_name'),
    lastName: text('last_name'),
    fullName: text('full_name').notNull(),
    companyName: text('company_name'),
    // A calendar date, not an instant: a timestamp would shift birthdays across time zones.
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    gender: text('gender'),

    // Stored as entered after trimming; callers lower-case emails before writing so the
    // unique index below also catches case variants.
    primaryEmail: text('primary_email'),
    primaryPhone: text('primary_phone').notNull(),
    alternatePhone: text('alternate_phone'),

    address: text('address'),
    city: text('city'),
    state: text('state'),
    country: text('country').notNull().default('Zimbabwe'),
    postalCode: text('postal_code'),

    nationalId: text('national_id'),
    passportNumber: text('passport_number'),
    taxNumber: text('tax_number'),

    linkedUserId: uuid('linked_user_id').references(() => users.id),
    linkedEmployeeId: uuid('linked_employee_id').references(() => employees.id),

    source: text('source'),
    referredBy: text('referred_by'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isActive: boolean('is_active').notNull().default(true),
    isBlacklisted: boolean('is_blacklisted').notNull().default(false),
    blacklistReason: text('blacklist_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: uuid('created_by').references(() => users.id),

    ...syncColumns(),
    deletedAt: deletedAt(),
    // Set when this record was merged into a survivor. Offline tills that still hold the old
    // id keep landing their work: the server follows the redirect.
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => universalCustomers.id),
  },
  (t) => {
    // The plan's @unique fields hold among live records only: a merged or deleted duplicate
    // keeps its values (for audit and for redirects) without blocking the survivor.
    const live = sql`${t.deletedAt} is null and ${t.mergedIntoId} is null`;
    return [
      uniqueIndex('universal_customers_customer_number_key').on(t.customerNumber),
      uniqueIndex('universal_customers_primary_email_key').on(t.primaryEmail).where(live),
      uniqueIndex('universal_customers_national_id_key').on(t.nationalId).where(live),
      uniqueIndex('universal_customers_linked_user_id_key').on(t.linkedUserId).where(live),
      uniqueIndex('universal_customers_linked_employee_id_key').on(t.linkedEmployeeId).where(live),
      // Families and companies share phones, so the plan's phone index is not unique.
      index('universal_customers_primary_phone_idx').on(t.primaryPhone),
      // Search by phone also finds a customer's second number.
      index('universal_customers_alternate_phone_idx').on(t.alternatePhone),
      // Head-office lists page newest first.
      index('universal_customers_created_at_idx').on(t.createdAt.desc(), t.id.desc()),
      index('universal_customers_full_name_idx').on(t.fullName),
      index('universal_customers_tags_idx').using('gin', t.tags),
      index('universal_customers_merged_into_id_idx').on(t.mergedIntoId),
      index('universal_customers_server_seq_idx').on(t.serverSeq),
    ];
  },
);

export type UniversalCustomerRow = typeof universalCustomers.$inferSelect;
export type NewUniversalCustomerRow = typeof universalCustomers.$inferInsert;
