import { describe, expect, it } from 'vitest';
import { classifySearch, phonePrefixRange } from './search-query';

describe('classifySearch', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['UCST-000123', { kind: 'customerNumber', customerNumber: 'UCST-000123' }],
    ['ucst123', { kind: 'customerNumber', customerNumber: 'UCST-000123' }],
    ['UCST 1234567', { kind: 'customerNumber', customerNumber: 'UCST-1234567' }],
    [
      'clo-cust-000001',
      { kind: 'divisionNumber', division: 'CLO', divisionCustomerNumber: 'CLO-CUST-000001' },
    ],
    [
      'HWR-CUST-42',
      { kind: 'divisionNumber', division: 'HWR', divisionCustomerNumber: 'HWR-CUST-000042' },
    ],
    ['0772 123 456', { kind: 'phone', e164: '+263772123456' }],
    ['+263772123456', { kind: 'phone', e164: '+263772123456' }],
    ['772-123-456', { kind: 'phone', e164: '+263772123456' }],
    ['0772 12', { kind: 'phonePrefix', digitsPrefix: '26377212' }],
    ['77212', { kind: 'phonePrefix', digitsPrefix: '26377212' }],
    ['+2637', { kind: 'phonePrefix', digitsPrefix: '2637' }],
    ['077', { kind: 'empty' }],
    ['63-123456A78', { kind: 'nationalId', canonical: '63-123456A78', compact: '63123456A78' }],
    ['63123456a78', { kind: 'nationalId', canonical: '63-123456A78', compact: '63123456A78' }],
    ['Tendai@Example.com', { kind: 'email', email: 'tendai@example.com' }],
    ['moyo tend', { kind: 'name', tokens: ['moyo', 'tend'] }],
    ['  Tend  MOYO ', { kind: 'name', tokens: ['tend', 'moyo'] }],
    ['Zoë', { kind: 'name', tokens: ['zoe'] }],
    ['tendai@', { kind: 'name', tokens: ['tendai'] }],
  ])('%j', (input, expected) => {
    expect(classifySearch(input)).toEqual(expected);
  });
});

describe('phonePrefixRange', () => {
  it('covers exactly the numbers starting with the digits', () => {
    const { from, to } = phonePrefixRange('2637721');
    expect([from, to]).toEqual(['+2637721', '+2637722']);
    expect('+263772123456' >= from && '+263772123456' < to).toBe(true);
    expect('+263772212345' < to).toBe(false);
  });
  it('handles a trailing 9', () => {
    const { from, to } = phonePrefixRange('26377129');
    expect('+263771299999' >= from && '+263771299999' < to).toBe(true);
    expect('+263771300000' < to).toBe(false);
  });
});
