import { describe, expect, it } from 'vitest';
import { CustomerCreateInput } from '../../../../shared/domain/customers/validate';
import { emptyForm, prefillFrom, toInput } from './customer-form-values';

describe('customer form values', () => {
  it.each([
    ['0772 123 456', { primaryPhone: '0772 123 456' }],
    ['63123456a78', { nationalId: '63-123456A78' }],
    ['Tendai@Example.com', { primaryEmail: 'tendai@example.com' }],
    ['tendai moyo', { firstName: 'Tendai', lastName: 'Moyo' }],
    ['chipo', { firstName: 'Chipo', lastName: '' }],
  ])('prefills a new customer from the search %j', (query, expected) => {
    expect(prefillFrom(query)).toMatchObject(expected);
  });

  it('sends a new customer without blank boxes, in a shape the contract accepts', () => {
    const values = {
      ...emptyForm(),
      firstName: ' Tendai ',
      lastName: 'Moyo',
      primaryPhone: '0772123456',
      tags: 'vip, ,Wholesale',
    };
    const input = toInput(values, null);
    expect(input).not.toHaveProperty('primaryEmail');
    expect(CustomerCreateInput.parse(input)).toMatchObject({
      fullName: 'Tendai Moyo',
      tags: ['vip', 'wholesale'],
    });
  });

  it('sends only what an edit changed; a cleared box clears the field', () => {
    const initial = {
      ...emptyForm(),
      firstName: 'Tendai',
      lastName: 'Moyo',
      fullName: 'Tendai Moyo',
      primaryPhone: '+263772123456',
      city: 'Harare',
    };
    expect(toInput({ ...initial, lastName: 'Ncube', city: '' }, initial)).toEqual({
      lastName: 'Ncube',
      city: null,
    });
  });

  it('drops the person-only fields when the customer becomes an organisation', () => {
    const initial = {
      ...emptyForm(),
      firstName: 'Tendai',
      lastName: 'Moyo',
      primaryPhone: '0772123456',
    };
    expect(
      toInput({ ...initial, type: 'BUSINESS', companyName: 'Moyo Hardware' }, initial),
    ).toEqual({
      type: 'BUSINESS',
      firstName: null,
      lastName: null,
      companyName: 'Moyo Hardware',
    });
  });
});
