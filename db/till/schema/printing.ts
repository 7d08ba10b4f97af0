import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { at, bool } from './columns';

// This till's printer, as a supervisor set it up: one row (id 1), absent until then. Not
// synced: a printer belongs to the counter it stands on.
export const printerSettings = sqliteTable(
  'printer_settings',
  {
    id: integer('id').primaryKey(),
    type: text('type').notNull(),
    interface: text('interface').notNull(),
    paperWidth: integer('paper_width').notNull(),
    characterSet: text('character_set').notNull(),
    cashDrawer: bool('cash_drawer').notNull(),
    statusChecks: bool('status_checks').notNull(),
    fallbackInterface: text('fallback_interface'),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [
    check('printer_settings_single_row', sql`${t.id} = 1`),
    check('printer_settings_width_check', sql`${t.paperWidth} in (32, 48)`),
  ],
);

export type PrinterSettingsRow = typeof printerSettings.$inferSelect;
