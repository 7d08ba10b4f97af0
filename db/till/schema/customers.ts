import { sql } from 'drizzle-orm';
import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { UNIVERSAL_CUSTOMER_TYPES } from '../../../shared/domain/enums';
import { bool, createdAt, deletedAt, json, syncColumns, updatedAt } from './columns';

// The till's copy of every customer identity in the group, so lookup works offline and stays
// local at a million rows. Same fields as central universal_customers.
export const universalCustomers = sqliteTable(
  'universal_customers',
  {
    id: text('id').primaryKey(),
    customerNumber: text('customer_number').notNull(),
    type: text('type', { enum: UNIVERSAL_CUSTOMER_TYPES }).notNull().default('INDIVIDUAL'),

    firstName: text('first_name'),
    lastName: text('last_name'),
    fullName: text('full_name').notNull(),
    companyName: text('company_name'),
    // YYYY-MM-DD: a calendar date, not an instant.
    dateOfBirth: text('date_of_birth'),
    gender: text('gender'),

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

    linkedUserId: text('linked_user_id'),
    linkedEmployeeId: text('linked_employee_id'),

    source: text('source'),
    referredBy: text('referred_by'),
    tags: json('tags')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    isActive: bool('is_active').notNull().default(true),
    isBlacklisted: bool('is_blacklisted').notNull().default(false),
    blacklistReason: text('blacklist_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: text('created_by'),

    ...syncColumns(),
    deletedAt: deletedAt(),
    mergedIntoId: text('merged_into_id'),
  },
  (t) => {
    // As on the server: the plan's @unique fields hold among live records only.
    const live = sql`${t.deletedAt} is null and ${t.mergedIntoId} is null`;
    return [
      uniqueIndex('universal_customers_customer_number_key').on(t.customerNumber),
      uniqueIndex('universal_customers_primary_email_key').on(t.primaryEmail).where(live),
      uniqueIndex('universal_customers_national_id_key').on(t.nationalId).where(live),
      uniqueIndex('universal_customers_linked_user_id_key').on(t.linkedUserId).where(live),
      uniqueIndex('universal_customers_linked_employee_id_key').on(t.linkedEmployeeId).where(live),
      index('universal_customers_primary_phone_idx').on(t.primaryPhone),
      // Lookup by phone finds a customer by either number.
      index('universal_customers_alternate_phone_idx').on(t.alternatePhone),
      // Duplicate checks compare names among customers born the same day (a few dozen).
      index('universal_customers_date_of_birth_idx').on(t.dateOfBirth),
      // Names are found through the customer_search FTS5 table (migration 0002), not a b-tree
      // on full_name: one random index page fewer for every customer written.
      index('universal_customers_merged_into_id_idx').on(t.mergedIntoId),
      index('universal_customers_server_seq_idx').on(t.serverSeq),
    ];
  },
);

export type UniversalCustomerRow = typeof universalCustomers.$inferSelect;
export type NewUniversalCustomerRow = typeof universalCustomers.$inferInsert;
