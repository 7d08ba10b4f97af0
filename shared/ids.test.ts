import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('sorts ids born in the same millisecond in the order they were made', () => {
    const ids = Array.from({ length: 500 }, () => uuidv7(1_767_225_600_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the timestamp and the version and variant bits', () => {
    const id = uuidv7(0x0190_0000_0001);
    expect(id.slice(0, 13)).toBe('01900000-0001');
    expect(id[14]).toBe('7');
    expect('89ab').toContain(id[19]);
  });

  it('sorts by time across milliseconds, even going back to an earlier one', () => {
    const later = uuidv7(2_000);
    const earlier = uuidv7(1_000);
    expect(earlier < later).toBe(true);
  });
});
