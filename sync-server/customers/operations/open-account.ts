import { and, eq } from 'drizzle-orm';
import {
  customerDivisionAccounts,
  type CustomerDivisionAccountRow,
} from '../../../db/central/schema';
import type { z } from 'zod';
import type { OpenAccountBody } from '../../../shared/contract/head-office/customers';
import { AppError } from '../../../shared/contract/result';
import { isCurrency } from '../../../shared/money/money';
import { uuidv7 } from '../../../shared/ids';
import type { StaffPrincipal } from '../../auth/principal';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { writeAudit } from '../audit';
import type { Divisions } from '../divisions';
import { nextDivisionCustomerNumber } from '../numbers';
import { assertWritable, lockCustomer } from '../store';

/**
 * POST /api/customers/:id/divisions: opens the customer's account with a division, numbered
 * from a block head office leases for itself (tillId null), so it never collides with a
 * number a till hands out offline. Division staff may open accounts in their own division only.
 */
export async function openDivisionAccount(
  tx: CentralTx,
  customerId: string,
  body: z.output<typeof OpenAccountBody>,
  staff: StaffPrincipal,
  divisions: Divisions,
): Promise<CustomerDivisionAccountRow> {
  assertWritable(await lockCustomer(tx, customerId), customerId);
  const division = divisions.byId.get(body.divisionId);
  if (!division) throw new AppError('NOT_FOUND', 'divisionId: no such division', 'divisionId');
  if (staff.businessId !== null && staff.businessId !== division.id) {
    throw new AppError(
      'FORBIDDEN',
      'divisionId: you may open accounts in your own division only',
      'divisionId',
    );
  }
  const [existing] = await tx
    .select({ number: customerDivisionAccounts.divisionCustomerNumber })
    .from(customerDivisionAccounts)
    .where(
      and(
        eq(customerDivisionAccounts.universalCustomerId, customerId),
        eq(customerDivisionAccounts.businessId, division.id),
      ),
    );
  if (existing) {
    throw new AppError(
      'CONFLICT',
      `divisionId: the customer already has account ${existing.number}`,
      'divisionId',
    );
  }
  const { divisionId: _division, currency: chosen, ...fields } = body;
  const currency = chosen ?? (isCurrency(division.currency) ? division.currency : 'USD');
  const [row] = await tx
    .insert(customerDivisionAccounts)
    .values({
      id: uuidv7(),
      universalCustomerId: customerId,
      businessId: division.id,
      divisionCustomerNumber: await nextDivisionCustomerNumber(tx, division),
      currency,
      ...fields,
      createdBy: staff.userId,
      serverSeq: nextServerSeq(),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await writeAudit(tx, {
    entityType: 'division_account',
    entityId: row.id,
    action: 'account.open',
    actorUserId: staff.userId,
    businessId: division.id,
    after: row,
  });
  return row;
}
