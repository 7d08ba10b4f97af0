import { z } from 'zod';
import { PRINT_JOB_STATUSES } from '../../domain/enums';
import { Id } from '../common';
import { Empty, method } from './method';
import { PrinterSettings, PrinterSettingsView } from './printing-settings';

export {
  PRINTER_TYPES,
  PRINTER_TYPE_LABELS,
  PrinterSettings,
  PrinterSettingsView,
  DEFAULT_PRINTER_SETTINGS,
  type PrinterType,
} from './printing-settings';

// Receipts and the till's printer. Money events queue their slips with enqueuePrint() inside
// their own transaction; these methods let staff see the queue, retry, print elsewhere,
// dismiss, reprint (marked REPRINT) and preview, and let a supervisor set the printer up.

const PrinterChoice = z.enum(['main', 'fallback']);

export const SlipLineView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), bold: z.boolean(), tall: z.boolean() }),
  z.object({ kind: z.literal('qr'), data: z.string() }),
  z.object({ kind: z.literal('barcode'), data: z.string() }),
  z.object({ kind: z.literal('drawer') }),
  z.object({ kind: z.literal('cut') }),
]);

export const SlipPreview = z.object({
  jobId: Id,
  title: z.string(),
  width: z.union([z.literal(32), z.literal(48)]),
  lines: z.array(SlipLineView),
});
export type SlipPreview = z.infer<typeof SlipPreview>;

export const PrintJobView = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  receiptNumber: z.string().nullable(),
  customerNumber: z.string().nullable(),
  customerName: z.string().nullable(),
  /** The layby or account number the slip belongs to. */
  reference: z.string().nullable(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  printedAt: z.string().nullable(),
  dismissedReason: z.string().nullable(),
  dismissedBy: z.string().nullable(),
  copyLabel: z.enum(['REPRINT', 'COPY']).nullable(),
  copyOf: z.string().nullable(),
  printer: PrinterChoice,
});
export type PrintJobView = z.infer<typeof PrintJobView>;

export const PrintQueueSummary = z.object({
  /** Slips not printed yet (waiting or failed), not counting dismissed ones. */
  waiting: z.number().int(),
  failed: z.number().int(),
  configured: z.boolean(),
  /** A second printer is set up, so a slip can be sent there instead. */
  fallback: z.boolean(),
  /** The newest fault, in words, while slips are waiting. */
  lastError: z.string().nullable(),
  /** A condition that is not a fault yet, e.g. paper running low. */
  warning: z.string().nullable(),
});
export type PrintQueueSummary = z.infer<typeof PrintQueueSummary>;

const JobRef = { jobId: Id };

export const printingMethods = {
  'printing:getSettings': method({
    input: Empty,
    output: PrinterSettingsView,
    permission: 'printer.configure',
  }),
  'printing:setSettings': method({
    input: PrinterSettings,
    output: PrinterSettingsView,
    permission: 'printer.configure',
  }),
  'printing:testPrint': method({
    input: z.object({ openDrawer: z.boolean().default(false) }).strict(),
    output: PrintJobView,
    permission: 'printer.configure',
  }),
  // No permission: the status bar shows the count before anyone signs in, and a count
  // says nothing about customers.
  'printing:summary': method({ input: Empty, output: PrintQueueSummary, permission: null }),
  'printing:queue': method({
    input: z
      .object({
        view: z.enum(['waiting', 'recent']).default('waiting'),
        customerId: Id.optional(),
        customerNumber: z.string().trim().max(40).optional(),
        reference: z.string().trim().max(40).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({ jobs: z.array(PrintJobView) }),
    permission: 'session.use',
  }),
  'printing:retry': method({
    input: z.object({ ...JobRef, printer: PrinterChoice.default('main') }).strict(),
    output: PrintJobView,
    permission: 'session.use',
  }),
  'printing:dismiss': method({
    input: z
      .object({
        ...JobRef,
        reason: z
          .string()
          .trim()
          .min(3, { message: 'say why in a few words' })
          .max(300, { message: 'must be at most 300 characters' }),
      })
      .strict(),
    output: PrintJobView,
    permission: 'session.use',
  }),
  'printing:reprint': method({
    input: z.object({ ...JobRef, printer: PrinterChoice.default('main') }).strict(),
    output: PrintJobView,
    permission: 'session.use',
  }),
  'printing:preview': method({
    input: z.object({ ...JobRef, width: z.union([z.literal(32), z.literal(48)]).optional() }),
    output: SlipPreview,
    permission: 'session.use',
  }),
} as const;
