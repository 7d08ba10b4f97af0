import { describe, expect, it } from 'vitest';
import { mergeIdentity } from './merge';
import type { CustomerFields } from './validate';

const person = (overrides: Partial<CustomerFields>): CustomerFields => ({
  type: 'INDIVIDUAL',
  firstName: 'Tendai',
  lastName: 'Moyo',
  fullName: 'Tendai Moyo',
  companyName: null,
  dateOfBirth: null,
  gender: null,
  primaryEmail: null,
  primaryPhone: '+263772000001',
  alternatePhone: null,
  address: null,
  city: null,
  state: null,
  country: 'Zimbabwe',
  postalCode: null,
  nationalId: null,
  passportNumber: null,
  taxNumber: null,
  linkedUserId: null,
  linkedEmployeeId: null,
  source: null,
  referredBy: null,
  tags: [],
  ...overrides,
});

describe('mergeIdentity', () => {
  const survivor = person({ city: 'Harare', tags: ['church'] });
  const merged = person({
    firstName: 'Tendayi',
    fullName: 'Tendayi Moyo',
    city: 'Gweru',
    primaryEmail: 't@example.com',
    tags: ['farmer'],
  });

  it.each([
    ['keeps the survivor’s values by default', {}, { city: 'Harare', firstName: 'Tendai' }],
    ['fills the survivor’s blanks from the merged record', {}, { primaryEmail: 't@example.com' }],
    ['takes what was chosen', { city: 'merged' as const }, { city: 'Gweru' }],
    [
      'keeps a blank when the survivor side is chosen',
      { primaryEmail: 'survivor' as const },
      { primaryEmail: null },
    ],
    ['combines tags unless a side is chosen', {}, { tags: ['church', 'farmer'] }],
    [
      'rebuilds the full name from chosen name parts',
      { firstName: 'merged' as const },
      { firstName: 'Tendayi', fullName: 'Tendayi Moyo' },
    ],
  ])('%s', (_label, choices, expected) => {
    const result = mergeIdentity(survivor, merged, choices);
    expect(result.ok && result.fields).toMatchObject(expected);
  });

  it('lists the fields that changed, and refuses a result with no valid name', () => {
    const result = mergeIdentity(survivor, merged, { city: 'merged' });
    expect(result.ok && result.changed.sort()).toEqual(['city', 'primaryEmail', 'tags']);
    const company = person({
      type: 'BUSINESS',
      companyName: 'Moyo Hardware',
      fullName: 'Moyo Hardware',
    });
    const broken = mergeIdentity(company, person({ companyName: null }), { companyName: 'merged' });
    expect(broken).toMatchObject({ ok: false, issues: [{ field: 'companyName' }] });
  });
});
