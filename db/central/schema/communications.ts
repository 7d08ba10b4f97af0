import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  communicationChannel,
  communicationDirection,
  communicationStatus,
  communicationType,
  customerNoteType,
  notePriority,
} from './enums';
import { businesses, users } from './org';
import { universalCustomers } from './customers';
import { customerDivisionAccounts } from './accounts';
import { customerLaybys } from './laybys';
import { businessOrders } from './orders';
import { at, createdAt, deletedAt, syncColumns, updatedAt } from './columns';

// The plan's CustomerCommunication: every message to or from a customer, any channel.
export const customerCommunications = pgTable(
  'customer_communications',
  {
    id: uuid('id').primaryKey(),
    universalCustomerId: uuid('universal_customer_id')
      .notNull()
      .references(() => universalCustomers.id, { onDelete: 'cascade' }),
    divisionAccountId: uuid('division_account_id').references(() => customerDivisionAccounts.id, {
      onDelete: 'cascade',
    }),
    businessId: uuid('business_id').references(() => businesses.id),

    type: communicationType('type').notNull(),
    channel: communicationChannel('channel').notNull(),
    subject: text('subject'),
    content: text('content').notNull(),
    direction: communicationDirection('direction').notNull(),

    status: communicationStatus('status').notNull().default('SENT'),
    deliveredAt: at('delivered_at'),
    readAt: at('read_at'),

    relatedOrderId: uuid('related_order_id').references(() => businessOrders.id),
    relatedLaybyId: uuid('related_layby_id').references(() => customerLaybys.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),

    ...syncColumns(),
    // Drafts can be thrown away; sent messages are kept.
    deletedAt: deletedAt(),
  },
  (t) => [
    index('customer_communications_customer_idx').on(t.universalCustomerId, t.createdAt),
    index('customer_communications_business_seq_idx').on(t.businessId, t.serverSeq),
  ],
);

// The plan's CustomerNote: internal notes, optionally scoped to one division.
export const customerNotes = pgTable(
  'customer_notes',
  {
    id: uuid('id').primaryKey(),
    universalCustomerId: uuid('universal_customer_id')
      .notNull()
      .references(() => universalCustomers.id, { onDelete: 'cascade' }),
    divisionAccountId: uuid('division_account_id').references(() => customerDivisionAccounts.id, {
      onDelete: 'cascade',
    }),
    businessId: uuid('business_id').references(() => businesses.id),

    noteType: customerNoteType('note_type').notNull().default('GENERAL'),
    subject: text('subject'),
    content: text('content').notNull(),
    priority: notePriority('priority').notNull().default('NORMAL'),

    isPrivate: boolean('is_private').notNull().default(false),
    isAlert: boolean('is_alert').notNull().default(false),

    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('customer_notes_customer_idx').on(t.universalCustomerId, t.createdAt),
    index('customer_notes_business_seq_idx').on(t.businessId, t.serverSeq),
  ],
);

export type CustomerCommunicationRow = typeof customerCommunications.$inferSelect;
export type NewCustomerCommunicationRow = typeof customerCommunications.$inferInsert;
export type CustomerNoteRow = typeof customerNotes.$inferSelect;
export type NewCustomerNoteRow = typeof customerNotes.$inferInsert;
