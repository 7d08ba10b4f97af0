import { aliasedTable, and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import {
  auditLog,
  businesses,
  businessOrders,
  customerDivisionAccounts,
  customerLaybys,
  customerNotes,
  users,
} from '../../../db/till/schema';
import type { AuditEntry } from '../../../shared/contract/till/customer-profile';
import type { NoteView } from '../../../shared/contract/till/customer-views';
import { sortNotesForDisplay } from '../../../shared/domain/customers/notes';
import { DIVISION_CODES } from '../../../shared/domain/enums';
import type { TillTx } from '../db-types';
import type { DivisionRef } from './account-rows';

type Reader = Pick<TillTx, 'select'>;

const RECENT_ORDERS = 10;
const RECENT_LAYBYS = 20;
const NOTES = 50;
const AUDIT_ENTRIES = 50;

const divisionRef = (business: { code: string; name: string } | null): DivisionRef | null =>
  business && {
    code: DIVISION_CODES.find((c) => c === business.code) ?? null,
    name: business.name,
  };

export function loadAccounts(tx: Reader, customerId: string) {
  return tx
    .select({
      row: customerDivisionAccounts,
      business: { code: businesses.code, name: businesses.name },
    })
    .from(customerDivisionAccounts)
    .leftJoin(businesses, eq(businesses.id, customerDivisionAccounts.businessId))
    .where(
      and(
        eq(customerDivisionAccounts.universalCustomerId, customerId),
        isNull(customerDivisionAccounts.deletedAt),
      ),
    )
    .all()
    .map(({ row, business }) => ({
      row,
      division: divisionRef(business) ?? { code: null, name: 'Another division' },
    }));
}

export function loadLaybys(tx: Reader, customerId: string) {
  const {
    id,
    laybyNumber,
    status,
    totalAmountCents,
    totalPaidCents,
    balanceRemainingCents,
    currency,
    paymentDueDate,
    createdAt,
  } = customerLaybys;
  return tx
    .select({
      id,
      laybyNumber,
      status,
      totalAmountCents,
      totalPaidCents,
      balanceRemainingCents,
      currency,
      paymentDueDate,
      createdAt,
    })
    .from(customerLaybys)
    .where(eq(customerLaybys.universalCustomerId, customerId))
    .orderBy(desc(createdAt))
    .limit(RECENT_LAYBYS)
    .all();
}

export function loadOrders(tx: Reader, customerId: string) {
  const { id, orderNumber, status, totalCents, currency, createdAt } = businessOrders;
  return tx
    .select({ id, orderNumber, status, totalCents, currency, createdAt })
    .from(businessOrders)
    .where(eq(businessOrders.universalCustomerId, customerId))
    .orderBy(desc(createdAt))
    .limit(RECENT_ORDERS)
    .all();
}

/** Notes with alerts first; a private note only for the one who wrote it. */
export function loadNotes(tx: Reader, customerId: string, viewerId: string): NoteView[] {
  const rows = tx
    .select({
      note: customerNotes,
      author: users.fullName,
      business: { code: businesses.code, name: businesses.name },
    })
    .from(customerNotes)
    .leftJoin(users, eq(users.id, customerNotes.createdBy))
    .leftJoin(businesses, eq(businesses.id, customerNotes.businessId))
    .where(
      and(
        eq(customerNotes.universalCustomerId, customerId),
        isNull(customerNotes.deletedAt),
        or(eq(customerNotes.isPrivate, false), eq(customerNotes.createdBy, viewerId)),
      ),
    )
    .orderBy(desc(customerNotes.createdAt))
    .limit(NOTES)
    .all();
  return sortNotesForDisplay(
    rows.map(({ note, author, business }) => ({
      id: note.id,
      noteType: note.noteType,
      subject: note.subject,
      content: note.content,
      priority: note.priority,
      isPrivate: note.isPrivate,
      isAlert: note.isAlert,
      createdBy: note.createdBy,
      createdByName: author,
      createdAt: note.createdAt,
      division: business ? divisionRef(business) : null,
    })),
  );
}

export type AuditRef = { entityType: string; ids: string[] };

/** Who changed what, newest first, across the customer, its accounts and its notes. */
export function loadAudit(tx: Reader, refs: AuditRef[]): AuditEntry[] {
  // Each (type, id) pair is a range of the (entity_type, entity_id, at) index.
  const conditions = refs
    .filter((ref) => ref.ids.length > 0)
    .map((ref) =>
      and(eq(auditLog.entityType, ref.entityType), inArray(auditLog.entityId, ref.ids)),
    );
  const actor = aliasedTable(users, 'actor');
  return (
    tx
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        actorUserId: auditLog.actorUserId,
        actorName: actor.fullName,
        tillId: auditLog.tillId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorUserId))
      .where(or(...conditions))
      // rowid breaks ties within one millisecond: it grows in insertion order.
      .orderBy(desc(auditLog.at), desc(sql`${auditLog}.rowid`))
      .limit(AUDIT_ENTRIES)
      .all()
  );
}
