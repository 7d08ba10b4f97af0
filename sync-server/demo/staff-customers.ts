import type { NewUniversalCustomerRow } from '../../db/central/schema';
import { generateDivisionAccount, type DemoDivisionAccount } from './accounts';
import type { BatchPlan } from './batch';
import { generateCustomer } from './customers';
import { YEAR_MS, isoDate } from './dates';
import { demoDivision } from './divisions';
import { nationalId } from './identifiers';
import { rngFor } from './random';
import type { DemoStaff } from './staff';

// The plan's "employee as customer": each member of staff also has a customer record,
// linked to their user and employee rows, with an account at their own division (head
// office staff shop at the grocery).

export type StaffCustomer = { customer: NewUniversalCustomerRow; account: DemoDivisionAccount };

export function staffAsCustomer(
  plan: BatchPlan,
  member: DemoStaff,
  sequence: number,
): StaffCustomer {
  const rng = rngFor(plan.seed, sequence);
  // Contact details and address come from the generator; the person is the staff member.
  const base = generateCustomer(rng, sequence, { now: plan.now, newId: plan.newId });
  const [firstName = member.fullName, ...rest] = member.fullName.split(' ');
  const birth = plan.now - rng.int(22, 55) * YEAR_MS - Math.floor(rng.next() * YEAR_MS * 0.9);
  const customer = {
    ...base,
    type: 'EMPLOYEE',
    firstName,
    lastName: rest.join(' '),
    fullName: member.fullName,
    companyName: null,
    taxNumber: null,
    dateOfBirth: isoDate(birth),
    gender: member.gender,
    primaryEmail: member.email,
    nationalId: nationalId(sequence, '63', rng.pick(['63', '08', '42', '29'])),
    source: 'head-office',
    tags: ['staff'],
    isActive: true,
    isBlacklisted: false,
    blacklistReason: null,
    linkedUserId: member.id,
    linkedEmployeeId: member.employeeId,
  } satisfies NewUniversalCustomerRow;
  const division = demoDivision(member.divisionCode ?? 'GRO');
  const number = plan.nextAccountNumber[division.code];
  plan.nextAccountNumber[division.code] = number + 1;
  const account = {
    ...generateDivisionAccount(rng, customer, division, number, {
      now: plan.now,
      newId: plan.newId,
    }),
    status: 'ACTIVE',
    isActive: true,
    segment: 'staff',
  } satisfies DemoDivisionAccount;
  return { customer, account };
}
