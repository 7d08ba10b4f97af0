import { describe, expect, it } from 'vitest';
import { divisionLabel, formatSyncTime, shortTillId } from './format';

describe('shortTillId', () => {
  it('uses the random tail of a UUIDv7, not its timestamp head', () => {
    expect(shortTillId('0190b6a2-5c1e-7a3d-9f21-3b7c4e9d1a2f')).toBe('…4e9d1a2f');
  });
});

describe('formatSyncTime', () => {
  const now = new Date(2025, 2, 3, 15, 0);
  it('says never before the first sync', () => expect(formatSyncTime(null, now)).toBe('never'));
  it('gives only the time today', () =>
    expect(formatSyncTime(new Date(2025, 2, 3, 14, 32).toISOString(), now)).toBe('14:32'));
  it('adds the day otherwise', () =>
    expect(formatSyncTime(new Date(2025, 2, 1, 9, 5).toISOString(), now)).toBe('1 Mar, 09:05'));
});

describe('divisionLabel', () => {
  it('joins name and code', () =>
    expect(divisionLabel({ name: 'Clothing', code: 'CLO' })).toBe('Clothing · CLO'));
});
