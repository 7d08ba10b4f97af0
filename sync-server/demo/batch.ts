import type { DivisionCode } from '../../shared/domain/enums';
import type { IdGenerator } from '../../shared/ids';
import { chooseDivisions, generateDivisionAccount, type DemoDivisionAccount } from './accounts';
import { generateCustomer, type DemoCustomer } from './customers';
import { YEAR_MS } from './dates';
import { rngFor } from './random';

export type DivisionRef = { id: string; code: DivisionCode };

export type BatchPlan = {
  seed: number;
  /** Reference time in ms: nothing is dated after it. */
  now: number;
  newId: IdGenerator;
  /** The divisions that exist; a customer's pick of a missing one is skipped. */
  divisions: Partial<Record<DivisionCode, DivisionRef>>;
  /** The next free CLO-CUST-… number per division; advanced as accounts are made. */
  nextAccountNumber: Record<DivisionCode, number>;
  /** Customer numbers this run hands out, so sign-up dates can rise with them. */
  firstSequence: number;
  lastSequence: number;
};

export type Batch = { customers: DemoCustomer[]; accounts: DemoDivisionAccount[] };

const HISTORY_MS = 3 * YEAR_MS;

/**
 * Customers `from`…`from + count - 1` with their division accounts. Each customer draws from
 * its own (seed, sequence) stream, so it comes out the same whatever the batch boundaries.
 * Sign-up dates climb with the customer number over the last three years, as a real register
 * would show.
 */
export function generateBatch(plan: BatchPlan, from: number, count: number): Batch {
  const customers: DemoCustomer[] = [];
  const accounts: DemoDivisionAccount[] = [];
  const span = Math.max(1, plan.lastSequence - plan.firstSequence + 1);
  const slot = HISTORY_MS / span;
  for (let sequence = from; sequence < from + count; sequence += 1) {
    const rng = rngFor(plan.seed, sequence);
    const createdAt =
      plan.now -
      HISTORY_MS +
      (sequence - plan.firstSequence) * slot +
      Math.floor(rng.next() * slot);
    const customer = generateCustomer(rng, sequence, {
      now: plan.now,
      createdAt: Math.floor(createdAt),
      newId: plan.newId,
    });
    customers.push(customer);
    for (const code of chooseDivisions(rng, customer)) {
      const division = plan.divisions[code];
      if (!division) continue;
      const number = plan.nextAccountNumber[code];
      plan.nextAccountNumber[code] = number + 1;
      accounts.push(
        generateDivisionAccount(rng, customer, division, number, {
          now: plan.now,
          newId: plan.newId,
        }),
      );
    }
  }
  return { customers, accounts };
}
