import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { json, nowIso } from './columns';

// Every change to customer data made at this till: who, when, before and after. Written in
// the same transaction as the change; pushed to the server with the mutation.
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    actorUserId: text('actor_user_id'),
    tillId: text('till_id'),
    businessId: text('business_id'),
    at: text('at').notNull().default(nowIso),
    before: json('before'),
    after: json('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
export type NewAuditLogRow = typeof auditLog.$inferInsert;
