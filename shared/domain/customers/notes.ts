import { z } from 'zod';
import { Id } from '../../contract/common';
import { CUSTOMER_NOTE_TYPES, NOTE_PRIORITIES, type CustomerNoteType } from '../enums';
import { nullable, text } from './fields';

// Internal notes on a customer. Alerts show to every cashier who opens the customer, so they
// sort first and need a supervisor's permission to add.

export const NoteFields = z.object({
  noteType: z.enum(CUSTOMER_NOTE_TYPES, { message: 'must be a note type' }).default('GENERAL'),
  subject: nullable(text(120)).default(null),
  content: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(2000, { message: 'must be at most 2000 characters' }),
  priority: z.enum(NOTE_PRIORITIES, { message: 'must be a priority' }).default('NORMAL'),
  isPrivate: z.boolean().default(false),
  isAlert: z.boolean().default(false),
});
export type NoteFields = z.output<typeof NoteFields>;

export const NoteRecord = NoteFields.extend({
  id: Id,
  universalCustomerId: Id,
  divisionAccountId: Id.nullable(),
  businessId: Id.nullable(),
  createdBy: Id,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NoteRecord = z.output<typeof NoteRecord>;

/** Note kinds every cashier sees as a warning; adding one is a supervisor's call. */
const WARNING_TYPES: readonly CustomerNoteType[] = ['WARNING', 'CREDIT_CHECK'];
export const needsAlertPermission = (note: Pick<NoteFields, 'isAlert' | 'noteType'>) =>
  note.isAlert || WARNING_TYPES.includes(note.noteType);

const PRIORITY_ORDER = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 } as const;

/** Alerts first, then by priority, then newest first: what a cashier must see at a glance. */
export function sortNotesForDisplay<
  T extends Pick<NoteRecord, 'isAlert' | 'priority' | 'createdAt'>,
>(notes: readonly T[]): T[] {
  return [...notes].sort(
    (a, b) =>
      Number(b.isAlert) - Number(a.isAlert) ||
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      b.createdAt.localeCompare(a.createdAt),
  );
}
