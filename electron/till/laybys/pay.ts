import type { TillDb } from '../../../db/till/connect';
import type { TenderInput } from '../../../shared/contract/till/layby-methods';
import type { LaybyPaymentResult } from '../../../shared/contract/till/layby-views';
import { AppError } from '../../../shared/contract/result';
import { shopDate } from '../../../shared/domain/layby/dates';
import { allows, balanceOf } from '../../../shared/domain/layby/ledger';
import { minimumPayment, progressOf } from '../../../shared/domain/layby/progress';
import { can } from '../../../shared/domain/staff/permissions';
import { formatMoney, money } from '../../../shared/money/money';
import type { Actor } from '../customers/scope';
import { signIn } from '../staff/sign-in';
import { recordPayment, type PaymentRecorded } from './record-payment';
import { rulesOfLayby } from './rules';
import { slipHeader } from './slips';
import { checkReference, tenderInLayby } from './tender';
import { ledgerOf, loadLayby, readCustomerBit, scheduleOf, toDetail } from './views';

type Approval = { username: string; pin: string } | null;

/**
 * Checks a supervisor's username and PIN offline, with the same lockout as signing in. Only
 * asked for when a cashier takes less than the instalment due.
 */
async function approverOf(db: TillDb, approval: Approval, now: Date): Promise<string | null> {
  if (!approval) return null;
  const { staff } = await signIn(db, approval, now).catch((error: unknown) => {
    if (error instanceof AppError)
      throw new AppError(error.code, `approval: ${error.message}`, 'approval');
    throw error;
  });
  if (!can(staff.role, 'layby.supervise'))
    throw new AppError('FORBIDDEN', `approval: ${staff.fullName} is not a supervisor`, 'approval');
  return staff.id;
}

type PayInput = { laybyId: string; tender: TenderInput; approval: Approval };

/** Takes a payment on an active layby of this division, and answers with the layby as it now stands. */
export async function takePayment(
  db: TillDb,
  input: PayInput,
  actor: Actor,
): Promise<LaybyPaymentResult> {
  const paid = await recordLaybyPayment(db, input, actor);
  // Read after the commit: the screen's view is not part of the durable write.
  const layby = toDetail(db, actor.scope, paid.layby, actor.now);
  return {
    layby,
    paymentId: paid.paymentId,
    receiptNumber: paid.receiptNumber,
    printJobIds: [paid.printJobId],
  };
}

/**
 * The durable part of a payment, one SQLite transaction: the rules (open layby, minimum due
 * or a supervisor's approval, never more than the balance), then what recordPayment writes.
 */
export async function recordLaybyPayment(
  db: TillDb,
  input: PayInput,
  actor: Actor,
): Promise<PaymentRecorded> {
  checkReference(input.tender);
  const approvedBy = await approverOf(db, input.approval, actor.now);
  const header = slipHeader(db, actor);
  return db.transaction((tx) => {
    const { scope } = actor;
    const layby = loadLayby(tx, scope, input.laybyId);
    const open = allows(layby.status, 'pay');
    if (!open.ok) throw new AppError('CONFLICT', `laybyId: ${open.message}`, 'laybyId');
    const today = shopDate(actor.now);
    const tender = tenderInLayby(tx, input.tender, layby.currency, today);
    const rules = rulesOfLayby(tx, scope, layby.terms);
    const ledger = ledgerOf(layby);
    const progress = progressOf(
      scheduleOf(layby),
      layby.depositAmountCents,
      ledger.paidCents,
      today,
      rules.lateFeeGraceDays,
    );
    const minimum = minimumPayment(progress, balanceOf(ledger));
    const supervised =
      approvedBy ?? (can(actor.staff.role, 'layby.supervise') ? actor.staff.id : null);
    if (tender.amountCents < minimum && supervised === null) {
      throw new AppError(
        'FORBIDDEN',
        `tender.amountCents: is less than the ${formatMoney(money(minimum, layby.currency))} due; a supervisor must approve`,
        'tender.amountCents',
      );
    }
    return recordPayment(tx, actor, {
      layby,
      customer: readCustomerBit(tx, layby.universalCustomerId),
      tender: {
        ...input.tender,
        amountCents: tender.amountCents,
        currency: layby.currency,
        tendered: tender.tendered,
      },
      approvedBy: tender.amountCents < minimum ? supervised : null,
      header,
    });
  });
}
