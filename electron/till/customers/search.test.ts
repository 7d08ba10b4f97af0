import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustomerCreateInput } from '../../../shared/domain/customers/validate';
import { openCustomerFixture, type CustomerFixture } from '../testing/customer-fixture';
import { openAccount } from './accounts';
import { checkDuplicates } from './check-duplicates';
import { createCustomer } from './create';
import { setBlacklist, setCustomerActive } from './status';
import { updateCustomer } from './update';
import { searchCustomers } from './search';

let f: CustomerFixture;
let ids: Record<string, string>;

const add = (input: Parameters<typeof CustomerCreateInput.parse>[0]) =>
  createCustomer(f.handle.db, CustomerCreateInput.parse(input), f.actor());

beforeAll(async () => {
  f = await openCustomerFixture();
  const tendai = add({
    firstName: 'Tendai',
    lastName: 'Moyo',
    primaryPhone: '0772 123 456',
    alternatePhone: '0712 000 111',
    primaryEmail: 'tendai@example.com',
    nationalId: '63-123456A78',
    dateOfBirth: '1990-07-14',
  });
  const zoe = add({ firstName: 'Zoë', lastName: 'Banda', primaryPhone: '0772 999 000' });
  const hope = add({ type: 'NGO', companyName: 'Hope Trust', primaryPhone: '0242 700 700' });
  const tendaiMoyana = add({
    firstName: 'Tendai',
    lastName: 'Moyana',
    primaryPhone: '0783 555 444',
  });
  openAccount(
    f.handle.db,
    {
      customerId: tendai.id,
      accountType: null,
      segment: null,
      preferredPaymentMethod: null,
      preferredLanguage: 'en',
      marketingConsent: false,
      smsConsent: false,
      emailConsent: false,
    },
    f.actor(),
  );
  setBlacklist(
    f.handle.db,
    { id: zoe.id, isBlacklisted: true, reason: 'Bounced cheques' },
    f.actor('SUPERVISOR'),
  );
  setCustomerActive(
    f.handle.db,
    { id: hope.id, reason: 'Closed down' },
    false,
    f.actor('SUPERVISOR'),
  );
  ids = { tendai: tendai.id, zoe: zoe.id, hope: hope.id, tendaiMoyana: tendaiMoyana.id };
});
afterAll(() => f.close());

const search = (text: string) => searchCustomers(f.statements, text, f.businessId);
const names = (text: string) => search(text).hits.map((hit) => hit.fullName);

describe('searchCustomers', () => {
  it.each([
    ['UCST-000001', 'customerNumber'],
    ['ucst1', 'customerNumber'],
    ['CLO-CUST-000001', 'divisionNumber'],
    ['0772 123 456', 'phone'],
    ['+263772123456', 'phone'],
    ['772123456', 'phone'],
    ['0712 000 111', 'phone'],
    ['63-123456A78', 'nationalId'],
    ['63123456A78', 'nationalId'],
    ['TENDAI@example.com', 'email'],
    ['moyo tend', 'name'],
    ['Tend MOYO', 'name'],
  ])('finds Tendai Moyo by %j (%s)', (text, kind) => {
    const result = search(text);
    expect(result.kind).toBe(kind);
    expect(result.hits[0]?.fullName).toBe('Tendai Moyo');
  });

  it("shows this division's account number on the hit", () => {
    expect(search('0772123456').hits[0]).toMatchObject({
      divisionCustomerNumber: 'CLO-CUST-000001',
      accountStatus: 'ACTIVE',
      matchedBy: 'phone',
    });
  });

  it('ranks the better name match first and matches accent-blind', () => {
    expect(names('tendai')).toEqual(expect.arrayContaining(['Tendai Moyo', 'Tendai Moyana']));
    expect(names('moyan')).toEqual(['Tendai Moyana']);
    expect(names('zoe')).toEqual(['Zoë Banda']);
    expect(names('hope trust')).toEqual(['Hope Trust']);
  });

  it('answers a broad query of short fragments, whole words first', () => {
    expect(names('mo t')).toEqual(['Tendai Moyo', 'Tendai Moyana']);
    expect(names('moyana t')).toEqual(['Tendai Moyana']);
    expect(names('h')).toEqual(['Hope Trust']);
  });

  it('finds numbers still being typed', () => {
    expect(search('0772 12')).toMatchObject({ kind: 'phonePrefix' });
    expect(names('0772 12')).toEqual(['Tendai Moyo']);
  });

  it('marks blacklisted and inactive customers', () => {
    expect(search('zoe').hits[0]).toMatchObject({ isBlacklisted: true, isActive: true });
    expect(search('hope').hits[0]).toMatchObject({ isActive: false });
  });

  it('keeps the name index in step with edits', () => {
    updateCustomer(f.handle.db, { id: ids.tendaiMoyana ?? '', lastName: 'Sibanda' }, f.actor());
    expect(names('moyana')).toEqual([]);
    expect(names('sibanda tend')).toEqual(['Tendai Sibanda']);
  });

  it('answers an empty list for nothing and for no match', () => {
    expect(search('  ')).toEqual({ kind: 'empty', hits: [] });
    expect(search('xyzzy')).toEqual({ kind: 'name', hits: [] });
    expect(search('UCST-999999').hits).toEqual([]);
  });
});

describe('checkDuplicates', () => {
  it('warns about the same phone typed another way, and about a similar name born the same day', () => {
    const matches = checkDuplicates(
      f.statements,
      {
        firstName: 'Tendayi',
        lastName: 'Moyo',
        primaryPhone: '+263 772 123456',
        dateOfBirth: '1990-07-14',
      },
      f.businessId,
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      customer: { fullName: 'Tendai Moyo' },
      reasons: ['SAME_PHONE', 'SIMILAR_NAME_SAME_BIRTH_DATE'],
    });
  });

  it('finds the national ID typed without dashes, and leaves out the customer being edited', () => {
    expect(
      checkDuplicates(f.statements, { nationalId: '63123456a78' }, f.businessId)[0]?.reasons,
    ).toEqual(['SAME_NATIONAL_ID']);
    expect(
      checkDuplicates(
        f.statements,
        { nationalId: '63123456a78', excludeId: ids.tendai },
        f.businessId,
      ),
    ).toEqual([]);
  });

  it('stays quiet for a new person', () => {
    expect(
      checkDuplicates(
        f.statements,
        { firstName: 'Rudo', lastName: 'Chari', primaryPhone: '0773 111 222' },
        f.businessId,
      ),
    ).toEqual([]);
  });
});
