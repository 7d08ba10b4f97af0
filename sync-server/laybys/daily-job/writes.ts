import { sql } from 'drizzle-orm';
import { formatMoney, money } from '../../../shared/money/money';
import type { LateFeeCharge } from '../../../shared/domain/layby/progress';
import { uuidv7 } from '../../../shared/ids';
import { nextServerSeq, type CentralTx } from '../../sync/change-sequence';
import { cachedOf, type Assessment, type LaybyChange } from './assess';
import { jsonbParam, rowsOf } from './sql-rows';

// The batch's writes, one statement each whatever the batch size (rows travel as one jsonb
// parameter, far below the bind-parameter limit). Each stamps server_seq, so tills pull the
// fees, the new balances and the defaults. Only valid inside a tx holding the change-sequence lock.

/**
 * Inserts the proposed late fees; one already charged for that instalment (the partial unique
 * index customer_layby_fees_late_once) is skipped. Answers what was really inserted, per layby.
 */
export async function insertLateFees(
  tx: CentralTx,
  assessments: readonly Assessment[],
  now: Date,
): Promise<Map<string, LateFeeCharge[]>> {
  const rows = assessments.flatMap(({ layby, due }) =>
    due.map((fee) => ({
      id: uuidv7(now.getTime()),
      layby_id: layby.id,
      business_id: layby.businessId,
      amount_cents: fee.amountCents,
      currency: layby.currency,
      instalment_due_date: fee.instalmentDueDate,
    })),
  );
  const inserted = new Map<string, LateFeeCharge[]>();
  if (rows.length === 0) return inserted;
  const result = await tx.execute(sql`
    insert into customer_layby_fees
      (id, layby_id, business_id, kind, amount_cents, currency, instalment_due_date, charged_at, server_seq)
    select v.id, v.layby_id, v.business_id, 'LATE', v.amount_cents, v.currency,
           v.instalment_due_date, ${now.toISOString()}::timestamptz, ${nextServerSeq()}
      from jsonb_to_recordset(${jsonbParam(rows)}) as v(id uuid, layby_id uuid, business_id uuid,
           amount_cents bigint, currency text, instalment_due_date date)
    on conflict (layby_id, instalment_due_date) where kind = 'LATE' do nothing
    returning layby_id::text as "laybyId", instalment_due_date::text as "dueDate",
              amount_cents::text as "amountCents"`);
  for (const row of rowsOf<{ laybyId: string; dueDate: string; amountCents: string }>(result)) {
    const list = inserted.get(row.laybyId) ?? [];
    list.push({ instalmentDueDate: row.dueDate, amountCents: Number(row.amountCents) });
    inserted.set(row.laybyId, list);
  }
  return inserted;
}

/** Writes the rebuilt cached columns (and DEFAULTED) of each changed layby, stamping each row. */
export async function updateLaybys(
  tx: CentralTx,
  changes: readonly LaybyChange[],
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(({ layby, after }) => ({
    id: layby.id,
    status: after.status,
    total_paid_cents: after.totalPaidCents,
    service_fee_cents: after.serviceFeeCents,
    administration_fee_cents: after.administrationFeeCents,
    late_fee_cents: after.lateFeeCents,
    total_fees_cents: after.totalFeesCents,
    balance_remaining_cents: after.balanceRemainingCents,
    payment_due_date: after.paymentDueDate,
  }));
  await tx.execute(sql`
    update customer_laybys as l
       set status = v.status::layby_status,
           total_paid_cents = v.total_paid_cents,
           service_fee_cents = v.service_fee_cents,
           administration_fee_cents = v.administration_fee_cents,
           late_fee_cents = v.late_fee_cents,
           total_fees_cents = v.total_fees_cents,
           balance_remaining_cents = v.balance_remaining_cents,
           payment_due_date = v.payment_due_date,
           updated_at = ${now.toISOString()}::timestamptz,
           server_seq = ${nextServerSeq()}
      from jsonb_to_recordset(${jsonbParam(rows)}) as v(id uuid, status text,
           total_paid_cents bigint, service_fee_cents bigint, administration_fee_cents bigint,
           late_fee_cents bigint, total_fees_cents bigint, balance_remaining_cents bigint,
           payment_due_date timestamptz)
     where l.id = v.id`);
}

/**
 * A flag per layby that defaulted in this batch: the division's supervisors see it in their
 * open flags (and on their tills), since the customer's goods may now be returned to stock.
 */
export async function flagDefaults(
  tx: CentralTx,
  changes: readonly LaybyChange[],
  now: Date,
  day: string,
): Promise<void> {
  const rows = changes
    .filter((c) => c.newlyDefaulted)
    .map(({ layby, after, missed }) => ({
      id: uuidv7(now.getTime()),
      business_id: layby.businessId,
      entity_id: layby.id,
      message: `Layby ${layby.laybyNumber} is in default: ${missed.length} instalment${missed.length === 1 ? '' : 's'} missed (the first due ${missed[0] ?? '?'}); ${formatMoney(money(after.balanceRemainingCents, layby.currency))} outstanding.`,
      details: {
        laybyNumber: layby.laybyNumber,
        day,
        missedDueDates: missed,
        balanceRemainingCents: after.balanceRemainingCents,
        currency: layby.currency,
      },
    }));
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into flagged_events
      (id, kind, business_id, entity_type, entity_id, message, details, created_at, server_seq)
    select v.id, 'LAYBY_DEFAULTED', v.business_id, 'layby', v.entity_id, v.message, v.details,
           ${now.toISOString()}::timestamptz, ${nextServerSeq()}
      from jsonb_to_recordset(${jsonbParam(rows)}) as v(id uuid, business_id uuid,
           entity_id uuid, message text, details jsonb)`);
}

/** Every change to a layby is audited: the job is the actor (null), before and after. */
export async function auditChanges(
  tx: CentralTx,
  changes: readonly LaybyChange[],
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(({ layby, after, feesCharged, newlyDefaulted }) => ({
    id: uuidv7(now.getTime()),
    entity_id: layby.id,
    action: newlyDefaulted ? 'layby.default' : 'layby.lateFee',
    business_id: layby.businessId,
    before: cachedOf(layby),
    after: { ...after, lateFees: feesCharged },
  }));
  await tx.execute(sql`
    insert into audit_log (id, entity_type, entity_id, action, business_id, at, before, after)
    select v.id, 'layby', v.entity_id, v.action, v.business_id, ${now.toISOString()}::timestamptz,
           v.before, v.after
      from jsonb_to_recordset(${jsonbParam(rows)}) as v(id uuid, entity_id uuid, action text,
           business_id uuid, before jsonb, after jsonb)`);
}
