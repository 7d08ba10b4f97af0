import { openTillDb } from '../../../../db/till/connect';
import { customerNotes } from '../../../../db/till/schema';
import { uuidv7 } from '../../../../shared/ids';
import { appendMutation } from '../outbox';

export type NoteAuthor = { customerId: string; businessId: string; staffId: string };

/** Records a note and its outbox mutation in one transaction, as a till service does. */
export function writeNote(file: string, author: NoteAuthor, content: string): string {
  const handle = openTillDb(file);
  try {
    const now = new Date();
    const note = {
      id: uuidv7(),
      universalCustomerId: author.customerId,
      divisionAccountId: null,
      businessId: author.businessId,
      createdBy: author.staffId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      noteType: 'GENERAL' as const,
      subject: null,
      content,
      priority: 'NORMAL' as const,
      isPrivate: false,
      isAlert: false,
    };
    handle.db.transaction((tx) => {
      tx.insert(customerNotes).values(note).run();
      appendMutation(tx, 'note.add', note, now);
    });
    return note.id;
  } finally {
    handle.close();
  }
}
