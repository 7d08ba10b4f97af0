import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { universalCustomers } from '../../db/central/schema';
import { CustomerSearchResult, SEARCH_CAP } from '../../shared/contract/head-office/search';
import { uuidv7 } from '../../shared/ids';
import { createCustomer, openAccount } from './testing/builders';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
let chipo: Awaited<ReturnType<typeof createCustomer>>;
let account: { divisionCustomerNumber: string };

beforeAll(async () => {
  h = await startHarness();
  chipo = await createCustomer(h, {
    firstName: 'Chipo',
    lastName: 'Mutasa',
    primaryPhone: '0772 901 234',
    alternatePhone: '0712 345 678',
    nationalId: '08-765432K21',
    primaryEmail: 'chipo.mutasa@example.com',
  });
  await createCustomer(h, {
    firstName: 'Chiedza',
    lastName: 'Mutasa',
    primaryPhone: '0772 901 999',
  });
  await createCustomer(h, { firstName: 'Farai', lastName: 'Mutasa', primaryPhone: '0733 111 222' });
  account = await openAccount(h, chipo.id, h.org.clothing.id);
});
afterAll(async () => {
  await h.close();
});

async function search(q: string, extra = ''): Promise<CustomerSearchResult> {
  const response = await h.call(
    'GET',
    `/api/customers/search?q=${encodeURIComponent(q)}${extra}`,
    h.tokens.cashier,
  );
  expect(response.statusCode).toBe(200);
  return CustomerSearchResult.parse(response.json());
}

describe('GET /api/customers/search', () => {
  it.each([
    ['customer number', () => chipo.customerNumber, 'customerNumber'],
    [
      'customer number typed loosely',
      () => chipo.customerNumber.replace('-', ' ').toLowerCase(),
      'customerNumber',
    ],
    ['division number', () => account.divisionCustomerNumber, 'divisionNumber'],
    ['phone as read out', () => '0772 901 234', 'phone'],
    ['alternate phone', () => '+263 712 345 678', 'phone'],
    ['national id without the dash', () => '08765432k21', 'nationalId'],
    ['email in capitals', () => 'CHIPO.MUTASA@EXAMPLE.COM', 'email'],
  ])('finds one customer by %s', async (_label, query, kind) => {
    const result = await search(query());
    expect(result.kind).toBe(kind);
    expect(result.items.map((c) => c.id)).toEqual([chipo.id]);
    expect(result).toMatchObject({ total: 1, totalCapped: false });
  });

  it('finds names by parts in any order, best match first', async () => {
    const result = await search('mutasa chipo');
    expect(result.kind).toBe('name');
    expect(result.items[0]?.id).toBe(chipo.id);
    const family = await search('Mutasa');
    expect(family.total).toBe(3);
    const prefix = await search('Chi Muta');
    expect(prefix.items.map((c) => c.fullName).sort()).toEqual(['Chiedza Mutasa', 'Chipo Mutasa']);
  });

  it('finds every number that starts with the digits typed so far', async () => {
    const result = await search('0772 901');
    expect(result.kind).toBe('phonePrefix');
    expect(result.total).toBe(2);
  });

  it('narrows to customers with an account in a division', async () => {
    expect((await search('Mutasa', '&division=CLO')).items.map((c) => c.id)).toEqual([chipo.id]);
    expect((await search('Mutasa', '&division=HWR')).total).toBe(0);
  });

  it('reads at most SEARCH_CAP matches of a common name and says so', async () => {
    const rows = Array.from({ length: SEARCH_CAP + 5 }, (_, i) => ({
      id: uuidv7(),
      customerNumber: `UCST-9${String(i).padStart(6, '0')}`,
      fullName: `Person ${i} Nyamukondiwa`,
      primaryPhone: `+26371${String(1_000_000 + i)}`,
    }));
    await h.database.handle.db.insert(universalCustomers).values(rows);
    const result = await search('Nyamukondiwa');
    expect(result).toMatchObject({ total: SEARCH_CAP, totalCapped: true });
    expect(result.items).toHaveLength(50);
    expect((await search('Person 7 Nyamukondiwa')).items[0]?.fullName).toBe(
      'Person 7 Nyamukondiwa',
    );
  });

  it('asks for more than two letters instead of scanning the register', async () => {
    const result = await search('Ch');
    expect(result).toMatchObject({ kind: 'name', total: 0, items: [] });
    expect(result.hint).toMatch(/3 letters/);
  });

  it('pages with a total and refuses a missing query by name', async () => {
    const first = await search('Mutasa', '&limit=2');
    const second = await search('Mutasa', '&limit=2&offset=2');
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
    const missing = await h.call('GET', '/api/customers/search', h.tokens.cashier);
    expect(missing.json()).toMatchObject({ error: { field: 'q' } });
    expect((await h.call('GET', '/api/customers/search?q=x', null)).statusCode).toBe(401);
  });
});
