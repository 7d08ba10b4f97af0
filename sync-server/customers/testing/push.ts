import type { CentralDb } from '../../../db/central/connect';
import { tills } from '../../../db/central/schema';
import { mutationPayloads, type MutationName } from '../../../shared/contract/sync/mutations';
import { uuidv7 } from '../../../shared/ids';
import type { ApplyContext, ApplyOutcome } from '../../sync/appliers';
import { withStampedWrites } from '../../sync/change-sequence';
import { appliers } from '../../sync/applier-registry';

// Applies one mutation the way a push does: payload parsed by the shared schema, in a
// transaction holding the change-sequence lock, the applier in a savepoint.

export async function enrolTill(db: CentralDb, businessId: string): Promise<string> {
  const id = uuidv7();
  await db.insert(tills).values({
    id,
    name: `Till ${id.slice(-4)}`,
    businessId,
    tokenHash: `hash-${id}`,
    protocolVersion: 1,
  });
  return id;
}

export async function apply<N extends MutationName>(
  db: CentralDb,
  name: N,
  payload: unknown,
  context: Omit<ApplyContext, 'mutationId' | 'now'> & { now?: Date },
): Promise<ApplyOutcome> {
  const parsed = mutationPayloads[name].parse(payload);
  const applier = appliers[name] as (
    tx: unknown,
    p: unknown,
    c: ApplyContext,
  ) => Promise<ApplyOutcome>;
  const full: ApplyContext = { mutationId: uuidv7(), now: new Date(), ...context };
  return withStampedWrites(db, (tx) => tx.transaction((sp) => applier(sp, parsed, full)));
}

/** A customer row as a till creates it (customer.create's payload). */
export function tillCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = Math.floor(Math.random() * 9_000_000) + 1_000_000;
  return {
    id: uuidv7(),
    customerNumber: `UCST-${n}`,
    type: 'INDIVIDUAL',
    firstName: 'Rudo',
    lastName: 'Chari',
    fullName: 'Rudo Chari',
    companyName: null,
    dateOfBirth: null,
    gender: null,
    primaryEmail: null,
    primaryPhone: `+26377${String(n).slice(0, 7)}`,
    alternatePhone: null,
    address: null,
    city: 'Harare',
    state: null,
    country: 'Zimbabwe',
    postalCode: null,
    nationalId: null,
    passportNumber: null,
    taxNumber: null,
    linkedUserId: null,
    linkedEmployeeId: null,
    source: 'till:CLO',
    referredBy: null,
    tags: [],
    isActive: true,
    isBlacklisted: false,
    blacklistReason: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    createdBy: null,
    ...overrides,
  };
}
