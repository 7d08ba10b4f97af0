import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { businessKind, staffRole } from './enums';

const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const updatedAt = () =>
  at('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => sql`now()`);

// The umbrella business and its divisions (GRO, RST, CLO, HWR, CON).
export const businesses = pgTable('businesses', {
  id: uuid('id').primaryKey(),
  kind: businessKind('kind').notNull(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: uuid('parent_id').references((): AnyPgColumn => businesses.id),
  address: text('address'),
  phone: text('phone'),
  taxNumber: text('tax_number'),
  defaultCurrency: text('default_currency').notNull().default('USD'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Staff who sign in at tills and at head office. businessId null means head office.
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  email: text('email'),
  role: staffRole('role').notNull(),
  businessId: uuid('business_id').references(() => businesses.id),
  pinHash: text('pin_hash').notNull(),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const employees = pgTable('employees', {
  id: uuid('id').primaryKey(),
  employeeNumber: text('employee_number').notNull().unique(),
  fullName: text('full_name').notNull(),
  businessId: uuid('business_id').references(() => businesses.id),
  userId: uuid('user_id')
    .unique()
    .references(() => users.id),
  jobTitle: text('job_title'),
  phone: text('phone'),
  email: text('email'),
  // Employee discount in basis points (1500 = 15 %), applied by the sale screen.
  discountBasisPoints: integer('discount_basis_points').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

// Head-office REST sessions (staff signed in through the API). Only a hash of the token is kept.
export const staffSessions = pgTable('staff_sessions', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: at('expires_at').notNull(),
  revokedAt: at('revoked_at'),
  createdAt: createdAt(),
});

// Enrolled tills. The device token is stored only as a hash; revoking makes it answer 401.
export const tills = pgTable('tills', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  businessId: uuid('business_id')
    .notNull()
    .references(() => businesses.id),
  tokenHash: text('token_hash').notNull().unique(),
  protocolVersion: integer('protocol_version').notNull(),
  enrolledAt: createdAt(),
  lastSeenAt: at('last_seen_at'),
  /** Mutations waiting in the till's outbox, as it said with its last call (x-unitill-waiting). */
  waitingMutations: integer('waiting_mutations'),
  revokedAt: at('revoked_at'),
});

// One-time codes a head-office admin issues so a till can enroll into a division.
export const enrollmentCodes = pgTable(
  'enrollment_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    usedByTillId: uuid('used_by_till_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('enrollment_codes_unused')
      .on(t.expiresAt)
      .where(sql`${t.usedAt} is null`),
  ],
);

// Wrong PINs at head office are counted per username, like at the till (shared lockout rule).
export const signInAttempts = pgTable('sign_in_attempts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: at('locked_until'),
  lastFailureAt: at('last_failure_at'),
});
