import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import {
  COMMUNICATION_CHANNELS,
  COMMUNICATION_DIRECTIONS,
  COMMUNICATION_STATUSES,
  COMMUNICATION_TYPES,
  CUSTOMER_NOTE_TYPES,
  NOTE_PRIORITIES,
} from '../../../shared/domain/enums';
import { at, bool, createdAt, deletedAt, syncColumns, updatedAt } from './columns';

export const customerCommunications = sqliteTable(
  'customer_communications',
  {
    id: text('id').primaryKey(),
    universalCustomerId: text('universal_customer_id').notNull(),
    divisionAccountId: text('division_account_id'),
    businessId: text('business_id'),

    type: text('type', { enum: COMMUNICATION_TYPES }).notNull(),
    channel: text('channel', { enum: COMMUNICATION_CHANNELS }).notNull(),
    subject: text('subject'),
    content: text('content').notNull(),
    direction: text('direction', { enum: COMMUNICATION_DIRECTIONS }).notNull(),

    status: text('status', { enum: COMMUNICATION_STATUSES }).notNull().default('SENT'),
    deliveredAt: at('delivered_at'),
    readAt: at('read_at'),

    relatedOrderId: text('related_order_id'),
    relatedLaybyId: text('related_layby_id'),
    createdBy: text('created_by'),
    createdAt: createdAt(),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('customer_communications_customer_idx').on(t.universalCustomerId, t.createdAt)],
);

export const customerNotes = sqliteTable(
  'customer_notes',
  {
    id: text('id').primaryKey(),
    universalCustomerId: text('universal_customer_id').notNull(),
    divisionAccountId: text('division_account_id'),
    businessId: text('business_id'),

    noteType: text('note_type', { enum: CUSTOMER_NOTE_TYPES }).notNull().default('GENERAL'),
    subject: text('subject'),
    content: text('content').notNull(),
    priority: text('priority', { enum: NOTE_PRIORITIES }).notNull().default('NORMAL'),

    isPrivate: bool('is_private').notNull().default(false),
    isAlert: bool('is_alert').notNull().default(false),

    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),

    ...syncColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.universalCustomerId, t.createdAt)],
);

export type CustomerCommunicationRow = typeof customerCommunications.$inferSelect;
export type NewCustomerCommunicationRow = typeof customerCommunications.$inferInsert;
export type CustomerNoteRow = typeof customerNotes.$inferSelect;
export type NewCustomerNoteRow = typeof customerNotes.$inferInsert;
