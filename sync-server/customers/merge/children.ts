import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  businessOrders,
  customerCommunications,
  customerCredits,
  customerLaybys,
  customerNotes,
  customerPayments,
  customerStatements,
} from '../../../db/central/schema';
import type { CentralTx } from '../../sync/change-sequence';
import { rowsOf } from './rows';

// Everything that points at a customer or at an account a merge closes moves to the survivor
// (laybys, payments, notes, communications, orders, credit applications, statements). Layby
// payments and order lines follow their parent without change. Each row is re-stamped so
// tills pull the new owner; the old pointers are kept for undo.

type Child = { key: string; table: PgTable; id: PgColumn; customer?: PgColumn; account?: PgColumn };

const CHILDREN: Child[] = [
  {
    key: 'laybys',
    table: customerLaybys,
    id: customerLaybys.id,
    customer: customerLaybys.universalCustomerId,
    account: customerLaybys.divisionAccountId,
  },
  {
    key: 'payments',
    table: customerPayments,
    id: customerPayments.id,
    account: customerPayments.divisionAccountId,
  },
  {
    key: 'notes',
    table: customerNotes,
    id: customerNotes.id,
    customer: customerNotes.universalCustomerId,
    account: customerNotes.divisionAccountId,
  },
  {
    key: 'communications',
    table: customerCommunications,
    id: customerCommunications.id,
    customer: customerCommunications.universalCustomerId,
    account: customerCommunications.divisionAccountId,
  },
  {
    key: 'orders',
    table: businessOrders,
    id: businessOrders.id,
    customer: businessOrders.universalCustomerId,
    account: businessOrders.divisionAccountId,
  },
  {
    key: 'credits',
    table: customerCredits,
    id: customerCredits.id,
    customer: customerCredits.universalCustomerId,
  },
  {
    key: 'statements',
    table: customerStatements,
    id: customerStatements.id,
    account: customerStatements.divisionAccountId,
  },
];

/** A moved row as it was: its id and the customer and account it pointed at. */
export type MovedRow = { id: string; customerId: string | null; accountId: string | null };
export type MovedChildren = Record<string, MovedRow[]>;

const column = (c: PgColumn) => sql.identifier(c.name);
const stamp = sql`server_seq = nextval('server_change_seq')`;

/** accountMap: closed account id → the survivor's account that absorbed it. */
export async function moveChildren(
  tx: CentralTx,
  fromCustomer: string,
  toCustomer: string,
  accountMap: Map<string, string>,
): Promise<MovedChildren> {
  const moved: MovedChildren = {};
  const closed = [...accountMap.keys()];
  for (const child of CHILDREN) {
    const matches: SQL[] = [];
    if (child.customer) matches.push(sql`${child.customer} = ${fromCustomer}`);
    if (child.account && closed.length > 0) matches.push(inArray(child.account, closed));
    if (matches.length === 0) continue;
    const rows = rowsOf<MovedRow>(
      await tx.execute(sql`select ${child.id} as "id", ${child.customer ?? sql`null`} as "customerId",
        ${child.account ?? sql`null`} as "accountId" from ${child.table} where ${or(...matches)} for update`),
    );
    moved[child.key] = rows;
    if (rows.length === 0) continue;
    if (child.customer) {
      await tx.execute(sql`update ${child.table} set ${column(child.customer)} = ${toCustomer}, ${stamp}
        where ${child.customer} = ${fromCustomer}`);
    }
    const account = child.account;
    if (!account) continue;
    for (const [from, to] of accountMap) {
      await tx.execute(sql`update ${child.table} set ${column(account)} = ${to}, ${stamp}
        where ${account} = ${from}`);
    }
  }
  return moved;
}

/** Puts moved rows back, except any that were moved again since (those stay where they are). */
export async function restoreChildren(
  tx: CentralTx,
  moved: MovedChildren,
  survivorId: string,
  accountMap: Map<string, string>,
): Promise<void> {
  for (const child of CHILDREN) {
    const rows = moved[child.key] ?? [];
    if (rows.length === 0) continue;
    if (child.customer) {
      for (const original of new Set(rows.map((row) => row.customerId))) {
        const ids = rows.filter((row) => row.customerId === original).map((row) => row.id);
        if (original === null || original === survivorId) continue;
        await tx.execute(sql`update ${child.table} set ${column(child.customer)} = ${original}, ${stamp}
          where ${inArray(child.id, ids)} and ${child.customer} = ${survivorId}`);
      }
    }
    if (!child.account) continue;
    for (const [closedId, intoId] of accountMap) {
      const ids = rows.filter((row) => row.accountId === closedId).map((row) => row.id);
      if (ids.length === 0) continue;
      await tx.execute(sql`update ${child.table} set ${column(child.account)} = ${closedId}, ${stamp}
        where ${inArray(child.id, ids)} and ${child.account} = ${intoId}`);
    }
  }
}
