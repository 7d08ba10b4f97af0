import { eq } from 'drizzle-orm';
import type { TillDb } from '../../../db/till/connect';
import { printerSettings } from '../../../db/till/schema';
import {
  DEFAULT_PRINTER_SETTINGS,
  PrinterSettings,
  type PrinterSettingsView,
} from '../../../shared/contract/till/printing-settings';

// The till's printer settings: one row, written by a supervisor. Read on every print, so a
// change applies to the next slip without a restart.

export function readPrinterSettings(db: TillDb): PrinterSettings | null {
  const row = db.select().from(printerSettings).where(eq(printerSettings.id, 1)).get();
  if (!row) return null;
  // Parsed again on the way out: a row written by an older build (or by hand) that no longer
  // fits the contract counts as "not set up" rather than printing with nonsense.
  const parsed = PrinterSettings.safeParse({
    type: row.type,
    interface: row.interface,
    paperWidth: row.paperWidth,
    characterSet: row.characterSet,
    cashDrawer: row.cashDrawer,
    statusChecks: row.statusChecks,
    fallbackInterface: row.fallbackInterface,
  });
  return parsed.success ? parsed.data : null;
}

export function readPrinterSettingsView(db: TillDb): PrinterSettingsView {
  const row = db.select().from(printerSettings).where(eq(printerSettings.id, 1)).get();
  const settings = readPrinterSettings(db);
  return {
    configured: settings !== null,
    settings: settings ?? DEFAULT_PRINTER_SETTINGS,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export function writePrinterSettings(
  db: TillDb,
  settings: PrinterSettings,
  by: string,
  now: Date,
): void {
  const row = { id: 1, ...settings, updatedAt: now.toISOString(), updatedBy: by };
  db.insert(printerSettings)
    .values(row)
    .onConflictDoUpdate({ target: printerSettings.id, set: row })
    .run();
}
