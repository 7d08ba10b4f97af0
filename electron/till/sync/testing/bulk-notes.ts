import { openTillDb } from '../../../../db/till/connect';
import { customerNotes } from '../../../../db/till/schema';
import { mutationPayloads } from '../../../../shared/contract/sync/mutations';
import { formatHlc, parseHlc, tick } from '../../../../shared/domain/sync/hlc';
import { uuidv7 } from '../../../../shared/ids';
import { clockOffsetMs } from '../clock';
import { appendMutation } from '../outbox';
import type { NoteAuthor } from './note-writer';

// Tests only: a day's (or a week's) work queued fast. Each note and its outbox mutation are
// written exactly as the till's note service writes them (see note-writer.ts); the only
// shortcut is that `chunk` of them share one SQLite transaction, because with
// synchronous=FULL one fsync per note would make 50,000 of them take minutes.

export type BulkNotes = { ids: string[]; ms: number };

export function writeNotes(
  file: string,
  author: NoteAuthor,
  options: { count: number; marker: string; clock?: () => Date; chunk?: number },
): BulkNotes {
  const started = Date.now();
  const clock = options.clock ?? (() => new Date());
  const chunk = options.chunk ?? 1_000;
  const ids: string[] = [];
  const handle = openTillDb(file);
  try {
    for (let done = 0; done < options.count; done += chunk) {
      handle.db.transaction((tx) => {
        for (let i = done; i < Math.min(done + chunk, options.count); i += 1) {
          const now = clock();
          const note = {
            id: uuidv7(now.getTime()),
            universalCustomerId: author.customerId,
            divisionAccountId: null,
            businessId: author.businessId,
            createdBy: author.staffId,
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
            noteType: 'GENERAL' as const,
            subject: null,
            content: `${options.marker} ${i}`,
            priority: 'NORMAL' as const,
            isPrivate: false,
            isAlert: false,
          };
          tx.insert(customerNotes).values(note).run();
          appendMutation(tx, 'note.add', note, now);
          ids.push(note.id);
        }
      });
    }
  } finally {
    handle.close();
  }
  return { ids, ms: Date.now() - started };
}

/**
 * The same rows as writeNotes (each note, its note.add mutation with the next gap-free seq
 * and the next HLC stamp), written through prepared statements: drizzle's query builder costs
 * about 1 ms a row, which is most of a minute for a week offline of 50,000 mutations. Every
 * payload still goes through the contract's parse, as appendMutation does, and the clock
 * state is left where nextHlc would have left it.
 */
export function queueNotesFast(
  file: string,
  author: NoteAuthor,
  options: { count: number; marker: string; clock?: () => Date; chunk?: number },
): BulkNotes {
  const started = Date.now();
  const clock = options.clock ?? (() => new Date());
  const chunk = options.chunk ?? 5_000;
  const schema = mutationPayloads['note.add'];
  const ids: string[] = [];
  const handle = openTillDb(file);
  try {
    const sqlite = handle.sqlite;
    const insertNote = sqlite.prepare(
      `insert into customer_notes (id, universal_customer_id, division_account_id, business_id,
         note_type, subject, content, priority, is_private, is_alert, created_by, created_at,
         updated_at) values (?, ?, null, ?, 'GENERAL', null, ?, 'NORMAL', 0, 0, ?, ?, ?)`,
    );
    const insertMutation = sqlite.prepare(
      `insert into outbox (id, seq, name, payload, created_at, hlc, attempts)
       values (?, ?, 'note.add', ?, ?, ?, 0)`,
    );
    const saveLastHlc = sqlite.prepare(
      `insert into sync_state (key, value, updated_at) values ('clock.lastHlc', ?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    );
    const offset = clockOffsetMs(handle.db);
    for (let done = 0; done < options.count; done += chunk) {
      sqlite.transaction(() => {
        const lastSeq = (
          sqlite.prepare('select max(seq) as seq from outbox').get() as {
            seq: number | null;
          }
        ).seq;
        const lastStamp = (
          sqlite.prepare(`select value from sync_state where key = 'clock.lastHlc'`).get() as
            { value: string } | undefined
        )?.value;
        let hlc = lastStamp ? parseHlc(JSON.parse(lastStamp) as string) : null;
        let seq = lastSeq ?? 0;
        let now = clock();
        for (let i = done; i < Math.min(done + chunk, options.count); i += 1) {
          now = clock();
          const at = now.toISOString();
          const note = {
            id: uuidv7(now.getTime()),
            universalCustomerId: author.customerId,
            divisionAccountId: null,
            businessId: author.businessId,
            createdBy: author.staffId,
            createdAt: at,
            updatedAt: at,
            noteType: 'GENERAL' as const,
            subject: null,
            content: `${options.marker} ${i}`,
            priority: 'NORMAL' as const,
            isPrivate: false,
            isAlert: false,
          };
          insertNote.run(
            note.id,
            note.universalCustomerId,
            note.businessId,
            note.content,
            note.createdBy,
            at,
            at,
          );
          hlc = tick(hlc, now.getTime() + offset);
          seq += 1;
          insertMutation.run(
            uuidv7(now.getTime()),
            seq,
            JSON.stringify(schema.parse(note)),
            at,
            formatHlc(hlc),
          );
          ids.push(note.id);
        }
        if (hlc) saveLastHlc.run(JSON.stringify(formatHlc(hlc)), now.toISOString());
      })();
    }
  } finally {
    handle.close();
  }
  return { ids, ms: Date.now() - started };
}
