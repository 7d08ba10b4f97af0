import { describe, expect, it } from 'vitest';
import { fieldErrorsFrom, sentence } from './layby-errors';
import {
  centsToInput,
  formatDay,
  inputToCents,
  milliToQuantity,
  quantityToMilli,
  readableMoney,
} from './layby-format';

describe('amounts as typed', () => {
  it.each([
    ['21', 2100],
    ['21.5', 2150],
    ['1,234.05', 123405],
    [' 0.99 ', 99],
    ['', null],
    ['12.345', null],
    ['-5', null],
    ['ten', null],
  ])('%j → %j cents', (text, cents) => {
    expect(inputToCents(text, 'USD')).toBe(cents);
  });

  it('writes cents back the way a cashier types them', () => {
    expect([centsToInput(2100), centsToInput(5), centsToInput(123405)]).toEqual([
      '21.00',
      '0.05',
      '1234.05',
    ]);
  });

  it.each([
    ['1', 1000],
    ['1.5', 1500],
    ['2,25', 2250],
    ['0.001', 1],
    ['1.0005', null],
    ['-1', null],
  ])('quantity %j → %j thousandths', (text, milli) => {
    expect(quantityToMilli(text)).toBe(milli);
  });

  it('shows quantities without trailing zeros', () => {
    expect([milliToQuantity(1000), milliToQuantity(1500), milliToQuantity(1250)]).toEqual([
      '1',
      '1.5',
      '1.25',
    ]);
  });
});

describe('what the till says, as a cashier reads it', () => {
  it('shows a shop day with its weekday, whatever the zone', () => {
    expect(formatDay('2026-12-02')).toBe('Wed, 2 Dec 2026');
    expect(formatDay(null)).toBe('—');
  });

  it('turns cents in a refusal into money', () => {
    expect(readableMoney('must be at least 1190 cents', 'USD')).toBe('must be at least US$11.90');
  });

  it.each([
    [
      'Reference',
      'tender.reference: is required for this payment method',
      'Reference is required for this payment method',
    ],
    ['Currency', 'tender.currency: there is no ZWG to USD rate', 'There is no ZWG to USD rate'],
    ['Deposit', 'must be at least US$11.90', 'Deposit must be at least US$11.90'],
  ])('%s + %j', (label, message, shown) => {
    expect(sentence(label, message)).toBe(shown);
  });

  it('puts a refusal at the field it names, by the last part of its path', () => {
    const error = {
      code: 'INVALID_INPUT' as const,
      message: 'deposit.amountCents: must be at least 1190 cents',
      field: 'deposit.amountCents',
    };
    expect(fieldErrorsFrom(error, { amount: 'Amount' }, 'USD', { amountCents: 'amount' })).toEqual({
      form: null,
      fields: { amount: 'Amount must be at least US$11.90' },
    });
  });

  it('shows a refusal of no known field above the form, without its path', () => {
    const error = {
      code: 'FORBIDDEN' as const,
      message: 'customerId: Rudo Chari cannot open a layby: Blacklisted.',
      field: 'customerId',
    };
    expect(fieldErrorsFrom(error, { amount: 'Amount' }, 'USD')).toEqual({
      form: 'Rudo Chari cannot open a layby: Blacklisted.',
      fields: {},
    });
  });
});
