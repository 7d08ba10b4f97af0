import type { Harness } from './harness';

// Data builders: a valid body with overrides, so each test states only what it is about.

let serial = 0;
const next = () => (serial += 1);

/** A person with a unique Zimbabwe mobile number and national id. */
export function personBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return {
    firstName: 'Tendai',
    lastName: 'Moyo',
    primaryPhone: `077${String(2_000_000 + n).padStart(7, '0')}`,
    nationalId: `63-${String(100_000 + n).padStart(6, '0')}A${String(n % 100).padStart(2, '0')}`,
    city: 'Harare',
    ...overrides,
  };
}

export type CreatedCustomer = { id: string; customerNumber: string; primaryPhone: string };

export async function createCustomer(
  h: Harness,
  overrides: Record<string, unknown> = {},
): Promise<CreatedCustomer & Record<string, unknown>> {
  const response = await h.call('POST', '/api/customers', h.tokens.admin, personBody(overrides));
  if (response.statusCode !== 201)
    throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function openAccount(
  h: Harness,
  customerId: string,
  divisionId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; divisionCustomerNumber: string }> {
  const response = await h.call('POST', `/api/customers/${customerId}/divisions`, h.tokens.admin, {
    divisionId,
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`open: ${response.statusCode} ${response.body}`);
  return response.json();
}
