import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { at } from './columns';

// Every change to customer data: who, when, which till, before and after. Append-only.
// No foreign keys: an audit row must outlive whatever it describes, and rows arrive from
// tills in batches that should never be refused over a reference.
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    // Verb in the mutation's words: 'customer.create', 'layby.recordPayment', 'customer.merge'.
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id'),
    tillId: uuid('till_id'),
    businessId: uuid('business_id'),
    at: at('at').notNull().defaultNow(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_actor_idx').on(t.actorUserId, t.at),
    index('audit_log_at_idx').on(t.at),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
