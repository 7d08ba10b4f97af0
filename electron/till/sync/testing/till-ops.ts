import type { Result } from '../../../../shared/contract/result';
import type { TillStatus } from '../../../../shared/contract/till/till-methods';
import type { LaybyDetail, LaybyPaymentResult } from '../../../../shared/contract/till/layby-views';
import type { CustomerView } from '../../../../shared/contract/till/customer-views';
import type { LaybyItem } from '../../../../shared/domain/layby/records';
import type { TillCore } from '../../core';

// Tests only: the till API as a cashier's screen calls it, with the Result unwrapped so a
// refusal fails the test with the till's own message.

export type Caller = Pick<TillCore, 'call'>;

export async function must<T>(core: Caller, method: string, input: unknown): Promise<T> {
  const result = (await core.call(method, input)) as Result<T>;
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const SUPERVISOR = { username: 'clo.supervisor', pin: '2222' } as const;
export const CASHIER = { username: 'clo.cashier', pin: '1111' } as const;

export async function signIn(core: Caller, who: { username: string; pin: string }): Promise<void> {
  await must(core, 'session:signIn', who);
}

export const status = (core: Caller) => must<TillStatus>(core, 'till:status', {});
export const syncNow = (core: Caller) => must<TillStatus>(core, 'sync:now', {});

/**
 * Syncs until nothing is left to push (or the deadline passes): a round that fails (server
 * restarting, a connection killed) is simply tried again, as the till's loop would.
 */
export async function syncUntilDrained(
  core: Caller,
  options: {
    deadlineMs?: number;
    /** Give up after this many failed rounds in a row (a till stuck on the same error). */
    maxFailedRounds?: number;
    onRound?: (status: TillStatus) => void;
  } = {},
): Promise<TillStatus> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  let failedInARow = 0;
  for (let round = 0; ; round += 1) {
    const after = await syncNow(core);
    options.onRound?.(after);
    if (after.serverReachable && after.pendingMutations === 0) return after;
    failedInARow = after.serverReachable ? 0 : failedInARow + 1;
    if (Date.now() > deadline || failedInARow >= (options.maxFailedRounds ?? Infinity)) {
      throw new Error(
        `till did not drain (${failedInARow} failed rounds in a row): ${after.pendingMutations} pending, last error ${after.lastSyncError ?? 'none'}`,
      );
    }
    // Failed rounds back off a little, like the loop; successful partial ones go straight on.
    if (!after.serverReachable) await sleep(Math.min(100 * 2 ** Math.min(round, 4), 1_000));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` gives a value (not undefined/false) or fails after the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(options.everyMs ?? 50);
  }
}

/** A dress and two metres of fabric: US$100.00 of goods (the CLO layby of the unit tests). */
export const DRESS_AND_FABRIC: LaybyItem[] = [
  {
    productId: null,
    sku: 'DRS-01',
    description: 'Evening dress',
    quantityMilli: 1000,
    unitPriceCents: 8000,
  },
  {
    productId: null,
    sku: 'FAB-02',
    description: 'Cotton print fabric (m)',
    quantityMilli: 2000,
    unitPriceCents: 1000,
  },
];

export const cash = (amountCents: number, method = 'CASH', reference: string | null = null) => ({
  amountCents,
  currency: 'USD' as const,
  method,
  reference,
});

export function openLayby(
  core: Caller,
  input: {
    customerId: string;
    depositCents: number;
    items?: LaybyItem[];
    instalments?: number;
  },
): Promise<LaybyPaymentResult> {
  return must<LaybyPaymentResult>(core, 'laybys:create', {
    customerId: input.customerId,
    items: input.items ?? DRESS_AND_FABRIC,
    plan: { frequency: 'MONTHLY', instalments: input.instalments ?? 3, intervalDays: null },
    deposit: cash(input.depositCents),
    notes: null,
  });
}

export function payLayby(
  core: Caller,
  laybyId: string,
  amountCents: number,
  options: { method?: string; reference?: string | null; approval?: typeof SUPERVISOR } = {},
): Promise<LaybyPaymentResult> {
  return must<LaybyPaymentResult>(core, 'laybys:pay', {
    laybyId,
    tender: cash(amountCents, options.method ?? 'CASH', options.reference ?? null),
    approval: options.approval ?? null,
  });
}

export const getLayby = (core: Caller, id: string) => must<LaybyDetail>(core, 'laybys:get', { id });

export function createCustomer(
  core: Caller,
  input: { firstName: string; lastName: string; primaryPhone: string },
): Promise<CustomerView> {
  return must<CustomerView>(core, 'customers:create', input);
}
