import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorsFromApi, errorsFromZod, fieldMessage } from './form-errors';

const LABELS = { serverUrl: 'Server address', code: 'Enrollment code' };

describe('fieldMessage', () => {
  it.each([
    ['code: must look like ABCD-1234', 'Enrollment code must look like ABCD-1234'],
    ['must look like ABCD-1234', 'Enrollment code must look like ABCD-1234'],
    ['This code has already been used', 'This code has already been used'],
    ['code: This code has expired', 'This code has expired'],
  ])('%s → %s', (message, shown) => {
    expect(fieldMessage('code', 'Enrollment code', message)).toBe(shown);
  });
});

describe('errorsFromApi', () => {
  it('puts an error next to the field it names', () => {
    const error = { code: 'CONFLICT' as const, message: 'Already used', field: 'code' };
    expect(errorsFromApi(error, LABELS)).toEqual({ form: null, fields: { code: 'Already used' } });
  });

  it('shows an error without a known field above the button', () => {
    const error = {
      code: 'UNAVAILABLE' as const,
      message: 'Head office did not answer',
      field: 'x',
    };
    expect(errorsFromApi(error, LABELS)).toEqual({
      form: 'Head office did not answer',
      fields: {},
    });
  });
});

describe('errorsFromZod', () => {
  it('reports every bad field at once, first message each', () => {
    const schema = z.object({
      serverUrl: z.string().url({ message: 'must be a URL' }),
      code: z.string().min(9, { message: 'is too short' }),
    });
    const parsed = schema.safeParse({ serverUrl: 'nope', code: 'AB' });
    if (parsed.success) throw new Error('expected a failure');
    expect(errorsFromZod(parsed.error, LABELS)).toEqual({
      form: null,
      fields: { serverUrl: 'Server address must be a URL', code: 'Enrollment code is too short' },
    });
  });
});
