import { describe, expect, it } from 'vitest';
import { fromZodError } from '../../contract/result';
import { UNIVERSAL_CUSTOMER_TYPES } from '../enums';
import {
  applyCustomerChanges,
  CustomerCreateInput,
  CustomerRecord,
  CustomerUpdateInput,
  type CustomerFields,
} from './validate';

const firstError = (input: unknown) => {
  const parsed = CustomerCreateInput.safeParse(input);
  return parsed.success ? null : fromZodError(parsed.error);
};

const person = { firstName: 'Tendai', lastName: 'Moyo', primaryPhone: '0772 123 456' };

describe('CustomerCreateInput', () => {
  it('normalises every field into its stored form', () => {
    const parsed = CustomerCreateInput.parse({
      ...person,
      firstName: '  Tendai ',
      primaryEmail: ' Tendai@Example.com ',
      alternatePhone: '',
      nationalId: '63123456a78',
      passportNumber: 'fn 123456',
      dateOfBirth: '1990-07-14',
      tags: ['VIP', ' vip ', 'Wholesale'],
    });
    expect(parsed).toMatchObject({
      type: 'INDIVIDUAL',
      firstName: 'Tendai',
      fullName: 'Tendai Moyo',
      primaryPhone: '+263772123456',
      primaryEmail: 'tendai@example.com',
      alternatePhone: null,
      nationalId: '63-123456A78',
      passportNumber: 'FN123456',
      country: 'Zimbabwe',
      tags: ['vip', 'wholesale'],
      companyName: null,
    });
  });

  it('keeps a given full name (some people have one name)', () => {
    expect(
      CustomerCreateInput.parse({ fullName: 'Madonna', primaryPhone: '0772123456' }).fullName,
    ).toBe('Madonna');
  });

  it('uses the company name as the full name of an organisation', () => {
    const parsed = CustomerCreateInput.parse({
      type: 'NGO',
      companyName: 'Hope  Trust',
      primaryPhone: '0242 123456',
    });
    expect(parsed.fullName).toBe('Hope Trust');
  });

  it.each(UNIVERSAL_CUSTOMER_TYPES.filter((t) => ['INDIVIDUAL', 'EMPLOYEE', 'USER'].includes(t)))(
    '%s needs a first and last name, naming the missing one',
    (type) => {
      expect(firstError({ type, firstName: 'Tendai', primaryPhone: '0772123456' })).toMatchObject({
        field: 'lastName',
        message: expect.stringContaining('lastName: is required for') as string,
      });
    },
  );

  it.each(['BUSINESS', 'GOVERNMENT', 'NGO'] as const)('%s needs a company name', (type) => {
    expect(firstError({ type, firstName: 'A', lastName: 'B', primaryPhone: '0772123456' })).toEqual(
      expect.objectContaining({ field: 'companyName' }),
    );
  });

  it.each([
    [{ primaryPhone: '12' }, 'primaryPhone', 'must be a Zimbabwe number'],
    [{ primaryPhone: undefined }, 'primaryPhone', 'is required'],
    [{ primaryEmail: 'not-an-email' }, 'primaryEmail', 'must be an email'],
    [{ nationalId: '63-1A78' }, 'nationalId', 'must look like 63-123456A78'],
    [{ dateOfBirth: '1990-02-30' }, 'dateOfBirth', 'must be a date such as'],
    [{ dateOfBirth: '14/07/1990' }, 'dateOfBirth', 'must be a date such as'],
    [{ passportNumber: '12' }, 'passportNumber', 'must be 5 to 20'],
    [{ type: 'ALIEN' }, 'type', 'must be one of INDIVIDUAL'],
    [{ address: 'x'.repeat(201) }, 'address', 'at most 200'],
    [{ linkedUserId: 'nope' }, 'linkedUserId', 'must be an id'],
    [{ tags: ['ok', ''] }, 'tags.1', 'must not be empty'],
  ])('names the bad field: %j', (override, field, message) => {
    const error = firstError({ ...person, ...override });
    expect(error?.field).toBe(field);
    expect(error?.message).toContain(message);
  });
});

const stored: CustomerFields = CustomerCreateInput.parse(person);

describe('applyCustomerChanges', () => {
  it('rebuilds the full name when a name part changes', () => {
    const result = applyCustomerChanges(stored, { lastName: 'Ncube' });
    expect(result).toMatchObject({ ok: true, fields: { fullName: 'Tendai Ncube' } });
  });

  it('refuses clearing a name the type needs', () => {
    expect(applyCustomerChanges(stored, { lastName: null })).toEqual({
      ok: false,
      issues: [
        { field: 'lastName', message: 'is required for an individual (or give the full name)' },
      ],
    });
  });

  it('refuses turning a person into a business without a company name', () => {
    expect(applyCustomerChanges(stored, { type: 'BUSINESS' })).toMatchObject({
      ok: false,
      issues: [{ field: 'companyName' }],
    });
  });

  it('update input parses like create, field by field', () => {
    const parsed = CustomerUpdateInput.parse({
      id: '0190a0b0-0000-7000-8000-000000000001',
      primaryPhone: '+263 78 111 2222',
    });
    expect(parsed).toEqual({
      id: '0190a0b0-0000-7000-8000-000000000001',
      primaryPhone: '+263781112222',
    });
  });
});

describe('CustomerRecord', () => {
  it('accepts a stored row and parses it unchanged', () => {
    const record = {
      ...stored,
      id: '0190a0b0-0000-7000-8000-000000000001',
      customerNumber: 'UCST-000001',
      isActive: true,
      isBlacklisted: false,
      blacklistReason: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      createdBy: null,
    };
    expect(CustomerRecord.parse(record)).toEqual(record);
  });
});
