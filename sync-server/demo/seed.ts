import { eq } from 'drizzle-orm';
import type { CentralDb } from '../../db/central/connect';
import { businesses, employees, products, users } from '../../db/central/schema';
import { uuidv7 } from '../../shared/ids';
import { hashPin } from '../../shared/node/pin-hash';
import { lockChangeSequence, nextServerSeq, type CentralTx } from '../sync/change-sequence';
import { generateBatch, type BatchPlan } from './batch';
import { DEMO_CATALOGUE } from './catalogue';
import { DEMO_BUSINESSES, DEMO_DIVISIONS } from './divisions';
import { fixedId } from './fixed-ids';
import { giveBackUnused, leaseDemoNumbers } from './number-blocks';
import { insertDemoRates, topUpDemoRates } from './rates';
import { DEMO_STAFF } from './staff';
import { staffAsCustomer } from './staff-customers';
import { insertBatch } from './store';

export type SeedOptions = {
  /** Generated customers besides the staff (default 300). */
  customers?: number;
  /** PRNG seed: the same seed gives the same people. */
  seed?: number;
  /** Reference time in ms (default now). */
  now?: number;
};

export const DEFAULT_DEMO_CUSTOMERS = 300;
export const DEFAULT_DEMO_SEED = 2026;

// Staff shop at their own group at a discount (basis points: 1000 = 10 %).
const STAFF_DISCOUNT_BASIS_POINTS = 1000;

/**
 * Fills an empty central database with the demo group: the umbrella and its five divisions,
 * their staff (PINs in the README), each division's catalogue, and customers with division
 * accounts, and USD↔ZWG rates for the last 8 days. Idempotent: a database that already has
 * an umbrella business is left alone (except that the demo group's rates are topped up to
 * today), also when several servers start at once: the change-sequence lock, which any writer
 * stamping rows for tills must hold anyway, queues them, and each re-checks once it has it.
 */
export async function seedDemo(
  db: CentralDb,
  options: SeedOptions = {},
): Promise<{ created: boolean }> {
  const now = options.now ?? Date.now();
  if (await hasUmbrella(db)) {
    await topUpDemoRates(db, now);
    return { created: false };
  }
  // Every user's PIN is hashed on its own (fresh salt), so equal PINs never show as equal hashes.
  const pinHashes = await Promise.all(DEMO_STAFF.map((member) => hashPin(member.pin)));
  return db.transaction(async (tx) => {
    await lockChangeSequence(tx);
    if (await hasUmbrella(tx)) return { created: false };
    await insertOrganisation(tx, pinHashes);
    await insertCatalogue(tx);
    await insertDemoRates(tx, now);
    await insertCustomers(tx, {
      customers: options.customers ?? DEFAULT_DEMO_CUSTOMERS,
      seed: options.seed ?? DEFAULT_DEMO_SEED,
      now,
    });
    return { created: true };
  });
}

async function hasUmbrella(db: Pick<CentralDb, 'select'>): Promise<boolean> {
  const found = await db
    .select({ id: businesses.id })
    .from(businesses)
    .where(eq(businesses.kind, 'UMBRELLA'))
    .limit(1);
  return found.length > 0;
}

async function insertOrganisation(tx: CentralTx, pinHashes: string[]): Promise<void> {
  await tx.insert(businesses).values([...DEMO_BUSINESSES]);
  await tx.insert(users).values(
    DEMO_STAFF.map((member, i) => ({
      id: member.id,
      username: member.username,
      fullName: member.fullName,
      email: member.email,
      role: member.role,
      businessId: member.businessId,
      pinHash: pinHashes[i] ?? '',
    })),
  );
  await tx.insert(employees).values(
    DEMO_STAFF.map((member) => ({
      id: member.employeeId,
      employeeNumber: member.employeeNumber,
      fullName: member.fullName,
      businessId: member.businessId,
      userId: member.id,
      jobTitle: member.jobTitle,
      email: member.email,
      discountBasisPoints: STAFF_DISCOUNT_BASIS_POINTS,
    })),
  );
}

async function insertCatalogue(tx: CentralTx): Promise<void> {
  let n = 0;
  const rows = DEMO_DIVISIONS.flatMap((division) =>
    DEMO_CATALOGUE[division.code].map((product) => ({
      id: fixedId('product', (n += 1)),
      businessId: division.id,
      sku: product.sku,
      name: product.name,
      priceCents: product.priceCents,
      currency: product.currency,
      serverSeq: nextServerSeq(),
    })),
  );
  await tx.insert(products).values(rows);
}

async function insertCustomers(tx: CentralTx, options: Required<SeedOptions>): Promise<void> {
  const total = options.customers + DEMO_STAFF.length;
  const divisions = Object.fromEntries(DEMO_DIVISIONS.map((d) => [d.code, d]));
  const lease = await leaseDemoNumbers(tx, divisions, total);
  const first = lease.firstCustomer;
  const plan: BatchPlan = {
    seed: options.seed,
    now: options.now,
    newId: () => uuidv7(),
    divisions,
    nextAccountNumber: { ...lease.accountStart },
    firstSequence: first,
    lastSequence: first + total - 1,
  };
  await insertBatch(tx, generateBatch(plan, first, options.customers));
  const staff = DEMO_STAFF.map((member, i) =>
    staffAsCustomer(plan, member, first + options.customers + i),
  );
  await insertBatch(tx, {
    customers: staff.map((s) => s.customer),
    accounts: staff.map((s) => s.account),
  });
  await giveBackUnused(tx, lease, plan.lastSequence, plan.nextAccountNumber);
}
