import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BUSINESS_KINDS, STAFF_ROLES } from '../../../shared/domain/enums';

// The till's copy of its division (and the umbrella), and of the staff who may sign in here.
// Timestamps are ISO-8601 text in UTC; ids are UUIDv7 text.
export const businesses = sqliteTable('businesses', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: BUSINESS_KINDS }).notNull(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  parentId: text('parent_id'),
  address: text('address'),
  phone: text('phone'),
  taxNumber: text('tax_number'),
  defaultCurrency: text('default_currency').notNull().default('USD'),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: STAFF_ROLES }).notNull(),
  businessId: text('business_id'),
  pinHash: text('pin_hash').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});

// Wrong PINs are counted per username so repeated guesses lock that user out for a while,
// even for a username the till does not know (so the answer never tells which part was wrong).
export const signInAttempts = sqliteTable('sign_in_attempts', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: text('locked_until'),
  lastFailureAt: text('last_failure_at'),
});

// This till's identity: a single row written at enrollment.
export const tillIdentity = sqliteTable('till_identity', {
  id: integer('id').primaryKey(),
  tillId: text('till_id').notNull(),
  tillName: text('till_name').notNull(),
  businessId: text('business_id').notNull(),
  serverUrl: text('server_url').notNull(),
  deviceToken: text('device_token').notNull(),
  enrolledAt: text('enrolled_at').notNull(),
  lastSyncAt: text('last_sync_at'),
});
