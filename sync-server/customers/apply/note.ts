import { eq, sql } from 'drizzle-orm';
import { customerDivisionAccounts, customerNotes } from '../../../db/central/schema';
import type { StaffRole } from '../../../shared/domain/enums';
import { needsAlertPermission } from '../../../shared/domain/customers/notes';
import type { MutationPayload } from '../../../shared/contract/sync/mutations';
import type { Applier, ApplyOutcome } from '../../sync/appliers';
import { nextServerSeq } from '../../sync/change-sequence';
import { createBulkUuidv7 } from '../../demo/fast-ids';
import {
  jsonValue,
  withBulk,
  type BulkApplier,
  type BulkReader,
  type DeferredWrites,
} from '../../sync/push-bulk';
import { writeAudit } from '../audit';
import { resolveAccountId, resolveCustomerId } from '../resolve';
import { actorMay, rejected, staffVerdict } from './support';

/** note.add: append-only; lands on the survivor when the customer was merged meanwhile. */
const applyOneNote: Applier<'note.add'> = async (tx, note, context) => {
  const permission = needsAlertPermission(note) ? 'customer.alert' : 'customer.write';
  const denied = await actorMay(tx, note.createdBy, permission, context);
  if (denied) return rejected(denied);
  if (note.businessId !== null && note.businessId !== context.businessId) {
    return rejected("the note names another division than the till's");
  }
  const [existing] = await tx
    .select({ id: customerNotes.id })
    .from(customerNotes)
    .where(eq(customerNotes.id, note.id));
  if (existing) return { status: 'applied', result: { noteId: note.id } };
  const customerId = await resolveCustomerId(tx, note.universalCustomerId);
  if (!customerId) return rejected(`unknown customer ${note.universalCustomerId}`);
  let accountId = note.divisionAccountId;
  if (accountId) {
    accountId = await resolveAccountId(tx, accountId);
    const [account] = await tx
      .select({ businessId: customerDivisionAccounts.businessId })
      .from(customerDivisionAccounts)
      .where(eq(customerDivisionAccounts.id, accountId));
    if (!account) return rejected(`unknown account ${note.divisionAccountId ?? ''}`);
    if (account.businessId !== context.businessId)
      return rejected("the account belongs to another division than the till's");
  }
  const values = {
    ...note,
    universalCustomerId: customerId,
    divisionAccountId: accountId,
    originTillId: context.tillId,
  };
  await tx.insert(customerNotes).values({ ...values, serverSeq: nextServerSeq() });
  await writeAudit(tx, {
    entityType: 'customer_note',
    entityId: note.id,
    action: 'note.add',
    actorUserId: note.createdBy,
    tillId: context.tillId,
    businessId: context.businessId,
    after: values,
  });
  return { status: 'applied', result: { noteId: note.id, customerId } };
};

/**
 * note.add for a run of notes in a push (sync/push-bulk.ts): the same checks in the same
 * order as applyNoteAdd, on what one read of the run's staff, notes, customers and accounts
 * found; the notes and their audit rows are written at the batch's end. Notes are only
 * ever read here within a push, and pending ones count as existing for a repeated id.
 */
const applyNoteAdds: BulkApplier<'note.add'> = async (reader, items, writes) => {
  const pending = writes.slot(applyNoteAdds, newPendingNotes, writePendingNotes);
  const found = await lookUp(
    reader,
    items.map((i) => i.payload),
  );
  return items.map(({ payload: note, context }): ApplyOutcome => {
    const permission = needsAlertPermission(note) ? 'customer.alert' : 'customer.write';
    const user = found.users.get(note.createdBy);
    const denied = staffVerdict(user, note.createdBy, permission, context);
    if (denied) return rejected(denied);
    if (note.businessId !== null && note.businessId !== context.businessId) {
      return rejected("the note names another division than the till's");
    }
    if (found.notes.has(note.id) || pending.ids.has(note.id))
      return { status: 'applied', result: { noteId: note.id } };
    const customerId = found.customer(note.universalCustomerId);
    if (!customerId) return rejected(`unknown customer ${note.universalCustomerId}`);
    let accountId = note.divisionAccountId;
    if (accountId) {
      accountId = found.account(accountId);
      const businessId = found.accounts.get(accountId);
      if (businessId === undefined)
        return rejected(`unknown account ${note.divisionAccountId ?? ''}`);
      if (businessId !== context.businessId)
        return rejected("the account belongs to another division than the till's");
    }
    const values = {
      ...note,
      universalCustomerId: customerId,
      divisionAccountId: accountId,
      originTillId: context.tillId,
    };
    pending.ids.add(note.id);
    pending.notes.push(values);
    pending.audits.push({
      id: auditId(),
      entityId: note.id,
      actorUserId: note.createdBy,
      tillId: context.tillId,
      businessId: context.businessId,
      after: values,
    });
    return { status: 'applied', result: { noteId: note.id, customerId } };
  });
};

export const applyNoteAdd = withBulk(applyOneNote, applyNoteAdds);

type Note = MutationPayload<'note.add'>;
type NoteValues = Note & {
  universalCustomerId: string;
  divisionAccountId: string | null;
  originTillId: string;
};
type PendingNotes = {
  ids: Set<string>;
  notes: NoteValues[];
  audits: {
    id: string;
    entityId: string;
    actorUserId: string;
    tillId: string;
    businessId: string;
    after: NoteValues;
  }[];
};

// writeAudit's ids are uuidv7() too; this draws their random bits in bulk.
const auditId = createBulkUuidv7();

const newPendingNotes = (): PendingNotes => ({ ids: new Set(), notes: [], audits: [] });

/** The batch's notes and their audit rows, as applyOneNote and writeAudit write them. */
function writePendingNotes(pending: PendingNotes): DeferredWrites {
  if (pending.notes.length === 0) return { stamped: [], unstamped: [] };
  return {
    stamped: [
      sql`insert into customer_notes (id, universal_customer_id, division_account_id, business_id,
        note_type, subject, content, priority, is_private, is_alert, created_by, created_at,
        updated_at, origin_till_id, server_seq)
      select n.id, n."universalCustomerId", n."divisionAccountId", n."businessId",
        n."noteType"::customer_note_type, n.subject, n.content, n.priority::note_priority,
        n."isPrivate", n."isAlert", n."createdBy", n."createdAt", n."updatedAt",
        n."originTillId", nextval('server_change_seq')
      from json_to_recordset(${JSON.stringify(pending.notes)}::json) as n(
        id uuid, "universalCustomerId" uuid, "divisionAccountId" uuid, "businessId" uuid,
        "noteType" text, subject text, content text, priority text, "isPrivate" boolean,
        "isAlert" boolean, "createdBy" uuid, "createdAt" timestamptz, "updatedAt" timestamptz,
        "originTillId" uuid)`,
    ],
    unstamped: [
      sql`insert into audit_log (id, entity_type, entity_id, action, actor_user_id, till_id,
        business_id, before, after)
      select a.id, 'customer_note', a."entityId", 'note.add', a."actorUserId", a."tillId",
        a."businessId", null, a.after
      from json_to_recordset(${JSON.stringify(pending.audits)}::json) as a(
        id uuid, "entityId" uuid, "actorUserId" uuid, "tillId" uuid, "businessId" uuid,
        after jsonb)`,
    ],
  };
}

// resolveCustomerId and resolveAccountId follow at most this many redirects.
const MAX_HOPS = 8;

type Found = {
  users: Map<string, { role: StaffRole; businessId: string | null }>;
  notes: Set<string>;
  /** resolveCustomerId's answer. */
  customer(id: string): string | null;
  /** resolveAccountId's answer. */
  account(id: string): string;
  /** Account id → its division. */
  accounts: Map<string, string>;
};

const idList = (ids: Iterable<string>) =>
  sql`array(select json_array_elements_text(${JSON.stringify([...new Set(ids)])}::json)::uuid)`;

/** Everything the run's checks read, in one statement (and one more per redirect hop, if any). */
async function lookUp(reader: BulkReader, notes: Note[]): Promise<Found> {
  const accountIds = notes.flatMap((n) => (n.divisionAccountId ? [n.divisionAccountId] : []));
  const [row] = await reader.read<
    Record<'users' | 'notes' | 'customers' | 'redirects' | 'accounts', unknown>
  >(sql`
    select
      (select coalesce(json_agg(json_build_array(u.id, u.role, u.business_id) order by u.id), '[]'::json)
         from users u where u.id = any(${idList(notes.map((n) => n.createdBy))})) as users,
      (select coalesce(json_agg(n.id order by n.id), '[]'::json)
         from customer_notes n where n.id = any(${idList(notes.map((n) => n.id))})) as notes,
      (select coalesce(json_agg(json_build_array(c.id, c.merged_into_id) order by c.id), '[]'::json)
         from universal_customers c
        where c.id = any(${idList(notes.map((n) => n.universalCustomerId))})) as customers,
      (select coalesce(json_agg(json_build_array(r.account_id, r.into_account_id) order by r.account_id), '[]'::json)
         from customer_account_redirects r where r.account_id = any(${idList(accountIds)})) as redirects,
      (select coalesce(json_agg(json_build_array(a.id, a.business_id) order by a.id), '[]'::json)
         from customer_division_accounts a where a.id = any(${idList(accountIds)})) as accounts`);
  const users = new Map(
    jsonValue<[string, StaffRole, string | null][]>(row?.users ?? '[]').map(([id, role, b]) => [
      id,
      { role, businessId: b },
    ]),
  );
  // id → the customer it was merged into (null: live); absent: no such customer.
  const mergedInto = new Map(jsonValue<[string, string | null][]>(row?.customers ?? '[]'));
  const redirects = new Map(jsonValue<[string, string][]>(row?.redirects ?? '[]'));
  const accounts = new Map(jsonValue<[string, string][]>(row?.accounts ?? '[]'));

  // Merges are rare: follow the redirects found, a hop per statement, as far as resolve.ts would.
  const askedCustomers = new Set(notes.map((n) => n.universalCustomerId));
  const askedAccounts = new Set(accountIds);
  for (let hop = 1; hop < MAX_HOPS; hop += 1) {
    const customers = [...mergedInto.values()].filter(
      (id): id is string => id !== null && !askedCustomers.has(id),
    );
    const targets = [...redirects.values()].filter((id) => !askedAccounts.has(id));
    if (customers.length === 0 && targets.length === 0) break;
    for (const id of customers) askedCustomers.add(id);
    for (const id of targets) askedAccounts.add(id);
    const [more] = await reader.read<Record<'customers' | 'redirects' | 'accounts', unknown>>(sql`
      select
        (select coalesce(json_agg(json_build_array(c.id, c.merged_into_id) order by c.id), '[]'::json)
           from universal_customers c where c.id = any(${idList(customers)})) as customers,
        (select coalesce(json_agg(json_build_array(r.account_id, r.into_account_id) order by r.account_id), '[]'::json)
           from customer_account_redirects r where r.account_id = any(${idList(targets)})) as redirects,
        (select coalesce(json_agg(json_build_array(a.id, a.business_id) order by a.id), '[]'::json)
           from customer_division_accounts a where a.id = any(${idList(targets)})) as accounts`);
    for (const [id, into] of jsonValue<[string, string | null][]>(more?.customers ?? '[]'))
      mergedInto.set(id, into);
    for (const [id, into] of jsonValue<[string, string][]>(more?.redirects ?? '[]'))
      redirects.set(id, into);
    for (const [id, businessId] of jsonValue<[string, string][]>(more?.accounts ?? '[]'))
      accounts.set(id, businessId);
  }

  return {
    users,
    notes: new Set(jsonValue<string[]>(row?.notes ?? '[]')),
    customer(id) {
      let current = id;
      for (let hop = 0; hop < MAX_HOPS; hop += 1) {
        const into = mergedInto.get(current);
        if (into === undefined) return null;
        if (into === null) return current;
        current = into;
      }
      throw new Error(`customer ${id}: merge redirects do not end (cycle?)`);
    },
    account(id) {
      let current = id;
      for (let hop = 0; hop < MAX_HOPS; hop += 1) {
        const into = redirects.get(current);
        if (into === undefined) return current;
        current = into;
      }
      throw new Error(`account ${id}: merge redirects do not end (cycle?)`);
    },
    accounts,
  };
}
